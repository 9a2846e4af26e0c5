import { levelOf } from './levels';
import type { LevelRecord, Skill, Worker } from './model';
import { isExpired } from './validity';

/**
 * Who may do what. A claim is one's own; a confirmation comes from the team lead or a
 * colleague who can teach the skill (confirmed O, not expired) — never from oneself.
 */
export type ConfirmRefusal = 'self' | 'notSignedIn' | 'notQualified';

/** The message (an i18n key) that tells a person why they may not confirm. */
export const CONFIRM_REFUSAL_MESSAGE: Record<ConfirmRefusal, string> = {
  notSignedIn: 'error.signInFirst',
  self: 'error.confirmOwn',
  notQualified: 'error.notQualified',
};

/** Whether someone with this level may teach (and confirm) the skill now: confirmed O, not expired. */
export function canTeach(record: Pick<LevelRecord, 'level' | 'at'> | undefined, skill: Pick<Skill, 'validityMonths'>, now: number): boolean {
  return record !== undefined && levelOf(record.level).mayCoach && !isExpired(record, skill, now);
}

export function confirmRefusal(
  actor: Pick<Worker, 'id' | 'role' | 'archived'> | undefined,
  targetWorkerId: string,
  actorRecord: Pick<LevelRecord, 'level' | 'at'> | undefined,
  skill: Pick<Skill, 'validityMonths'>,
  now: number,
): ConfirmRefusal | null {
  if (!actor || actor.archived) return 'notSignedIn';
  if (actor.id === targetWorkerId) return 'self';
  if (actor.role === 'lead') return null;
  if (canTeach(actorRecord, skill, now)) return null;
  return 'notQualified';
}

export function isLead(actor: Pick<Worker, 'role' | 'archived'> | undefined): boolean {
  return Boolean(actor && !actor.archived && actor.role === 'lead');
}
