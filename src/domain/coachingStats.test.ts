import { describe, expect, it } from 'vitest';
import { coverageOverTime, minutesBy, weekPoints } from './coachingStats';
import type { VaardigEvent } from './events';
import { formatHlc } from './hlc';
import type { CoachingSession } from './model';

const session = (id: string, coachId: string, learnerId: string, skillId: string, date: string, minutes: number): CoachingSession => ({
  id,
  coachId,
  learnerId,
  skillId,
  date,
  minutes,
  assignmentId: null,
  practised: '',
  levelReached: null,
  at: '',
});

describe('coaching minutes', () => {
  const sessions = [session('1', 'fatima', 'jan', 'a', '2026-11-02', 30), session('2', 'fatima', 'piotr', 'a', '2026-11-20', 45), session('3', 'kees', 'jan', 'b', '2026-10-01', 60)];
  it('sums per coach, learner and skill within the period only', () => {
    expect([...minutesBy(sessions, 'coachId', '2026-11-01', '2026-11-30')]).toEqual([['fatima', 75]]);
    expect([...minutesBy(sessions, 'learnerId', '2026-10-01', '2026-11-30')]).toEqual([
      ['jan', 90],
      ['piotr', 45],
    ]);
    expect([...minutesBy(sessions, 'skillId', '2026-11-20', '2026-11-20')]).toEqual([['a', 45]]);
  });
});

describe('coverage over time', () => {
  const day = 86_400_000;
  const t0 = Date.UTC(2026, 9, 1);
  const ev = (id: string, ms: number, workerId: string, level: 'U' | 'L' | 'O'): VaardigEvent => ({
    id,
    at: formatHlc({ wall: ms, counter: 0 }, 'd'),
    actor: null,
    device: 'd',
    refs: [],
    type: 'level.set',
    payload: { workerId, skillId: 'a', level, status: 'confirmed', note: '' },
  });
  it('replays the log: each point counts the levels confirmed by then', () => {
    const events = [ev('1', t0 + day, 'jan', 'U'), ev('2', t0 + 8 * day, 'piotr', 'U'), ev('3', t0 + 15 * day, 'jan', 'L'), ev('4', t0 + 16 * day, 'kees', 'O')];
    const points = [t0, t0 + 7 * day, t0 + 14 * day, t0 + 21 * day];
    const series = coverageOverTime(events, [{ id: 'a', targetCoverage: 2, validityMonths: null }], () => true, points);
    expect(series.map((p) => p.capable)).toEqual([0, 1, 2, 2]);
    expect(series.map((p) => p.skillsAtTarget)).toEqual([0, 0, 1, 1]);
  });
  it('gives week ends oldest first', () => {
    const pts = weekPoints(t0, 3);
    expect(pts).toEqual([t0 - 14 * day, t0 - 7 * day, t0]);
  });
});
