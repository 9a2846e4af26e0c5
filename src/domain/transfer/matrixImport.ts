import type { LevelCode } from '../levels';
import { cleanName, nameKey } from '../names';
import { LIMITS, NAME_MAX_LENGTH } from '../thresholds';
import type { Grid } from './csv';
import { isFraction, isLevelLike, isMark, notationKey, parseLevelText, type LevelScale } from './levelText';
import { columnLabels, NAME_PARTS, type ColumnGuess, type MatrixLayout } from './matrixLayout';
import { isLegendRow, isTotalsRow } from './sheetWords';
import { finish, type Steps } from './steps';

/**
 * Reading the rows of a matrix sheet with a (possibly corrected) layout: nothing is stored
 * here, and every problem is reported per line so the lead can fix the sheet.
 */
export interface ImportProblem {
  /** 1-based line in the file (as Excel shows it); 0 for the file as a whole. */
  line: number;
  column?: string;
  key: string;
  params?: Record<string, string | number>;
}

export interface ImportSkill {
  name: string;
  station: string;
  /** How messages name it: "Schuren", or "Schuren (Afwerking)" when the sheet has another "Schuren". */
  label: string;
}

export interface ImportRow {
  line: number;
  name: string;
  team: string;
  /** `skill` is the index into `MatrixImport.skills`. */
  levels: { skill: number; level: LevelCode }[];
}

/** Why a line is left out: empty, notes or a legend under the matrix, or a line of totals. */
export type SkipReason = 'empty' | 'notes' | 'legend' | 'totals';

/** A way of writing a level other than its letter, and the level it was read as ("x" → U). */
export interface Notation {
  text: string;
  level: LevelCode;
  mark: boolean;
}

export interface MatrixImport {
  rows: ImportRow[];
  skills: ImportSkill[];
  problems: ImportProblem[];
  /** Lines left out on purpose, for the preview. */
  skipped: { line: number; reason: SkipReason }[];
  /** Every way of writing levels the sheet uses besides the letters, for the preview. */
  notations: Notation[];
}

const text = (row: readonly string[] | undefined, c: ColumnGuess | undefined) => (c ? (row?.[c.index] ?? '').trim() : '');

/** Reads the rows with a layout, yielding its progress. */
export function* readMatrixSteps(grid: Grid, layout: MatrixLayout): Steps<MatrixImport> {
  const problems: ImportProblem[] = [];
  const skipped: MatrixImport['skipped'] = [];
  const role = (r: ColumnGuess['role']) => layout.columns.find((c) => c.role === r);
  const nameCol = role('name');
  const partCols = NAME_PARTS.map(role).filter((c) => c !== undefined);
  const teamCol = role('team');
  const skillCols = layout.columns.filter((c) => c.role === 'skill');
  const empty = (extra: ImportProblem[] = []): MatrixImport => ({ rows: [], skills: [], problems: [...problems, ...extra], skipped, notations: [] });
  if (!nameCol && !partCols.length) return empty([{ line: 0, key: 'import.noNameColumn' }]);
  if (skillCols.length > LIMITS.skills) return empty([{ line: 0, key: 'import.tooManySkills', params: { count: LIMITS.skills } }]);
  // Where a message names a name column: the whole name, or its last part (what people sort by).
  const nameHeader = (nameCol ?? partCols.at(-1)!).header;
  const nameOf = (row: readonly string[]) => cleanName(nameCol ? text(row, nameCol) : partCols.map((c) => text(row, c)).join(' '));

  const allLabels = columnLabels(layout.columns);
  const labels = skillCols.map((c) => allLabels[layout.columns.indexOf(c)]!);
  const skills: ImportSkill[] = [];
  const skillOfColumn: (number | undefined)[] = [];
  const seenSkills = new Set<string>();
  skillCols.forEach((c, i) => {
    const key = `${nameKey(c.station)}|${nameKey(c.header)}`;
    if (!c.header) problems.push({ line: layout.headerRow + 1, column: String(c.index + 1), key: 'import.skillWithoutName' });
    else if (seenSkills.has(key)) problems.push({ line: layout.headerRow + 1, column: labels[i], key: 'import.duplicateSkill', params: { skill: labels[i]! } });
    else skillOfColumn[i] = skills.push({ name: c.header, station: c.station, label: labels[i]! }) - 1;
    seenSkills.add(key);
  });

  // First pass: where the table ends (notes and a legend may follow it), and whether the sheet
  // writes fractions (Excel's percentages), which decides what a 1 means.
  const half = (r: number) => (r - layout.headerRow) / (grid.length - layout.headerRow) / 2;
  let lastTableRow = -1;
  let fractions = false;
  for (let r = layout.headerRow + 1; r < grid.length; r++) {
    const row = grid[r]!;
    let levels = false;
    for (const c of skillCols) {
      const t = text(row, c);
      if (t && isLevelLike(t)) levels = true;
      if (t && !fractions && isFraction(t)) fractions = true;
    }
    if (levels && !isLegendRow(row) && !isTotalsRow(row)) lastTableRow = r;
    yield half(r);
  }
  const scale: LevelScale = { fractions, mark: layout.markLevel };

  const rows: ImportRow[] = [];
  const names = new Map<string, number>();
  const notations = new Map<string, Notation>();
  for (let r = layout.headerRow + 1; r < grid.length; r++) {
    yield 0.5 + half(r);
    const line = r + 1;
    const row = grid[r]!;
    const name = nameOf(row);
    const team = cleanName(text(row, teamCol));
    const filled = skillCols.some((c) => text(row, c));
    const skip = (reason: SkipReason) => skipped.push({ line, reason });
    if (!name && !filled && !team) skip('empty');
    else if (isTotalsRow(row)) skip('totals');
    // Under the table: a legend, or notes (text where the names are, nothing else).
    else if (r > lastTableRow && isLegendRow(row)) skip('legend');
    else if (lastTableRow >= 0 && r > lastTableRow && !filled && !team) skip('notes');
    else if (!name) problems.push({ line, column: nameHeader, key: 'import.nameMissing' });
    else if (names.has(nameKey(name))) problems.push({ line, column: nameHeader, key: 'import.duplicateName', params: { name, first: names.get(nameKey(name))! } });
    else if (rows.length === LIMITS.people) {
      problems.push({ line: 0, key: 'import.tooManyPeople', params: { count: LIMITS.people } });
      break;
    } else {
      names.set(nameKey(name), line);
      if (name.length > NAME_MAX_LENGTH) problems.push({ line, column: nameHeader, key: 'import.tooLong', params: { max: NAME_MAX_LENGTH } });
      const levels: ImportRow['levels'] = [];
      skillCols.forEach((c, i) => {
        const value = text(row, c);
        const level = parseLevelText(value, scale);
        if (level === undefined) problems.push({ line, column: labels[i], key: 'import.badLevel', params: { value, skill: labels[i]! } });
        else if (level && skillOfColumn[i] !== undefined) {
          levels.push({ skill: skillOfColumn[i], level });
          const key = notationKey(value);
          if (key && !notations.has(key)) notations.set(key, { text: value, level, mark: isMark(value) });
        }
      });
      rows.push({ line, name, team, levels });
    }
  }
  if (!rows.length && !problems.length) problems.push({ line: 0, key: 'import.noRows' });
  return { rows, skills, problems, skipped, notations: [...notations.values()] };
}

export const readMatrix = (grid: Grid, layout: MatrixLayout): MatrixImport => finish(readMatrixSteps(grid, layout));
