import type { VaardigEvent } from './events';
import { levelRank, type LevelCode } from './levels';
import { hlcMillis } from './hlc';
import type { CoachingSession } from './model';
import { DAY_MS } from './thresholds';

/**
 * What the wall celebrates: who reached a higher level and who practised with whom in the last
 * seven days. Worked out from the log (the levels' history), never from what is shown now: a
 * level set back and up again is not a new step.
 */
export const WEEK_NEWS_DAYS = 7;

export interface LevelReached {
  workerId: string;
  skillId: string;
  level: LevelCode;
  /** Wall-clock ms of the confirmation. */
  at: number;
}

export interface Practised {
  coachId: string;
  learnerId: string;
  skillId: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface WeekNews {
  reached: LevelReached[];
  practised: Practised[];
}

/** The start of the window, in ms: seven days back from `now`. */
export function weekStart(now: number): number {
  return now - WEEK_NEWS_DAYS * DAY_MS;
}

/** The confirmed level an event gives the cell (a claim does not count: nobody confirmed it yet). */
function confirmedLevel(event: VaardigEvent, skillId: string): LevelCode | null {
  switch (event.type) {
    case 'level.set':
      return event.payload.status === 'confirmed' ? event.payload.level : null;
    case 'claim.confirmed':
      return event.payload.level;
    case 'levels.recorded':
      return event.payload.cells.find((c) => c.skillId === skillId)?.level ?? null;
    default:
      return null;
  }
}

/**
 * The steps up of one cell within the window: each confirmation to a level higher than any
 * confirmed before it. `history` is the cell's events in any order.
 */
export function stepsUp(history: readonly VaardigEvent[], workerId: string, skillId: string, from: number): LevelReached[] {
  const sorted = [...history].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  let best = 0;
  const out: LevelReached[] = [];
  for (const event of sorted) {
    const level = confirmedLevel(event, skillId);
    if (!level) continue;
    const rank = levelRank(level);
    const at = hlcMillis(event.at);
    if (rank > best && at >= from && event.type !== 'levels.recorded') out.push({ workerId, skillId, level, at });
    best = Math.max(best, rank);
  }
  return out;
}

/** Sessions in the window, newest first. `today` is YYYY-MM-DD of `now` in the device's zone. */
export function practisedSince(sessions: readonly CoachingSession[], fromDate: string, today: string): Practised[] {
  return sessions
    .filter((s) => s.date >= fromDate && s.date <= today)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .map(({ coachId, learnerId, skillId, date }) => ({ coachId, learnerId, skillId, date }));
}
