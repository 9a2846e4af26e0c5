import type { Payload, PayloadInput, VaardigEvent } from '../../domain/events';
import { atLeast, type LevelCode } from '../../domain/levels';
import { assignmentsReached, isOpenAssignment, normaliseLevel, type Assignment, type Worker } from '../../domain/model';
import { CONFIRM_REFUSAL_MESSAGE, confirmRefusal } from '../../domain/permissions';
import { db, levelsOfWorker, storedLevel } from '../store';
import { fail, type FieldError } from './commandResult';
import { buildEvent, commit, type CommandContext } from './kernel';

/** Levels, claims and confirmations of the matrix's cells, and the wish to learn a skill. */

export async function activeCell(workerId: string, skillId: string) {
  const [worker, skill, record] = await Promise.all([db.workers.get(workerId), db.skills.get(skillId), storedLevel(workerId, skillId)]);
  return { worker: worker && !worker.archived ? worker : undefined, skill: skill && !skill.archived ? skill : undefined, record: record && normaliseLevel(record) };
}

type ActiveCell = Awaited<ReturnType<typeof activeCell>>;

/** `cell`: the cell as the caller already read it, so the row is not read twice. */
export async function mayConfirm(actor: Worker | undefined, workerId: string, skillId: string, cell?: ActiveCell): Promise<FieldError[]> {
  const { worker, skill } = cell ?? (await activeCell(workerId, skillId));
  if (!worker) return [{ field: 'workerId', key: 'error.notFound' }];
  if (!skill) return [{ field: 'skillId', key: 'error.notFound' }];
  const own = actor ? await storedLevel(actor.id, skillId) : undefined;
  const refusal = confirmRefusal(actor, workerId, own && normaliseLevel(own), skill, Date.now());
  return refusal ? [{ field: '', key: CONFIRM_REFUSAL_MESSAGE[refusal] }] : [];
}

/**
 * Sets a level. A claim ('claimed') is the worker's own. A confirmed level comes from the
 * lead or a coach at O; if the worker has a claim waiting, this answers it (an adjustment
 * needs a reason).
 */
export function setLevel(input: PayloadInput<'level.set'>, ctx: CommandContext) {
  return commit(
    'level.set',
    input,
    ctx,
    async (p, actor) => {
      if (p.status === 'claimed') {
        const { worker, skill } = await activeCell(p.workerId, p.skillId);
        if (!worker || !skill) return [{ field: '', key: 'error.notFound' }];
        return actor?.id === p.workerId ? [] : [{ field: '', key: 'error.claimOwnOnly' }];
      }
      const cell = await activeCell(p.workerId, p.skillId);
      const errors = await mayConfirm(actor, p.workerId, p.skillId, cell);
      const claim = cell.record?.claim;
      if (!errors.length && claim && claim.level !== p.level && !p.note) errors.push({ field: 'note', key: 'error.reasonRequired' });
      return errors;
    },
    async (p) => (p.status === 'confirmed' ? confirmationEvents(p, ctx.actor) : [buildEvent('level.set', p, ctx.actor)]),
  );
}

/**
 * The events of a confirmation: it answers a waiting claim if there is one, and marks the
 * cell's open assignments reached when the new level meets their target.
 */
export async function confirmationEvents(p: { workerId: string; skillId: string; level: LevelCode; note: string; evidence?: string }, actor: string | null): Promise<VaardigEvent[]> {
  const claim = (await activeCell(p.workerId, p.skillId)).record?.claim;
  const confirm = claim
    ? buildEvent('claim.confirmed', { workerId: p.workerId, skillId: p.skillId, claimedLevel: claim.level, level: p.level, note: p.note, evidence: p.evidence }, actor)
    : buildEvent('level.set', { ...p, status: 'confirmed' }, actor);
  const open = await db.assignments.where('workerId').equals(p.workerId).filter(isOpenAssignment).toArray();
  return [confirm, ...reachedEvents(open, p.skillId, p.level, actor)];
}

function reachedEvents(openAssignments: readonly Assignment[], skillId: string, level: LevelCode, actor: string | null): VaardigEvent[] {
  return assignmentsReached(openAssignments, skillId, level).map((a) => buildEvent('assignment.changed', { id: a.id, status: 'reached' }, actor));
}

/**
 * Confirmations of many cells of one person (a matrix import): cells that differ become one
 * `levels.recorded` event; a waiting claim is answered per cell; assignments reached are
 * marked. Reads the person's row and assignments once. Returns how many cells changed.
 */
export interface RowChange {
  events: VaardigEvent[];
  changed: number;
  /** Cells that go up or down from the confirmed level there now, and ones lower than now left as they are. */
  up: number;
  down: number;
  kept: number;
}

export async function rowConfirmationEvents(workerId: string, cells: readonly { skillId: string; level: LevelCode }[], actor: string | null, keepHigher = false): Promise<RowChange> {
  const [current, open] = await Promise.all([
    levelsOfWorker(workerId).then((rows) => new Map(rows.map((r) => [r.skillId, normaliseLevel(r)]))),
    db.assignments.where('workerId').equals(workerId).filter(isOpenAssignment).toArray(),
  ]);
  const events: VaardigEvent[] = [];
  const recorded: { skillId: string; level: LevelCode; note: string }[] = [];
  const counts = { up: 0, down: 0, kept: 0 };
  for (const { skillId, level } of new Map(cells.map((c) => [c.skillId, c])).values()) {
    const cell = current.get(skillId);
    const now = cell?.level ?? '-';
    if (!atLeast(level, now)) {
      if (keepHigher) {
        counts.kept++;
        continue;
      }
      counts.down++;
    } else if (level !== now) counts.up++;
    // Nobody confirms their own claim: the lead's own row is recorded like any other (lead only).
    if (cell?.claim && actor !== workerId) events.push(buildEvent('claim.confirmed', { workerId, skillId, claimedLevel: cell.claim.level, level, note: '' }, actor));
    else if (cell?.level !== level || cell.claim) recorded.push({ skillId, level, note: '' });
    else continue;
    events.push(...reachedEvents(open, skillId, level, actor));
  }
  if (recorded.length) events.unshift(buildEvent('levels.recorded', { workerId, cells: recorded }, actor));
  return { events, changed: recorded.length + events.filter((e) => e.type === 'claim.confirmed').length, ...counts };
}

/** Confirms a waiting claim as claimed (level omitted) or adjusted to another level, with a reason. */
export function confirmClaim(input: { workerId: string; skillId: string; level?: PayloadInput<'level.set'>['level']; note?: string }, ctx: CommandContext) {
  return storedLevel(input.workerId, input.skillId).then((row) => {
    const claim = row && normaliseLevel(row).claim;
    if (!claim) return fail<Payload<'level.set'>>({ field: '', key: 'error.noClaim' });
    return setLevel({ workerId: input.workerId, skillId: input.skillId, level: input.level ?? claim.level, status: 'confirmed', note: input.note ?? '' }, ctx);
  });
}

export async function declineClaim(input: { workerId: string; skillId: string; note: string }, ctx: CommandContext) {
  const row = await storedLevel(input.workerId, input.skillId);
  const claim = row && normaliseLevel(row).claim;
  if (!claim) return fail<Payload<'claim.declined'>>({ field: '', key: 'error.noClaim' });
  return commit('claim.declined', { ...input, claimedLevel: claim.level }, ctx, async (p, actor) => {
    const cell = await activeCell(p.workerId, p.skillId);
    const errors = await mayConfirm(actor, p.workerId, p.skillId, cell);
    const current = cell.record?.claim;
    if (!errors.length && !current) errors.push({ field: '', key: 'error.noClaim' });
    return errors;
  });
}

/** "I would like to learn this": only the worker says so, for themselves. */
export function setWish(input: { workerId: string; skillId: string; wished: boolean }, ctx: CommandContext) {
  return commit('wish.set', input, ctx, async (p, actor) => {
    const { worker, skill } = await activeCell(p.workerId, p.skillId);
    if (!worker || !skill) return [{ field: '', key: 'error.notFound' }];
    return actor?.id === p.workerId ? [] : [{ field: '', key: 'error.claimOwnOnly' }];
  });
}
