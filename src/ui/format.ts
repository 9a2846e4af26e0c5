import { LOCALES, type Language } from '../i18n/locales';

/** Dates and numbers as people of this language write them (the tag comes from the locale registry). */
const tagOf = (language: Language): string => LOCALES[language].tag;

export function formatDateTime(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(tagOf(language), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
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

/** This device's calendar day of an instant, as date fields take it (yyyy-mm-dd): the domain's. */
export { localDay } from '../domain/dates';
