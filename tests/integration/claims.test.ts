import { beforeEach, describe, expect, it } from 'vitest';
import * as cmd from '../../src/data/commands';
import { db, applyEvents, levelsOfSkill, storedLevel } from '../../src/data/store';
import { coverageOf } from '../../src/domain/coverage';
import { formatHlc } from '../../src/domain/hlc';
import { normaliseLevel } from '../../src/domain/model';
import { buildEvent } from '../../src/data/commands';
import { freshDatabase } from './helpers';

let ids: { lead: string; jan: string; fatima: string; piotr: string; skill: string; forklift: string };

async function workshop() {
  const first = await cmd.createFirstLead({ name: 'Kees', teamName: 'Machinaal', pin: '1234' });
  if (!first.ok) throw new Error();
  const lead = { actor: first.value.id };
  const station = await cmd.createStation({ name: 'Zagen' }, lead);
  if (!station.ok) throw new Error();
  const mk = async (name: string) => {
    const r = await cmd.createWorker({ name, teamId: first.value.teamId }, lead);
    if (!r.ok) throw new Error();
    return r.value.id;
  };
  const skill = await cmd.createSkill({ name: 'Afkorten', stationId: station.value.id }, lead);
  const forklift = await cmd.createSkill({ name: 'Heftruck', stationId: station.value.id, validityMonths: 12 }, lead);
  if (!skill.ok || !forklift.ok) throw new Error();
  ids = { lead: first.value.id, jan: await mk('Jan'), fatima: await mk('Fatima'), piotr: await mk('Piotr'), skill: skill.value.id, forklift: forklift.value.id };
  // Fatima can teach Afkorten; Piotr can do it alone.
  await cmd.setLevel({ workerId: ids.fatima, skillId: ids.skill, level: 'O', status: 'confirmed' }, lead);
  await cmd.setLevel({ workerId: ids.piotr, skillId: ids.skill, level: 'U', status: 'confirmed' }, lead);
}

const cell = async (workerId: string, skillId = ids.skill) => normaliseLevel((await storedLevel(workerId, skillId)) ?? { workerId, skillId });
const coverage = async (skillId = ids.skill) => {
  const skill = (await db.skills.get(skillId))!;
  return coverageOf(skill, (await levelsOfSkill(skillId)).map(normaliseLevel), () => true, Date.now());
};

describe('claims and confirmations', () => {
  beforeEach(async () => {
    await freshDatabase();
    await workshop();
  });

  it('claim → confirmed by a coach at O → counts for coverage', async () => {
    expect((await coverage()).capable).toBe(2);
    expect((await cmd.setLevel({ workerId: ids.jan, skillId: ids.skill, level: 'U', status: 'claimed', note: 'twee weken gedaan' }, { actor: ids.jan })).ok).toBe(true);
    expect(await cell(ids.jan)).toMatchObject({ level: '-', claim: { level: 'U', note: 'twee weken gedaan' } });
    expect(await coverage()).toMatchObject({ capable: 2, claimedCapable: 1 });

    const r = await cmd.confirmClaim({ workerId: ids.jan, skillId: ids.skill }, { actor: ids.fatima });
    expect(r.ok).toBe(true);
    expect(await cell(ids.jan)).toMatchObject({ level: 'U', by: ids.fatima, claim: null, outcome: { kind: 'confirmed', claimedLevel: 'U', by: ids.fatima } });
    expect(await coverage()).toMatchObject({ capable: 3, claimedCapable: 0 });
    const last = await db.events.orderBy('at').last();
    expect(last).toMatchObject({ type: 'claim.confirmed', actor: ids.fatima });
  });

  it('nobody confirms their own claim, not even the lead', async () => {
    await cmd.setLevel({ workerId: ids.jan, skillId: ids.skill, level: 'U', status: 'claimed' }, { actor: ids.jan });
    const count = await db.events.count();
    const own = await cmd.confirmClaim({ workerId: ids.jan, skillId: ids.skill }, { actor: ids.jan });
    expect(own).toEqual({ ok: false, errors: [{ field: '', key: 'error.confirmOwn' }] });
    await cmd.setLevel({ workerId: ids.lead, skillId: ids.skill, level: 'O', status: 'claimed' }, { actor: ids.lead });
    const leadOwn = await cmd.confirmClaim({ workerId: ids.lead, skillId: ids.skill }, { actor: ids.lead });
    expect(leadOwn.ok).toBe(false);
    expect(await db.events.count()).toBe(count + 1);
  });

  it('a colleague at U may not confirm; nobody may claim for someone else', async () => {
    await cmd.setLevel({ workerId: ids.jan, skillId: ids.skill, level: 'U', status: 'claimed' }, { actor: ids.jan });
    expect(await cmd.confirmClaim({ workerId: ids.jan, skillId: ids.skill }, { actor: ids.piotr })).toEqual({ ok: false, errors: [{ field: '', key: 'error.notQualified' }] });
    expect(await cmd.setLevel({ workerId: ids.jan, skillId: ids.skill, level: 'O', status: 'claimed' }, { actor: ids.piotr })).toEqual({
      ok: false,
      errors: [{ field: '', key: 'error.claimOwnOnly' }],
    });
    expect((await cell(ids.jan)).claim?.level).toBe('U');
  });

  it('adjusting a claim needs a reason, and records what was claimed', async () => {
    await cmd.setLevel({ workerId: ids.jan, skillId: ids.skill, level: 'O', status: 'claimed' }, { actor: ids.jan });
    const noReason = await cmd.setLevel({ workerId: ids.jan, skillId: ids.skill, level: 'L', status: 'confirmed' }, { actor: ids.lead });
    expect(noReason).toEqual({ ok: false, errors: [{ field: 'note', key: 'error.reasonRequired' }] });
    const r = await cmd.setLevel({ workerId: ids.jan, skillId: ids.skill, level: 'L', status: 'confirmed', note: 'nog niet alle maten' }, { actor: ids.lead });
    expect(r.ok).toBe(true);
    expect(await cell(ids.jan)).toMatchObject({ level: 'L', claim: null, outcome: { kind: 'adjusted', claimedLevel: 'O', reason: 'nog niet alle maten' } });
  });

  it('declining keeps the confirmed level and tells the worker why', async () => {
    await cmd.setLevel({ workerId: ids.piotr, skillId: ids.skill, level: 'O', status: 'claimed' }, { actor: ids.piotr });
    expect((await cmd.declineClaim({ workerId: ids.piotr, skillId: ids.skill, note: '' }, { actor: ids.fatima })).ok).toBe(false);
    const r = await cmd.declineClaim({ workerId: ids.piotr, skillId: ids.skill, note: 'eerst samen een order doen' }, { actor: ids.fatima });
    expect(r.ok).toBe(true);
    expect(await cell(ids.piotr)).toMatchObject({ level: 'U', claim: null, outcome: { kind: 'declined', claimedLevel: 'O', reason: 'eerst samen een order doen', by: ids.fatima } });
    expect((await coverage()).teachers).toBe(1);
  });

  it('a confirmation older than the validity period no longer counts', async () => {
    // Written as if confirmed 13 months ago: an event with an old clock, folded as sync would.
    const old = Date.now() - 400 * 86_400_000;
    const event = { ...buildEvent('level.set', { workerId: ids.jan, skillId: ids.forklift, level: 'U', status: 'confirmed', note: '' }, ids.lead), at: formatHlc({ wall: old, counter: 0 }, 'x') };
    await db.transaction('rw', [db.events, ...db.projectionTables], async () => {
      await db.events.add(event);
      await applyEvents([event]);
    });
    expect((await coverage(ids.forklift)).capable).toBe(0);
    await cmd.setLevel({ workerId: ids.jan, skillId: ids.forklift, level: 'U', status: 'confirmed' }, { actor: ids.lead });
    expect((await coverage(ids.forklift)).capable).toBe(1);
  });

  it('wishes are the worker’s own and are marked private', async () => {
    expect((await cmd.setWish({ workerId: ids.jan, skillId: ids.skill, wished: true }, { actor: ids.lead })).ok).toBe(false);
    expect((await cmd.setWish({ workerId: ids.jan, skillId: ids.skill, wished: true }, { actor: ids.jan })).ok).toBe(true);
    expect(await db.wishes.get([ids.jan, ids.skill])).toMatchObject({ wished: true });
  });
});
