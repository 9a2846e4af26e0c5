import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFirstLead, demoEvents } from '../../src/data/commands';
import { factoryEvents } from '../../src/data/commands/factoryLoad';
import { admitReceived, releaseHeld } from '../../src/data/gate';
import { Authority } from '../../src/domain/gate/authority';
import { settle } from '../../src/domain/gate/settle';
import { db } from '../../src/data/store';
import type { EventType, Payload, VaardigEvent } from '../../src/domain/events';
import { stableJson } from '../../src/domain/stableJson';
import type { LevelCode } from '../../src/domain/levels';
import { freshDatabase, snapshotProjections } from './helpers';
import { enrolmentOf, eventOf, makeDevice, rootOf, sign, type TestDevice } from './testDevices';

/**
 * The gate's promise, on the real data layer: any interleaving of honest events with forged,
 * future-stamped, duplicated and out-of-order ones folds, on every device, to exactly the fold
 * of the honest ones, and the others are listed with their reasons.
 */
const T0 = Date.UTC(2026, 10, 1);
const NOW = T0 + 30 * 86_400_000;
const DEVICES = ['tab-a', 'tab-b', 'phone'];
let seq = 0;
/** The company's three devices, and a thief's that nobody let in. */
let keys: TestDevice[] = [];
const keyOf = (id: string) => keys.find((k) => k.id === id)!;
beforeAll(async () => {
  keys = await Promise.all([...DEVICES, 'thief'].map(makeDevice));
});

/** An event of a device (signed later, all at once: `sign`). */
function ev<T extends EventType>(type: T, payload: Payload<T>, actor: string | null, minute: number, device: string, wall = T0 + minute * 60_000): VaardigEvent {
  seq++;
  return eventOf(keyOf(device), type, payload, actor, { wall, counter: seq % 100_000 });
}

const SKILL = 'skill-afkorten';
const set = (workerId: string, level: LevelCode, status: 'claimed' | 'confirmed') => ({ workerId, skillId: SKILL, level, status, note: '' }) as Payload<'level.set'>;

type Action = { kind: 'claim' | 'leadConfirm' | 'coachConfirm' | 'newWorker' | 'archive'; who: number; whom: number; level: 'I' | 'L' | 'U' | 'O'; device: number; gap: number };

/** An honest history: a workshop, then actions that each are allowed at their moment. Anna never reaches O. */
function honestHistory(actions: Action[]): { events: VaardigEvent[]; end: number } {
  const d = (i: number) => DEVICES[i % DEVICES.length]!;
  const tab = keyOf(d(0));
  const events = [
    rootOf(tab, { wall: T0 - 60_000, counter: 0 }),
    ...DEVICES.slice(1).map((id, i) => enrolmentOf(keyOf(id), { device: tab, lead: 'kees' }, { wall: T0 + 90_000, counter: i })),
    ev('team.created', { id: 'team-1', name: 'Machinaal' }, null, 0, d(0)),
    ev('station.created', { id: 'station-1', name: 'Zagen', order: 0 }, null, 0, d(0)),
    ev('skill.created', { id: SKILL, name: 'Afkorten', stationId: 'station-1', description: '', targetCoverage: 3, validityMonths: null, requires: [] }, null, 0, d(0)),
    ev('worker.created', { id: 'kees', name: 'Kees', teamId: 'team-1', role: 'lead' }, null, 1, d(0)),
    ...['jan', 'piet', 'anna'].map((id) => ev('worker.created', { id, name: id, teamId: 'team-1', role: 'worker' }, 'kees', 2, d(0))),
  ];
  const active = new Set(['jan', 'piet', 'anna']);
  const teaches = new Set<string>();
  let minute = 3;
  for (const a of actions) {
    minute += a.gap;
    const people = [...active];
    if (!people.length && a.kind !== 'newWorker') continue;
    const who = people[a.who % Math.max(1, people.length)]!;
    const whom = people[a.whom % Math.max(1, people.length)]!;
    const level = whom === 'anna' && a.level === 'O' ? 'U' : a.level;
    const at = (type: Parameters<typeof ev>[0], payload: never, actor: string) => events.push(ev(type, payload, actor, minute, d(a.device)));
    if (a.kind === 'claim') at('level.set', set(who, level, 'claimed') as never, who);
    if (a.kind === 'leadConfirm') {
      at('level.set', set(whom, level, 'confirmed') as never, 'kees');
      if (level === 'O') teaches.add(whom);
      else teaches.delete(whom);
    }
    if (a.kind === 'coachConfirm' && teaches.has(who) && who !== whom) {
      at('level.set', set(whom, level, 'confirmed') as never, who);
      if (level === 'O') teaches.add(whom);
      else teaches.delete(whom);
    }
    if (a.kind === 'newWorker') {
      const id = `new-${seq}`;
      at('worker.created', { id, name: id, teamId: 'team-1', role: 'worker' } as never, 'kees');
      active.add(id);
    }
    if (a.kind === 'archive' && who !== 'anna') {
      at('worker.changed', { id: who, archived: true } as never, 'kees');
      active.delete(who);
      teaches.delete(who);
    }
  }
  return { events, end: minute };
}

const FORGERIES = ['selfConfirm', 'makeLead', 'addLead', 'ghostActor', 'ghostSubject', 'notQualified', 'future', 'junk', 'otherDevice', 'thief', 'tampered', 'stolenSignature'] as const;

/** Events no rule allows at any moment after the setup (forged stamps lie after it). */
function forged(kind: (typeof FORGERIES)[number], minute: number, device: string): unknown {
  switch (kind) {
    case 'selfConfirm':
      return ev('level.set', set('jan', 'O', 'confirmed'), 'jan', minute, device);
    case 'makeLead':
      return ev('worker.changed', { id: 'piet', role: 'lead' }, 'anna', minute, device);
    case 'addLead':
      return ev('worker.created', { id: `boss-${seq}`, name: 'Baas', teamId: 'team-1', role: 'lead' }, 'piet', minute, device);
    case 'ghostActor':
      return ev('team.created', { id: `team-${seq}`, name: 'Spook' }, 'ghost', minute, device);
    case 'ghostSubject':
      return ev('level.set', set('ghost', 'U', 'confirmed'), 'kees', minute, device);
    case 'notQualified':
      return ev('level.set', set('piet', 'U', 'confirmed'), 'anna', minute, device);
    case 'future':
      return ev('team.created', { id: `team-${seq}`, name: 'Later' }, 'kees', minute, device, Date.UTC(2099, 0, 1));
    case 'junk':
      return { id: `junk-${seq}-xxxx`, type: 'level.set', payload: { workerId: 42 } };
    case 'otherDevice':
      return { ...ev('team.created', { id: `team-${seq}`, name: 'Vals' }, 'kees', minute, device), device: 'elsewhere' };
    // A device nobody let in, writing as the lead.
    case 'thief':
      return ev('level.set', set('anna', 'O', 'confirmed'), 'kees', minute, 'thief');
  }
}

/** Forgeries made from honest events once they are signed: changed content, a signature moved. */
function tamper(kind: 'tampered' | 'stolenSignature', honest: VaardigEvent[], minute: number, device: string): VaardigEvent {
  const victim = honest[3 + (seq++ % (honest.length - 3))]!;
  if (kind === 'tampered') return { ...victim, actor: victim.actor === 'kees' ? 'jan' : 'kees' };
  return { ...ev('level.set', set('anna', 'O', 'confirmed'), 'kees', minute, device), sig: victim.sig };
}

/** A small deterministic shuffle and batching from a seed, so a failure replays exactly. */
function deliveries<T>(items: T[], seed: number): T[][] {
  let s = seed >>> 0 || 1;
  const rnd = () => (s = (s * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32;
  const shuffled = items
    .map((x) => [rnd(), x] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, x]) => x);
  const batches: T[][] = [];
  for (let i = 0; i < shuffled.length;) {
    const size = 1 + Math.floor(rnd() * 12);
    batches.push(shuffled.slice(i, i + size));
    i += size;
  }
  return batches;
}

async function device(batches: unknown[][]) {
  await freshDatabase();
  for (const batch of batches) await admitReceived(batch, 'sync', NOW);
  const refused = (await db.refused.toArray()).map((r) => [r.id, r.code] as const);
  return { tables: await snapshotProjections(), refused: new Map(refused), events: await db.events.count() };
}

const action = fc.record({
  kind: fc.constantFrom('claim', 'leadConfirm', 'coachConfirm', 'newWorker', 'archive'),
  who: fc.nat(20),
  whom: fc.nat(20),
  level: fc.constantFrom('I', 'L', 'U', 'O'),
  device: fc.nat(2),
  gap: fc.integer({ min: 1, max: 5 }),
}) as fc.Arbitrary<Action>;

describe('one gate for everything that enters the log', () => {
  beforeEach(() => {
    seq = 0;
  });

  it('every device folds exactly the honest events, whatever else arrives and in whatever order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { maxLength: 30 }),
        fc.array(fc.record({ kind: fc.constantFrom(...FORGERIES), at: fc.nat(1000), device: fc.nat(2) }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1 }), { minLength: 2, maxLength: 2 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        async (actions, forgeries, seeds, duplicates) => {
          const { events: honest, end } = honestHistory(actions);
          const minuteOf = (at: number) => 3 + (at % Math.max(1, end - 2));
          const made = forgeries.filter((f) => f.kind !== 'tampered' && f.kind !== 'stolenSignature').map((f) => forged(f.kind as never, minuteOf(f.at), DEVICES[f.device]!));
          await sign(keys, [...honest, ...(made.filter((e) => (e as VaardigEvent).key) as VaardigEvent[])]);
          const bad = [...made, ...forgeries.filter((f) => f.kind === 'tampered' || f.kind === 'stolenSignature').map((f) => tamper(f.kind as never, honest, minuteOf(f.at), DEVICES[f.device]!))];
          const again = duplicates.map((i) => honest[i % honest.length]!);
          const reference = await device([honest]);
          expect(reference.refused.size).toBe(0);
          for (const seed of seeds) {
            const got = await device(deliveries([...honest, ...bad, ...again], seed));
            expect(got.tables).toEqual(reference.tables);
            expect(got.events).toBe(honest.length);
            // Each forgery is listed once (a copy that is not the event it names, under its own row id).
            expect(got.refused.size).toBe(new Set(bad.map((b) => stableJson(b))).size);
            for (const code of got.refused.values()) expect(code).toBeTruthy();
          }
        },
      ),
      { numRuns: 40, seed: 20261129 },
    );
  }, 120_000);

  it('an event a little ahead waits, moves no clock, and is applied when its time comes', async () => {
    await freshDatabase();
    const { events } = honestHistory([]);
    await admitReceived(await sign(keys, events), 'sync', NOW);
    const [ahead] = await sign(keys, [ev('team.created', { id: 'team-late', name: 'Nacht' }, 'kees', 0, 'phone', NOW + 20 * 60_000)]);
    expect(await admitReceived([ahead], 'sync', NOW)).toEqual({ applied: 0, refused: 0, held: 1 });
    expect(await db.teams.get('team-late')).toBeUndefined();
    expect(await releaseHeld(NOW + 5 * 60_000)).toBe(0);
    expect(await releaseHeld(NOW + 15 * 60_000)).toBe(1);
    expect(await db.teams.get('team-late')).toMatchObject({ name: 'Nacht' });
    expect(await db.held.count()).toBe(0);
  });

  it('the demo workshop and the synthetic factory are honest logs: another device admits every event', async () => {
    await freshDatabase();
    for (const events of [demoEvents().events, await factoryEvents({ workers: 60, skills: 40, seed: 3 })]) {
      expect(settle(new Authority(), events).refused.map((r) => `${r.event.type}: ${r.refusal.code}`)).toEqual([]);
    }
  });
});

describe('clocks, tampering and a device joining a company', () => {
  beforeEach(async () => {
    seq = 0;
    await freshDatabase();
  });

  it('a device whose clock was far behind takes the company data once its clock is right', async () => {
    const events = await sign(keys, honestHistory([]).events);
    const slowNow = T0 - 30 * 86_400_000;
    expect(await admitReceived(events, 'sync', slowNow)).toMatchObject({ applied: 0, refused: events.length });
    expect(await db.events.count()).toBe(0);
    expect(await releaseHeld(NOW)).toBe(events.length);
    expect(await db.refused.count()).toBe(0);
    expect(await db.workers.get('kees')).toMatchObject({ role: 'lead' });
  });

  it('an event that comes back changed is refused (its id no longer fits); the log keeps the original', async () => {
    const events = await sign(keys, honestHistory([]).events);
    await admitReceived(events, 'sync', NOW);
    const original = events.find((e) => e.type === 'worker.created' && e.payload.id === 'jan')!;
    const changed = { ...original, payload: { ...original.payload, role: 'lead' } };
    expect(await admitReceived([changed, original], 'sync', NOW)).toMatchObject({ applied: 0, refused: 1 });
    expect((await db.refused.toArray()).map((r) => r.code)).toEqual(['badId']);
    expect(await db.workers.get('jan')).toMatchObject({ role: 'worker' });
    // A changed copy that arrives first never blocks the real one.
    await freshDatabase();
    expect(await admitReceived([...events.filter((e) => e !== original), changed], 'sync', NOW)).toMatchObject({ refused: 1 });
    expect(await admitReceived([original], 'sync', NOW)).toMatchObject({ applied: 1, refused: 0 });
    expect(await db.workers.get('jan')).toMatchObject({ role: 'worker' });
  });

  it('a connected device sets up no lead of its own before the company data is in, nor while its clock is behind', async () => {
    await db.meta.put({ key: 'sync', value: { url: 'http://127.0.0.1:9', db: 'bedrijf', user: '' } });
    const setup = () => createFirstLead({ name: 'Henk', teamName: 'Nacht', pin: '1234' });
    expect(await setup()).toMatchObject({ ok: false, errors: [{ key: 'setup.fetching' }] });
    await db.meta.put({ key: 'syncSince', value: '1' });
    await admitReceived(await sign(keys, honestHistory([]).events), 'sync', T0 - 30 * 86_400_000);
    expect(await setup()).toMatchObject({ ok: false, errors: [{ key: 'setup.clockBehind' }] });
    await db.refused.clear();
    expect(await setup()).toMatchObject({ ok: true });
  });
});
