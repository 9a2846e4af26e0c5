import { DATA_LOCALE } from '../i18n/locales';

/**
 * A name as it is kept: Unicode NFC ("Zoë" typed on a Mac and on Windows is one spelling),
 * spaces trimmed and collapsed (spreadsheet cells often carry doubled or trailing ones).
 */
export const cleanName = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ');

/**
 * When two names are the same name: the clean name, ignoring case. People, teams, stations
 * and skills are matched by this key — on the forms and in imports alike.
 */
export const nameKey = (name: string): string => cleanName(name).toLocaleLowerCase(DATA_LOCALE);

export const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);

/** Whether another active row already has this name. */
export function nameClash(rows: readonly { id: string; name: string; archived: boolean }[], name: string, selfId: string): boolean {
  return rows.some((r) => !r.archived && r.id !== selfId && sameName(r.name, name));
}
