import { levelOf } from './levels';
import type { LevelRecord, Skill, Worker } from './model';
import { isExpired } from './validity';

/**
 * Who may do what. A claim is one's own; a confirmation comes from the team lead or a
 * colleague who can teach the skill (confirmed O, not expired) — never from oneself.
 */
export type ConfirmRefusal = 'self' | 'notSignedIn' | 'notQualified';

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
  if (actorRecord && levelOf(actorRecord.level).mayCoach && !isExpired(actorRecord, skill, now)) return null;
  return 'notQualified';
}

export function isLead(actor: Pick<Worker, 'role' | 'archived'> | undefined): boolean {
  return Boolean(actor && !actor.archived && actor.role === 'lead');
}
