import { LOCALES, type Language } from '../i18n/locales';

/** Dates and numbers as people of this language write them (the tag comes from the locale registry). */
const tagOf = (language: Language): string => LOCALES[language].tag;

export function formatDateTime(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(tagOf(language), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** The time of day ("14:05"). */
export function formatTime(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(tagOf(language), { timeStyle: 'short' }).format(ms);
}

/** The day as the wall says it ("maandag 30 november"). */
export function formatWeekday(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(tagOf(language), { weekday: 'long', day: 'numeric', month: 'long' }).format(ms);
}

/** A day and a short month ("3 mrt"), for chart axes. */
export function formatDayMonth(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(tagOf(language), { day: 'numeric', month: 'short' }).format(ms);
}

/** Minutes as hours with at most one decimal ("1,5" in Dutch); `decimals` 1 always shows it ("0,0", for documents). */
export function formatHours(minutes: number, language: Language, decimals: 0 | 1 = 0): string {
  return new Intl.NumberFormat(tagOf(language), { minimumFractionDigits: decimals, maximumFractionDigits: 1 }).format(minutes / 60);
}

export function formatBytes(bytes: number, language: Language): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(tagOf(language), { maximumFractionDigits: unit ? 1 : 0 }).format(value)} ${units[unit]}`;
}

/** A share of 0–1 as a whole percentage ("40%"; "40 %" where the language writes it so). */
export function formatPercent(share: number, language: Language): string {
  return new Intl.NumberFormat(tagOf(language), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A day written out ("1 januari 2026"). */
export function formatDate(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(tagOf(language), { dateStyle: 'long' }).format(ms);
}

/**
 * A calendar day as date fields and events hold it (yyyy-mm-dd), written out: "12 juni 2026",
 * or with `weekday` "vrijdag 12 juni 2026" (for due dates a person plans a week around).
 * Read as a day on this device's calendar, not as midnight UTC (which would be the day before
 * west of Greenwich). Something that is not such a day is shown as it is.
 */
export function formatDay(day: string, language: Language, options: { weekday?: boolean } = {}): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(tagOf(language), { weekday: options.weekday ? 'long' : undefined, day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/**
 * A moment in a list of recent things: "vandaag 14:05", "gisteren 09:12", otherwise the date
 * and time. The words for today and yesterday come from Intl, in the UI's language.
 */
export function formatWhen(ms: number, language: Language, now: number): string {
  const days = Math.round((startOfDay(now) - startOfDay(ms)) / 86_400_000);
  if (days !== 0 && days !== 1) return formatDateTime(ms, language);
  const word = new Intl.RelativeTimeFormat(tagOf(language), { numeric: 'auto' }).format(-days, 'day');
  return `${word} ${formatTime(ms, language)}`;
}

const startOfDay = (ms: number): number => {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
};

/** This device's calendar day of an instant, as date fields take it (yyyy-mm-dd): the domain's. */
export { localDay } from '../domain/dates';
