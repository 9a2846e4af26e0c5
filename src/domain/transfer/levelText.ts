import { LEVELS, type LevelCode } from '../levels';

/**
 * A level as people write it in a spreadsheet — the one place that knows the ways:
 * - the ILUO letter (any case); "-" (or a dash Excel made of it) for not yet;
 * - a rank 0–4: the number of filled quarters of the paper mark;
 * - a percentage of that mark, 0/25/50/75/100 % — or as Excel stores a percentage: 0, 0.25,
 *   0.5, 0.75, 1 (so in such a sheet 1 is 100 % = O, not rank 1 = I);
 * - a mark (x, ✓, v) for "can do it": which level that stands for is the lead's choice.
 */
export interface LevelScale {
  /** The sheet writes fractions of the mark (0.25 …): numbers are quarters, not ranks. */
  fractions: boolean;
  /** The level a mark stands for. */
  mark: LevelCode;
}

/** A tick in a matrix says the person can do the task: on their own, until the lead says otherwise. */
export const DEFAULT_MARK_LEVEL: LevelCode = 'U';

type Token = { kind: 'letter'; level: LevelCode } | { kind: 'number'; value: number } | { kind: 'mark' };

const QUARTERS = LEVELS.length - 1;
const LETTER = /^[ILUO]$/i;
const DASH = /^[-–—]$/;
const MARK = /^[x✓✔☑√v]$/iu;
const NUMBER = /^(\d*[.,]?\d+)$/;
const PERCENT = /^(\d{1,3})\s*%$/;

function tokenOf(text: string): Token | undefined {
  const t = text.trim();
  if (LETTER.test(t)) return { kind: 'letter', level: t.toUpperCase() as LevelCode };
  if (DASH.test(t)) return { kind: 'letter', level: '-' };
  if (MARK.test(t)) return { kind: 'mark' };
  const percent = PERCENT.exec(t);
  // A percentage is a fraction whatever the sheet's scale: 100 % is the full mark.
  if (percent) {
    const quarters = quarterOf(Number(percent[1]) / 100);
    return quarters === undefined ? undefined : { kind: 'letter', level: LEVELS[quarters]!.code };
  }
  const number = NUMBER.exec(t);
  if (number) {
    const value = Number(number[1]!.replace(',', '.'));
    return isRank(value) || quarterOf(value) !== undefined ? { kind: 'number', value } : undefined;
  }
  return undefined;
}

const isRank = (value: number) => Number.isInteger(value) && value >= 0 && value <= QUARTERS;

/** 0, 0.25 … 1 as a number of quarters; anything else is not a fraction of the mark. */
function quarterOf(value: number): number | undefined {
  const quarters = value * QUARTERS;
  return value <= 1 && Number.isInteger(quarters) ? quarters : undefined;
}

/** The level a cell holds: null when empty, undefined when it is no level at all. */
export function parseLevelText(text: string, scale: LevelScale = { fractions: false, mark: DEFAULT_MARK_LEVEL }): LevelCode | null | undefined {
  if (text.trim() === '') return null;
  const token = tokenOf(text);
  if (!token) return undefined;
  if (token.kind === 'letter') return token.level;
  if (token.kind === 'mark') return scale.mark;
  const rank = scale.fractions ? quarterOf(token.value) : isRank(token.value) ? token.value : undefined;
  return rank === undefined ? undefined : LEVELS[rank]!.code;
}

/** Whether a cell could hold a level in any of the ways above (guessing where the levels are). */
export function isLevelLike(text: string): boolean {
  return text.trim() !== '' && tokenOf(text) !== undefined;
}

/** A number strictly between 0 and 1: the sheet writes fractions of the mark. */
export function isFraction(text: string): boolean {
  const token = tokenOf(text);
  return token?.kind === 'number' && token.value > 0 && token.value < 1;
}

/** The number a cell holds (as Excel stores 75 % as 0.75), or undefined when it is not one. */
export function numberOf(text: string): number | undefined {
  const token = tokenOf(text);
  return token?.kind === 'number' ? token.value : undefined;
}

/** A mark (x, ✓, v): its level is the lead's choice. */
export function isMark(text: string): boolean {
  return tokenOf(text)?.kind === 'mark';
}

/**
 * How a cell's way of writing is shown in the preview ("x", "50 %", "0,25", "3"), or null
 * for the plain letters everyone reads the same. Equal ways share one key.
 */
export function notationKey(text: string): string | null {
  const t = text.trim();
  if (t === '' || LETTER.test(t) || DASH.test(t)) return null;
  return t.toLowerCase().replace(/\s+/g, '');
}
