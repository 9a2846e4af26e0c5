import { DAY_MS } from './thresholds';

/**
 * Calendar days as date fields and events hold them (yyyy-mm-dd, this device's day), and the
 * rules for the days people enter: a due date lies ahead, a session has happened. Pure: the
 * time is passed in.
 */

/** This device's calendar day of an instant (yyyy-mm-dd). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The day `days` days after the day of `ms` (a due date "in a week"). */
export function dayAfter(ms: number, days: number): string {
  return localDay(ms + days * DAY_MS);
}

/** Whether yyyy-mm-dd is a day of the calendar (not 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const d = new Date(Date.UTC(year, month - 1, date));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === date;
}

/** Why a due date cannot be used (an i18n key), or null: it must be a real day, today or later. */
export function dueDateProblem(day: string | null | undefined, now: number): string | null {
  if (day == null) return null;
  if (!isCalendarDay(day)) return 'error.date';
  return day < localDay(now) ? 'error.dueDatePast' : null;
}

/** Why a session's day cannot be used (an i18n key), or null: it must be a real day, today or before. */
export function sessionDateProblem(day: string, now: number): string | null {
  if (!isCalendarDay(day)) return 'error.date';
  return day > localDay(now) ? 'error.sessionFuture' : null;
}
