import { beforeEach, describe, expect, it } from 'vitest';
import * as cmd from '../../src/data/commands';
import { db, rebuildProjections, allLevels, storedLevel } from '../../src/data/store';
import { freshDatabase, snapshotProjections } from './helpers';
import { ROOT_EVENT_ID } from '../../src/domain/identity/eventIdentity';

let lead = { actor: 'not-yet' };

async function basicWorkshop() {
  const first = await cmd.createFirstLead({ name: 'Kees Veerman', teamName: 'Machinaal', pin: '1234' });
  if (!first.ok) throw new Error('setup failed');
  lead = { actor: first.value.id };
  const team = { ok: true as const, value: { id: first.value.teamId } };
  const station = await cmd.createStation({ name: 'Zagen' }, lead);
  if (!team.ok || !station.ok) throw new Error('setup failed');
  const worker = await cmd.createWorker({ name: 'Jan de Vries', teamId: team.value.id }, lead);
  const skill = await cmd.createSkill({ name: 'Afkorten', stationId: station.value.id }, lead);
  if (!worker.ok || !skill.ok) throw new Error('setup failed');
  return { team: team.value, station: station.value, worker: worker.value, skill: skill.value };
}

describe('commands', () => {
  beforeEach(freshDatabase);

  it('appends one event per change and updates the projection in the same step', async () => {
    const { worker, skill } = await basicWorkshop();
    const r = await cmd.setLevel({ workerId: worker.id, skillId: skill.id, level: 'U', status: 'confirmed' }, lead);
    expect(r.ok).toBe(true);
    const row = await storedLevel(worker.id, skill.id);
    expect(row).toMatchObject({ level: 'U', claim: null, by: lead.actor, note: '' });
    const events = await db.events.orderBy('at').toArray();
    expect(events.map((e) => e.type)).toEqual(['device.enrolled', 'team.created', 'worker.created', 'station.created', 'worker.created', 'skill.created', 'level.set']);
    // Each named by the hash of what it says and signed by this device (the first one, set up here).
    expect(events.every((e) => e.key && e.sig && e.device === events[0]!.device)).toBe(true);
    expect(events[0]!.id).toBe(ROOT_EVENT_ID);
    expect(events.at(-1)).toMatchObject({ actor: lead.actor, refs: [`${worker.id}|${skill.id}`] });
    expect(row!.at).toBe(events.at(-1)!.at);
  });

  it('defaults a new skill to a target of 3 people and no expiry', async () => {
    const { skill } = await basicWorkshop();
    expect(await db.skills.get(skill.id)).toMatchObject({ targetCoverage: 3, validityMonths: null, description: '', archived: false });
  });

  it('refuses an empty name with a field message and stores nothing', async () => {
    await basicWorkshop();
    const before = await db.events.count();
    const r = await cmd.createTeam({ name: '   ' }, lead);
    expect(r).toEqual({ ok: false, errors: [{ field: 'name', key: 'error.required', params: expect.any(Object) }] });
    expect(await db.events.count()).toBe(before);
    expect(await db.teams.count()).toBe(1);
  });

  it('lets only the team lead manage people and skills', async () => {
    const { team, worker } = await basicWorkshop();
    const before = await db.events.count();
    for (const actor of [null, worker.id]) {
      const r = await cmd.createWorker({ name: 'Piet', teamId: team.id }, { actor });
      expect(r).toEqual({ ok: false, errors: [{ field: '', key: 'error.leadOnly' }] });
    }
    expect(await db.events.count()).toBe(before);
  });

  it('creates the first lead only once', async () => {
    await basicWorkshop();
    const again = await cmd.createFirstLead({ name: 'Someone Else', teamName: 'X', pin: '9999' });
    expect(again.ok).toBe(false);
    expect((await db.workers.toArray()).filter((w) => w.role === 'lead').length).toBe(1);
  });

  it('refuses a duplicate worker name (ignoring case) and stores nothing', async () => {
    const { team } = await basicWorkshop();
    const before = await snapshotProjections();
    const count = await db.events.count();
    const r = await cmd.createWorker({ name: 'JAN DE VRIES ', teamId: team.id }, lead);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: 'name', key: 'error.nameTaken' });
    expect(await db.events.count()).toBe(count);
    expect(await snapshotProjections()).toEqual(before);
  });

  it('refuses an out-of-range target coverage', async () => {
    const { station } = await basicWorkshop();
    const r = await cmd.createSkill({ name: 'Lengtezagen', stationId: station.id, targetCoverage: 0 }, lead);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: 'targetCoverage', key: 'error.targetRange' });
    expect(await db.skills.count()).toBe(1);
  });

  it('refuses a worker in a team that does not exist', async () => {
    await basicWorkshop();
    const r = await cmd.createWorker({ name: 'Piet', teamId: 'nope' }, lead);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: 'teamId', key: 'error.unknownTeam' });
  });

  it('refuses an unknown level letter', async () => {
    const { worker, skill } = await basicWorkshop();
    const r = await cmd.setLevel({ workerId: worker.id, skillId: skill.id, level: 'X' as 'U', status: 'confirmed' }, lead);
    expect(r.ok).toBe(false);
    expect(await allLevels()).toEqual([]);
  });

  it('archives a worker without losing history, and refuses levels for them afterwards', async () => {
    const { worker, skill } = await basicWorkshop();
    await cmd.setLevel({ workerId: worker.id, skillId: skill.id, level: 'L', status: 'confirmed' }, lead);
    expect((await cmd.changeWorker({ id: worker.id, archived: true }, lead)).ok).toBe(true);
    expect(await db.workers.get(worker.id)).toMatchObject({ archived: true, name: 'Jan de Vries' });
    expect(await storedLevel(worker.id, skill.id)).toMatchObject({ level: 'L' });
    const r = await cmd.setLevel({ workerId: worker.id, skillId: skill.id, level: 'U', status: 'confirmed' }, lead);
    expect(r.ok).toBe(false);
  });

  it('will not archive a team that still has active workers', async () => {
    const { team } = await basicWorkshop();
    const r = await cmd.changeTeam({ id: team.id, archived: true }, lead);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.key).toBe('error.teamHasWorkers');
    expect((await db.teams.get(team.id))!.archived).toBe(false);
  });

  it('rebuilds the same projections from the log', async () => {
    const { worker, skill, team } = await basicWorkshop();
    await cmd.setLevel({ workerId: worker.id, skillId: skill.id, level: 'I', status: 'claimed' }, { actor: worker.id });
    await cmd.setLevel({ workerId: worker.id, skillId: skill.id, level: 'U', status: 'confirmed', note: 'goed gedaan' }, lead);
    await cmd.changeTeam({ id: team.id, name: 'Machinale afdeling' }, lead);
    const before = await snapshotProjections();
    await rebuildProjections();
    expect(await snapshotProjections()).toEqual(before);
    expect((await db.teams.get(team.id))!.name).toBe('Machinale afdeling');
  });

  it('leaves nothing behind when the transaction fails halfway', async () => {
    const { worker, skill } = await basicWorkshop();
    const before = await snapshotProjections();
    const count = await db.events.count();
    // Make the last projection write (the column document) fail after the event and the row
    // document were written inside the transaction.
    const original = db.levelsBySkill.bulkPut.bind(db.levelsBySkill);
    db.levelsBySkill.bulkPut = (() => Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }))) as never;
    try {
      const r = await cmd.setLevel({ workerId: worker.id, skillId: skill.id, level: 'U', status: 'confirmed' }, lead);
      expect(r).toEqual({ ok: false, errors: [{ field: '', key: 'error.storageFull' }] });
    } finally {
      db.levelsBySkill.bulkPut = original;
    }
    expect(await db.events.count()).toBe(count);
    expect(await snapshotProjections()).toEqual(before);
  });
});
