import type { Language } from '../i18n';

const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

export function formatDateTime(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatBytes(bytes: number, language: Language): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: unit ? 1 : 0 }).format(value)} ${units[unit]}`;
}
