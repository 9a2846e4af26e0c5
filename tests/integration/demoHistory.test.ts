import { beforeEach, describe, expect, it } from 'vitest';
import * as cmd from '../../src/data/commands';
import { ensureStarted, removeDemo } from '../../src/data/commands';
import { signatureHolds } from '../../src/data/gate';
import { coachingOverview } from '../../src/data/queries';
import { db, allLevels } from '../../src/data/store';
import { decodeDemoLevel, demoLevelChars, DEMO_WORKSHOP } from '../../src/domain/demo';
import { Authority } from '../../src/domain/gate/authority';
import { settle } from '../../src/domain/gate/settle';
import { hlcMillis } from '../../src/domain/hlc';
import { ROOT_EVENT_ID } from '../../src/domain/identity/eventIdentity';
import { normaliseLevel } from '../../src/domain/model';
import { DAY_MS } from '../../src/domain/thresholds';
import { freshDatabase } from './helpers';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('the demo with a past', () => {
  beforeEach(freshDatabase);

  it('starts with twelve weeks of history, a few hundred events, and the matrix of the demo table', async () => {
    const started = performance.now();
    const installed = Date.now();
    await ensureStarted();
    const took = performance.now() - started;
    const events = await db.events.toArray();
    // Budget, not expectation: about 0.1 s on this machine.
    expect(took).toBeLessThan(5_000);
    expect(events.length).toBeGreaterThan(150);
    expect(events.length).toBeLessThan(400);
    const times = events.map((e) => hlcMillis(e.at));
    expect(Math.max(...times)).toBeLessThan(installed);
    expect(installed - Math.min(...times)).toBeGreaterThan(12 * 7 * DAY_MS);
    expect(installed - Math.min(...times)).toBeLessThan(16 * 7 * DAY_MS);

    const workers = await db.workers.toArray();
    const skills = await db.skills.toArray();
    const cells = new Map((await allLevels()).map((r) => [`${r.workerId}|${r.skillId}`, normaliseLevel(r)]));
    const skillIds = DEMO_WORKSHOP.stations.flatMap((st) => st.skills.map((sk) => skills.find((s) => s.name === sk.name)!.id));
    for (const w of DEMO_WORKSHOP.workers) {
      const id = workers.find((x) => x.name === w.name)!.id;
      demoLevelChars(w.levels).forEach((ch, i) => {
        const cell = cells.get(`${id}|${skillIds[i]}`);
        const want = decodeDemoLevel(ch);
        const shown = cell ? (cell.claim ? `${cell.level}/${cell.claim.level}?` : cell.level) : '-';
        const expected = !want ? '-' : want.status === 'claimed' ? `-/${want.level}?` : want.level;
        expect(`${w.name} ${i}: ${shown}`).toBe(`${w.name} ${i}: ${expected}`);
      });
    }
  });

  it('the overview has sessions over several weeks and a coverage chart that climbs', async () => {
    const now = Date.now();
    await ensureStarted();
    // The overview's own default period: the last four weeks.
    const overview = await coachingOverview(isoDay(now - 27 * DAY_MS), isoDay(now), '', now);
    expect(overview.byLearner.size).toBeGreaterThan(4);
    expect(overview.byCoach.size).toBeGreaterThan(2);
    const sessions = await db.sessions.toArray();
    const weeks = new Set(sessions.map((s) => Math.floor((now - hlcMillis(s.at)) / (7 * DAY_MS))));
    expect(weeks.size).toBeGreaterThanOrEqual(10);

    const series = overview.series.map((p) => p.skillsAtTarget);
    expect(series).toHaveLength(12);
    expect(series.every((v, i) => i === 0 || v >= series[i - 1]!)).toBe(true);
    expect(series.at(-1)! - series[0]!).toBeGreaterThanOrEqual(5);
    expect(new Set(series).size).toBeGreaterThanOrEqual(5);
    // The machining team's own chart moves too.
    const team = (await db.teams.toArray()).find((t) => t.name === 'Machinale afdeling')!;
    const own = (await coachingOverview(isoDay(now - 27 * DAY_MS), isoDay(now), team.id, now)).series.map((p) => p.capable);
    expect(own.at(-1)!).toBeGreaterThan(own[0]!);
  });

  it('this week: a few levels reached and sessions, one where a peer coach taught a colleague', async () => {
    const now = Date.now();
    await ensureStarted();
    const weekAgo = now - 7 * DAY_MS;
    const events = (await db.events.toArray()).filter((e) => hlcMillis(e.at) > weekAgo);
    const reached = events.filter((e) => (e.type === 'level.set' && e.payload.status === 'confirmed') || e.type === 'claim.confirmed');
    expect(reached.length).toBeGreaterThanOrEqual(3);
    expect(reached.length).toBeLessThanOrEqual(5);
    const sessions = events.filter((e) => e.type === 'session.recorded');
    expect(sessions.length).toBeGreaterThanOrEqual(3);
    expect(sessions.length).toBeLessThanOrEqual(7);
    const lead = (await db.workers.toArray()).find((w) => w.role === 'lead')!;
    expect(sessions.some((e) => e.type === 'session.recorded' && e.payload.coachId !== lead.id)).toBe(true);
  });

  it('live events come after the past; removing the demo takes the past along, and this device stays from the install on', async () => {
    const installed = Date.now();
    await ensureStarted();
    const newest = (await db.events.orderBy('at').last())!.at;
    expect(hlcMillis((await db.events.get(ROOT_EVENT_ID))!.at)).toBeLessThan(installed - 12 * 7 * DAY_MS);
    const kees = (await db.workers.toArray()).find((w) => w.role === 'lead')!;
    const before = Date.now();
    expect((await cmd.createTeam({ name: 'Nachtploeg' }, { actor: kees.id })).ok).toBe(true);
    const live = (await db.events.where('type').equals('team.created').toArray()).find((e) => e.type === 'team.created' && e.payload.name === 'Nachtploeg')!;
    expect(live.at > newest).toBe(true);
    expect(hlcMillis(live.at)).toBeGreaterThanOrEqual(before);

    await removeDemo();
    const left = await db.events.orderBy('at').toArray();
    expect(left.map((e) => e.type)).toEqual(['device.enrolled', 'team.created']);
    // Let in when the demo was installed (after its past, before anything of the company's own),
    // signed anew: another device admits what is left.
    expect(left[0]!.at > newest).toBe(true);
    expect(hlcMillis(left[0]!.at)).toBeLessThanOrEqual(installed);
    expect(await signatureHolds(left[0]!)).toBe(true);
    expect(settle(new Authority(), left).refused).toEqual([]);
    for (const table of ['sessions', 'assignments', 'workers', 'skills', 'stations', 'mappings'] as const) expect(await db.table(table).count()).toBe(0);
    expect(await allLevels()).toEqual([]);
  });
});
