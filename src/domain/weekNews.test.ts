import { describe, expect, it } from 'vitest';
import type { VaardigEvent } from './events';
import { formatHlc } from './hlc';
import type { CoachingSession } from './model';
import { practisedSince, stepsUp, weekStart } from './weekNews';

const day = 86_400_000;
const now = Date.UTC(2026, 10, 30, 12);
const at = (ms: number) => formatHlc({ wall: ms, counter: 0 }, 'd');
const set = (id: string, ms: number, level: 'I' | 'L' | 'U' | 'O', status: 'claimed' | 'confirmed' = 'confirmed'): VaardigEvent => ({
  id,
  at: at(ms),
  actor: 'kees',
  device: 'd',
  refs: [],
  type: 'level.set',
  payload: { workerId: 'emma', skillId: 'fineren', level, status, note: '' },
});

describe("the wall's week", () => {
  it('counts a confirmation to a higher level than ever before, within the last seven days', () => {
    const history = [set('1', now - 30 * day, 'L'), set('2', now - 2 * day, 'U'), set('3', now - day, 'O', 'claimed')];
    expect(stepsUp(history, 'emma', 'fineren', weekStart(now))).toEqual([{ workerId: 'emma', skillId: 'fineren', level: 'U', at: now - 2 * day }]);
  });

  it('does not count a level set back and up again, nor one before the week', () => {
    const history = [set('1', now - 30 * day, 'U'), set('2', now - 3 * day, 'L'), set('3', now - 2 * day, 'U'), set('4', now - 8 * day, 'I')];
    expect(stepsUp(history, 'emma', 'fineren', weekStart(now))).toEqual([]);
  });

  it('lists the sessions of the week, newest first, none from the future', () => {
    const s = (id: string, date: string): CoachingSession => ({
      id,
      coachId: 'ahmed',
      learnerId: 'emma',
      skillId: 'fineren',
      assignmentId: null,
      date,
      minutes: 30,
      practised: '',
      levelReached: null,
      at: '',
    });
    const found = practisedSince([s('a', '2026-11-20'), s('b', '2026-11-24'), s('c', '2026-11-29'), s('d', '2026-12-05')], '2026-11-23', '2026-11-30');
    expect(found.map((p) => p.date)).toEqual(['2026-11-29', '2026-11-24']);
  });
});
