import { DATA_LOCALE } from '../i18n/locales';

/**
 * When two names are the same name: after Unicode NFC ("Zoë" typed on a Mac and on Windows),
 * with spaces trimmed and collapsed, ignoring case. People, teams, stations and skills are
 * matched by this key — on the forms and in imports alike.
 */
export const nameKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase(DATA_LOCALE);

export const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);

/** Whether another active row already has this name. */
export function nameClash(rows: readonly { id: string; name: string; archived: boolean }[], name: string, selfId: string): boolean {
  return rows.some((r) => !r.archived && r.id !== selfId && sameName(r.name, name));
}
