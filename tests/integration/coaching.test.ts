import { beforeEach, describe, expect, it } from 'vitest';
import * as cmd from '../../src/data/commands';
import { db, allLevels, storedLevel } from '../../src/data/store';
import { setPin } from '../../src/data/commands';
import { coverageOf } from '../../src/domain/coverage';
import { normaliseLevel } from '../../src/domain/model';
import { dayAfter, localDay } from '../../src/domain/dates';
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
    const due = dayAfter(Date.now(), 18);
    const created = await cmd.createAssignments([{ workerId: ids.jan, skillId: ids.skill, coachId: ids.fatima, targetLevel: 'U', dueDate: due }], lead);
    expect(created.ok).toBe(true);
    const [assignmentId] = created.ok ? created.value : [];
    expect(await db.assignments.get(assignmentId!)).toMatchObject({ status: 'open', coachId: ids.fatima, dueDate: due });
    expect((await coverage()).capable).toBe(1);

    const session = {
      coachId: ids.fatima,
      learnerId: ids.jan,
      skillId: ids.skill,
      assignmentId: assignmentId!,
      date: localDay(Date.now()),
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

  describe('dates that cannot be right are refused, and nothing is written', () => {
    // Noon on 30 November 2026 on this machine: "today" for the commands below.
    const now = new Date(2026, 10, 30, 12).getTime();
    const session = () => ({ coachId: ids.fatima, learnerId: ids.jan, skillId: ids.skill, assignmentId: null, date: '2026-11-30', minutes: 30, practised: '', levelReached: null });

    it('a due date in the past, when planning or changing', async () => {
      const one = { workerId: ids.jan, skillId: ids.skill, coachId: ids.fatima, targetLevel: 'U' as const };
      expect(await cmd.createAssignments([{ ...one, dueDate: '2026-11-29' }], lead, now)).toEqual({ ok: false, errors: [{ field: 'dueDate', key: 'error.dueDatePast' }] });
      expect(await cmd.createAssignments([{ ...one, dueDate: '2026-02-30' }], lead, now)).toEqual({ ok: false, errors: [{ field: 'dueDate', key: 'error.date' }] });
      expect(await db.assignments.count()).toBe(0);
      const made = await cmd.createAssignments([{ ...one, dueDate: '2026-11-30' }], lead, now);
      expect(made.ok).toBe(true);
      const id = made.ok ? made.value[0]! : '';
      const events = await db.events.count();
      expect(await cmd.changeAssignment({ id, dueDate: '2020-01-01' }, lead, now)).toEqual({ ok: false, errors: [{ field: 'dueDate', key: 'error.dueDatePast' }] });
      expect(await db.events.count()).toBe(events);
      expect((await cmd.changeAssignment({ id, dueDate: '2026-12-07' }, lead, now)).ok).toBe(true);
    });

    it('a session on a day still to come (2099)', async () => {
      const events = await db.events.count();
      const r = await cmd.recordSession({ ...session(), date: '2099-01-01' }, '1111', { actor: ids.fatima }, now);
      expect(r).toEqual({ ok: false, errors: [{ field: 'date', key: 'error.sessionFuture' }] });
      expect(await db.sessions.count()).toBe(0);
      expect(await db.events.count()).toBe(events);
      // Refused before the PIN is even tried: a wrong PIN is not counted against Jan.
      expect((await db.credentials.get(ids.jan))!.failures).toBe(0);
      expect((await cmd.recordSession(session(), '1111', { actor: ids.fatima }, now)).ok).toBe(true);
    });

    it('the form is checked as a whole, before any PIN', () => {
      const checked = cmd.checkSession({ ...session(), date: '2099-01-01', minutes: Number.NaN, practised: 'x'.repeat(5000) }, { actor: ids.fatima }, now);
      expect(checked.ok).toBe(false);
      expect(checked.ok ? [] : checked.errors.map((e) => [e.field, e.key])).toEqual([
        ['minutes', 'error.number'],
        ['practised', 'error.tooLong'],
        ['date', 'error.sessionFuture'],
      ]);
      expect(cmd.checkSession({ ...session(), minutes: 0 }, { actor: ids.fatima }, now)).toMatchObject({ ok: false, errors: [{ field: 'minutes', key: 'error.minutesRange' }] });
      expect(cmd.checkSession(session(), { actor: ids.fatima }, now).ok).toBe(true);
    });
  });
});
