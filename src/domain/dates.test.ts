import { describe, expect, it } from 'vitest';
import { dayAfter, dueDateProblem, isCalendarDay, localDay, sessionDateProblem } from './dates';

// Noon on 30 November 2026, this machine's time zone: the same calendar day everywhere in Europe.
const now = new Date(2026, 10, 30, 12).getTime();

describe('dates people enter', () => {
  it('reads the day of an instant as this device sees it', () => {
    expect(localDay(now)).toBe('2026-11-30');
    expect(dayAfter(now, 7)).toBe('2026-12-07');
  });

  it('knows which days exist', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay('30-11-2026')).toBe(false);
  });

  it('a due date is today or later', () => {
    expect(dueDateProblem('2026-11-30', now)).toBeNull();
    expect(dueDateProblem('2027-01-04', now)).toBeNull();
    expect(dueDateProblem(null, now)).toBeNull();
    expect(dueDateProblem('2026-11-29', now)).toBe('error.dueDatePast');
    expect(dueDateProblem('2026-11-31', now)).toBe('error.date');
  });

  it('a session is today or before', () => {
    expect(sessionDateProblem('2026-11-30', now)).toBeNull();
    expect(sessionDateProblem('2025-06-01', now)).toBeNull();
    expect(sessionDateProblem('2026-12-01', now)).toBe('error.sessionFuture');
    expect(sessionDateProblem('2099-01-01', now)).toBe('error.sessionFuture');
    expect(sessionDateProblem('', now)).toBe('error.date');
  });
});
