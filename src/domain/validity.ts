import { hlcMillis } from './hlc';
import type { LevelRecord, Skill } from './model';

/** When a confirmed level stops counting, or null if it never does. */
export function expiresAt(record: Pick<LevelRecord, 'at' | 'status'>, skill: Pick<Skill, 'validityMonths'>): number | null {
  if (skill.validityMonths == null || record.status !== 'confirmed') return null;
  const d = new Date(hlcMillis(record.at));
  d.setMonth(d.getMonth() + skill.validityMonths);
  return d.getTime();
}

export function isExpired(record: Pick<LevelRecord, 'at' | 'status'>, skill: Pick<Skill, 'validityMonths'>, now: number): boolean {
  const end = expiresAt(record, skill);
  return end !== null && end <= now;
}
