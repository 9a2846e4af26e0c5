import { beforeEach, describe, expect, it } from 'vitest';
import * as cmd from '../../src/data/commands';
import { db, allLevels, storedLevel } from '../../src/data/store';
import { setPin } from '../../src/data/commands';
import { coverageOf } from '../../src/domain/coverage';
import { normaliseLevel } from '../../src/domain/model';
import { freshDatabase } from './helpers';

let lead: { actor: string };
let ids: { jan: string; fatima: string; piotr: string; skill: string };

describe('assignments and coaching sessions', () => {
  beforeEach(async () => {
    await freshDatabase();
    const first = await cmd.createFirstLead({ name: 'Kees', teamName: 'Machinaal', pin: '1234' });
    if (!first.ok) throw new Error();
    lead = { actor: first.value.id };
    const station = await cmd.createStation({ name: 'Lijmen' }, lead);
    const skill = station.ok ? await cmd.createSkill({ name: 'Fineren', stationId: station.value.id, targetCoverage: 2 }, lead) : undefined;
    const mk = async (name: string) => {
      const r = await cmd.createWorker({ name, teamId: first.value.teamId }, lead);
      if (!r.ok) throw new Error();
      return r.value.id;
    };
    if (!skill?.ok) throw new Error();
    ids = { jan: await mk('Jan'), fatima: await mk('Fatima'), piotr: await mk('Piotr'), skill: skill.value.id };
    await cmd.setLevel({ workerId: ids.fatima, skillId: ids.skill, level: 'O', status: 'confirmed' }, lead);
    await setPin(ids.jan, '1111', { actor: ids.jan });
  });

  const coverage = async () => coverageOf((await db.skills.get(ids.skill))!, (await allLevels()).map(normaliseLevel), () => true, Date.now());

  it('session → confirmation → assignment reached → coverage up', async () => {
    const created = await cmd.createAssignments([{ workerId: ids.jan, skillId: ids.skill, coachId: ids.fatima, targetLevel: 'U', dueDate: '2026-12-18' }], lead);
    expect(created.ok).toBe(true);
    const [assignmentId] = created.ok ? created.value : [];
    expect(await db.assignments.get(assignmentId!)).toMatchObject({ status: 'open', coachId: ids.fatima, dueDate: '2026-12-18' });
    expect((await coverage()).capable).toBe(1);

    const session = {
      coachId: ids.fatima,
      learnerId: ids.jan,
      skillId: ids.skill,
      assignmentId: assignmentId!,
      date: '2026-11-29',
      minutes: 45,
      practised: 'fineer op maat',
      levelReached: 'U' as const,
    };
    const wrongPin = await cmd.recordSession(session, '0000', { actor: ids.fatima });
    expect(wrongPin.ok).toBe(false);
    expect(await db.sessions.count()).toBe(0);

    const r = await cmd.recordSession(session, '1111', { actor: ids.fatima });
    expect(r.ok).toBe(true);
    const stored = (await db.sessions.toArray())[0]!;
    expect(stored).toMatchObject({ coachId: ids.fatima, learnerId: ids.jan, minutes: 45, levelReached: 'U' });
    const cell = normaliseLevel((await storedLevel(ids.jan, ids.skill))!);
    expect(cell).toMatchObject({ level: 'U', by: ids.fatima });
    const confirmEvent = (await db.events.where('refs').equals(stored.id).toArray()).find((e) => e.type === 'level.set');
    expect(confirmEvent?.payload).toMatchObject({ evidence: stored.id, status: 'confirmed' });
    expect(await db.assignments.get(assignmentId!)).toMatchObject({ status: 'reached' });
    expect((await coverage()).capable).toBe(2);
  });

  it('a session is recorded by the coach signed in, never by someone else', async () => {
    const s = { coachId: ids.fatima, learnerId: ids.jan, skillId: ids.skill, assignmentId: null, date: '2026-11-29', minutes: 30, practised: '', levelReached: null };
    expect(await cmd.recordSession(s, '1111', { actor: ids.piotr })).toEqual({ ok: false, errors: [{ field: '', key: 'error.coachSignsIn' }] });
    expect((await cmd.recordSession({ ...s, minutes: 0 }, '1111', { actor: ids.fatima })).ok).toBe(false);
    expect(await db.sessions.count()).toBe(0);
  });

  it('a level reached with a coach below O is recorded but not confirmed', async () => {
    await cmd.setLevel({ workerId: ids.piotr, skillId: ids.skill, level: 'U', status: 'confirmed' }, lead);
    const r = await cmd.recordSession(
      { coachId: ids.piotr, learnerId: ids.jan, skillId: ids.skill, assignmentId: null, date: '2026-11-29', minutes: 20, practised: 'meekijken', levelReached: 'L' },
      '1111',
      { actor: ids.piotr },
    );
    expect(r.ok).toBe(true);
    expect(await storedLevel(ids.jan, ids.skill)).toBeUndefined();
  });

  it('refuses an assignment with a coach below O, with the learner as coach, or twice', async () => {
    expect(await cmd.createAssignments([{ workerId: ids.jan, skillId: ids.skill, coachId: ids.piotr, targetLevel: 'U', dueDate: null }], lead)).toEqual({
      ok: false,
      errors: [{ field: 'coachId', key: 'error.coachNotO' }],
    });
    expect((await cmd.createAssignments([{ workerId: ids.fatima, skillId: ids.skill, coachId: ids.fatima, targetLevel: 'U', dueDate: null }], lead)).ok).toBe(false);
    const ok = await cmd.createAssignments([{ workerId: ids.jan, skillId: ids.skill, coachId: ids.fatima, targetLevel: 'U', dueDate: null }], lead);
    expect(ok.ok).toBe(true);
    const twice = await cmd.createAssignments(
      [
        { workerId: ids.piotr, skillId: ids.skill, coachId: ids.fatima, targetLevel: 'U', dueDate: null },
        { workerId: ids.jan, skillId: ids.skill, coachId: ids.fatima, targetLevel: 'U', dueDate: null },
      ],
      lead,
    );
    expect(twice).toEqual({ ok: false, errors: [{ field: '', key: 'error.alreadyLearning' }] });
    // All or nothing: Piotr's assignment in the refused batch was not stored either.
    expect(await db.assignments.count()).toBe(1);
  });
});
