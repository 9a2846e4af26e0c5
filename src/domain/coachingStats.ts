import { countsForCoverage } from './coverage';
import type { VaardigEvent } from './events';
import { hlcMillis } from './hlc';
import { normaliseLevel, type CoachingSession, type LevelRecord, type Skill } from './model';
import { foldEvents } from './projection';

/** Coaching minutes summed per key (learner, coach or skill) for sessions in [from, to]. */
export function minutesBy(sessions: readonly CoachingSession[], key: 'learnerId' | 'coachId' | 'skillId', from: string, to: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sessions) {
    if (s.date < from || s.date > to) continue;
    out.set(s[key], (out.get(s[key]) ?? 0) + s.minutes);
  }
  return new Map([...out].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

export interface CoveragePoint {
  /** End of the period, ms. */
  at: number;
  /** Skills with at least their target of people who can do it alone. */
  skillsAtTarget: number;
  /** Sum over skills of the people who can do it alone. */
  capable: number;
}

/**
 * Team coverage over time, replayed from the log: at each point, the levels as they were
 * confirmed then (expiry judged at that moment), for the given skills and workers.
 */
export function coverageOverTime(
  events: readonly VaardigEvent[],
  skills: readonly Pick<Skill, 'id' | 'targetCoverage' | 'validityMonths'>[],
  isWorker: (id: string) => boolean,
  points: readonly number[],
): CoveragePoint[] {
  const levelEvents = events.filter((e) => e.type === 'level.set' || e.type === 'claim.confirmed' || e.type === 'levels.recorded').sort((a, b) => (a.at < b.at ? -1 : 1));
  let state = foldEvents([]);
  let i = 0;
  return [...points]
    .sort((a, b) => a - b)
    .map((at) => {
      const batch: VaardigEvent[] = [];
      while (i < levelEvents.length && hlcMillis(levelEvents[i]!.at) <= at) batch.push(levelEvents[i++]!);
      state = foldEvents(batch, state);
      const capableBySkill = new Map<string, number>();
      for (const row of state.levels.values()) {
        const r: LevelRecord = normaliseLevel(row);
        const skill = skills.find((s) => s.id === r.skillId);
        if (skill && isWorker(r.workerId) && countsForCoverage(r, skill, at)) capableBySkill.set(r.skillId, (capableBySkill.get(r.skillId) ?? 0) + 1);
      }
      return {
        at,
        skillsAtTarget: skills.filter((s) => (capableBySkill.get(s.id) ?? 0) >= s.targetCoverage).length,
        capable: [...capableBySkill.values()].reduce((a, b) => a + b, 0),
      };
    });
}

/** Week ends (ms) going back from `now`, oldest first. */
export function weekPoints(now: number, weeks: number): number[] {
  return Array.from({ length: weeks }, (_, i) => now - (weeks - 1 - i) * 7 * 86_400_000);
}
