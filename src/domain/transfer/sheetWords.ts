import { cleanName } from '../names';
import { isLevelLike } from './levelText';

/**
 * The words people put in their own matrix sheets, Dutch and English, that say what a
 * column or a line is. Whole words only: a skill called "Notenhout fineren" is no notes
 * column, and "Sommen controleren" no totals.
 */
const NOT_IN_WORD = '(?![\\p{L}\\p{N}])';
const exactly = (...words: string[]) => new RegExp(`^(?:${words.join('|')})$`, 'iu');
const startsWith = (...words: string[]) => new RegExp(`^(?:${words.join('|')})${NOT_IN_WORD}`, 'iu');
const anywhere = (...words: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})${NOT_IN_WORD}`, 'iu');

export const HEADER = {
  name: exactly('naam', 'name', 'volledige naam', 'full name', 'medewerker', 'werknemer', 'persoon', 'worker', 'employee'),
  firstName: exactly('voornaam', 'voornamen', 'roepnaam', 'first ?name', 'given name'),
  infix: exactly('tussenvoegsels?', 'tussenv\\.?', 'voorvoegsels?', 'infix'),
  lastName: exactly('achternaam', 'familienaam', 'geslachtsnaam', 'last ?name', 'surname', 'family name'),
  team: exactly('team', 'ploeg', 'afdeling', 'groep', 'group', 'department'),
  notes: anywhere('opmerking(?:en)?', 'notitie(?:s)?', 'toelichting(?:en)?', 'notes?', 'comments?', 'remarks?'),
} as const;

/** "Totaal", "Totaal U/O", "Aantal U/O", "Som", "Count": a line or column that counts the others. */
const TOTALS = startsWith('totaal', 'totalen', 'subtotaal', 'aantal', 'som', 'total', 'totals', 'subtotal', 'sum', 'count');
const LEGEND = startsWith('legenda', 'legend', 'verklaring');
/** "U = zelfstandig", "I: leert het", "x - kan het": a level and what it means, in one cell. */
const LEVEL_DEFINED = /^(\S{1,4})\s*[=:–-]\s*\p{L}/u;
const SEPARATOR_AT_END = /\s*[=:–-]$/;
const HAS_WORD = /\p{L}{2}/u;
const HAS_LETTER = /\p{L}/u;

/** A header as it is compared: clean, without a trailing colon ("Naam:"). */
export const headerText = (cell: string): string => cleanName(cell).replace(/\s*:$/, '');

export const isTotalsLabel = (cell: string): boolean => TOTALS.test(headerText(cell));

/** A column of counts: a totals header over numbers only (what COUNTIF gives). */
export const isTotalsColumn = (header: string, values: { filled: number; numbers: number }): boolean => isTotalsLabel(header) && values.filled === values.numbers;

/** A cell with no letters in it: a number, a percentage, a count. */
export const isNumberCell = (cell: string): boolean => cell.trim() !== '' && !HAS_LETTER.test(cell);

const firstFilled = (row: readonly string[]) => row.findIndex((c) => c.trim() !== '');

/** A line of counts: it starts with a totals word and holds nothing but numbers after it. */
export function isTotalsRow(row: readonly string[]): boolean {
  const first = firstFilled(row);
  return first >= 0 && isTotalsLabel(row[first]!) && row.every((c, i) => i <= first || c.trim() === '' || isNumberCell(c));
}

/**
 * A line of the legend people write under their matrix: "Legenda", or a level with its
 * meaning ("U = zelfstandig" in one cell, or "U" with "zelfstandig" in the next). Such a
 * line may have a level letter where the names are; it is never a person.
 */
export function isLegendRow(row: readonly string[]): boolean {
  const first = firstFilled(row);
  if (first < 0) return false;
  const cell = row[first]!.trim();
  if (LEGEND.test(cell)) return true;
  const defined = LEVEL_DEFINED.exec(cell);
  if (defined && isLevelLike(defined[1]!)) return true;
  const meaning = row.slice(first + 1).find((c) => c.trim() !== '');
  const token = cell.length > 1 ? cell.replace(SEPARATOR_AT_END, '') : cell;
  return isLevelLike(token) && meaning !== undefined && !isLevelLike(meaning) && HAS_WORD.test(meaning);
}
