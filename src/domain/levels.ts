/**
 * The ILUO levels: the one place that says what a level is, in what order, what it counts
 * for, and how it looks. Labels live in the i18n catalogs under `level.<key>.label`; screens
 * show a level only through src/ui/levelDisplay.ts and src/ui/LevelMark.tsx.
 */
export const LEVEL_CODES = ['-', 'I', 'L', 'U', 'O'] as const;
export type LevelCode = (typeof LEVEL_CODES)[number];

export type LevelStatus = 'claimed' | 'confirmed';

export interface LevelDefinition {
  code: LevelCode;
  /** 0..4; also the number of filled quarters of the circle mark. */
  rank: number;
  countsForCoverage: boolean;
  mayCoach: boolean;
  /** Fill colour of the mark; contrast ≥ 3:1 against white, and the mark never relies on it alone. */
  colour: string;
  /** Stable key for i18n: `level.<key>.label`, `level.<key>.short`. */
  key: 'none' | 'learning' | 'withHelp' | 'independent' | 'teaches';
}

export const LEVELS: readonly LevelDefinition[] = [
  { code: '-', rank: 0, countsForCoverage: false, mayCoach: false, colour: '#6b7280', key: 'none' },
  { code: 'I', rank: 1, countsForCoverage: false, mayCoach: false, colour: '#c2410c', key: 'learning' },
  { code: 'L', rank: 2, countsForCoverage: false, mayCoach: false, colour: '#a16207', key: 'withHelp' },
  { code: 'U', rank: 3, countsForCoverage: true, mayCoach: false, colour: '#15803d', key: 'independent' },
  { code: 'O', rank: 4, countsForCoverage: true, mayCoach: true, colour: '#1d4ed8', key: 'teaches' },
];

/** The levels a person can reach (every level but "not yet"): the choices in level pickers. */
export const REACHABLE_LEVELS: readonly LevelDefinition[] = LEVELS.filter((l) => l.rank > 0);

const BY_CODE = new Map(LEVELS.map((l) => [l.code, l]));

export function levelOf(code: LevelCode): LevelDefinition {
  const def = BY_CODE.get(code);
  if (!def) throw new Error(`Unknown level ${code}`);
  return def;
}

export function isLevelCode(value: unknown): value is LevelCode {
  return typeof value === 'string' && BY_CODE.has(value as LevelCode);
}

/**
 * The letter people see beside the mark and write in spreadsheets ("U"); nothing for "not yet"
 * (the stored code '-' is never shown). Exports (CSV, Excel, PDF, badges) use it too.
 */
export function levelLetter(code: LevelCode): string {
  return code === '-' ? '' : code;
}

export function levelRank(code: LevelCode): number {
  return levelOf(code).rank;
}

export function atLeast(code: LevelCode, minimum: LevelCode): boolean {
  return levelRank(code) >= levelRank(minimum);
}
