import { hlcMillis } from './hlc';
import type { LevelRecord, Skill } from './model';
import { DAY_MS, EXPIRY_WARNING_DAYS } from './thresholds';

/** When a confirmed level stops counting, or null if it never does. */
export function expiresAt(record: Pick<LevelRecord, 'at' | 'level'>, skill: Pick<Skill, 'validityMonths'>): number | null {
  if (skill.validityMonths == null || !record.at || record.level === '-') return null;
  const d = new Date(hlcMillis(record.at));
  d.setMonth(d.getMonth() + skill.validityMonths);
  return d.getTime();
}

export function isExpired(record: Pick<LevelRecord, 'at' | 'level'>, skill: Pick<Skill, 'validityMonths'>, now: number): boolean {
  const end = expiresAt(record, skill);
  return end !== null && end <= now;
}

export interface Expiry<R> {
  record: R;
  expiresAt: number;
}

/**
 * Confirmed levels that expire within `days` from now (soon) or already have (expired),
 * soonest first: the lead's list of certificates to renew.
 */
export function expiries<R extends Pick<LevelRecord, 'at' | 'level' | 'skillId'>>(
  records: Iterable<R>,
  skillsById: ReadonlyMap<string, Pick<Skill, 'validityMonths'>>,
  now: number,
  days = EXPIRY_WARNING_DAYS,
): { soon: Expiry<R>[]; expired: Expiry<R>[] } {
  const soon: Expiry<R>[] = [];
  const expired: Expiry<R>[] = [];
  const horizon = now + days * DAY_MS;
  for (const record of records) {
    const skill = skillsById.get(record.skillId);
    const end = skill ? expiresAt(record, skill) : null;
    if (end === null) continue;
    if (end <= now) expired.push({ record, expiresAt: end });
    else if (end <= horizon) soon.push({ record, expiresAt: end });
  }
  const byDate = (a: Expiry<R>, b: Expiry<R>) => a.expiresAt - b.expiresAt;
  return { soon: soon.sort(byDate), expired: expired.sort(byDate) };
}
