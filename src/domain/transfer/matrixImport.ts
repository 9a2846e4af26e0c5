import type { LevelCode } from '../levels';
import { nameKey } from '../names';
import type { Grid } from './csv';
import { isLevelLike, parseLevelText } from './levelText';

/**
 * Reading a skills matrix that people kept in Excel: names down the first column, skills
 * across, levels in the cells; often a title above, station names in a merged row above the
 * skills, a team column, a notes column, empty cells and a legend below. We guess where
 * everything is, the user can correct the guess, and every problem is reported per line.
 */
export type ColumnRole = 'name' | 'team' | 'skill' | 'ignore';

export interface ColumnGuess {
  index: number;
  header: string;
  role: ColumnRole;
  /** For skill columns: the station above it (from a merged header row), or ''. */
  station: string;
}

export interface MatrixLayout {
  /** Index of the row with the skill names. */
  headerRow: number;
  /** Index of the station row above it, or -1. */
  stationRow: number;
  columns: ColumnGuess[];
}

export interface ImportProblem {
  /** 1-based line in the file (as Excel shows it); 0 for the file as a whole. */
  line: number;
  column?: string;
  key: string;
  params?: Record<string, string | number>;
}

export interface ImportRow {
  line: number;
  name: string;
  team: string;
  levels: { skill: string; station: string; level: LevelCode }[];
}

export interface MatrixImport {
  rows: ImportRow[];
  skills: { name: string; station: string }[];
  problems: ImportProblem[];
  /** Lines left out on purpose (empty, or notes below the matrix), for the preview. */
  skipped: number[];
}

const TEAM_HEADER = /^(team|ploeg|afdeling|groep|group|department)$/i;
const NAME_HEADER = /^(naam|name|medewerker|werknemer|persoon|worker|employee)$/i;
const NOTES_HEADER = /opmerking|notitie|toelichting|note|comment/i;
const cell = (grid: Grid, r: number, c: number) => (grid[r]?.[c] ?? '').trim();

/** Guesses the header row, the station row and what each column is. */
export function guessLayout(grid: Grid): MatrixLayout | null {
  const width = Math.max(0, ...grid.map((r) => r.length));
  // The first row with levels in it is data. The header is the nearest row above it that
  // names the columns where levels are (rows of people without levels may come in between;
  // above the header there may be a station row and a title).
  const firstData = grid.findIndex((row) => row.some((c) => isLevelLike(c)));
  const levelColumns = [...Array(width).keys()].filter((c) => grid.slice(Math.max(0, firstData)).some((row) => isLevelLike(row[c] ?? '')));
  let headerRow = -1;
  for (let r = firstData - 1; r >= 0 && headerRow < 0; r--) {
    const names = levelColumns.some((c) => cell(grid, r, c) && !isLevelLike(cell(grid, r, c)));
    if (names && grid[r]!.filter((c) => c.trim()).length >= 2) headerRow = r;
  }
  // No levels at all (a list of people, or a matrix with nothing filled in yet): the first
  // row with two or more texts is the header.
  if (headerRow < 0) headerRow = grid.findIndex((row) => row.filter((c) => c.trim()).length >= 2);
  if (headerRow < 0) headerRow = grid.findIndex((row) => row.some((c) => c.trim()));
  if (headerRow < 0) return null;
  const data = grid.slice(headerRow + 1);
  const valuesOf = (index: number) => data.map((row) => (row[index] ?? '').trim()).filter(Boolean);
  const hasText = (index: number) => valuesOf(index).some((v) => !isLevelLike(v));
  const columns: ColumnGuess[] = [...Array(width).keys()].map((index) => ({ index, header: cell(grid, headerRow, index), role: 'ignore', station: '' }));
  const nameColumn = columns.find((c) => NAME_HEADER.test(c.header)) ?? columns.find((c) => !TEAM_HEADER.test(c.header) && !NOTES_HEADER.test(c.header) && hasText(c.index));
  for (const c of columns) {
    const values = valuesOf(c.index);
    if (c === nameColumn) c.role = 'name';
    else if (TEAM_HEADER.test(c.header)) c.role = 'team';
    // A skill column holds levels (a typo or two allowed) or nothing yet; notes hold text.
    else if (c.header && !NOTES_HEADER.test(c.header) && (values.length === 0 || values.filter(isLevelLike).length / values.length >= 0.5)) c.role = 'skill';
  }
  // A station row: the row above the header with text over the skill columns; merged cells
  // come out as text in the first column of the merge and blanks after it.
  const stationRow = headerRow > 0 && columns.some((c) => c.role === 'skill' && cell(grid, headerRow - 1, c.index)) ? headerRow - 1 : -1;
  if (stationRow >= 0) {
    let current = '';
    for (const c of columns) {
      const above = cell(grid, stationRow, c.index);
      if (above) current = above;
      if (c.role === 'skill') c.station = current;
    }
  }
  return { headerRow, stationRow, columns };
}

/** Reads the rows with a (possibly corrected) layout; nothing is stored here. */
export function readMatrix(grid: Grid, layout: MatrixLayout): MatrixImport {
  const problems: ImportProblem[] = [];
  const skipped: number[] = [];
  const nameCol = layout.columns.find((c) => c.role === 'name');
  const teamCol = layout.columns.find((c) => c.role === 'team');
  const skillCols = layout.columns.filter((c) => c.role === 'skill');
  if (!nameCol) return { rows: [], skills: [], problems: [{ line: 0, key: 'import.noNameColumn' }], skipped };
  const seenSkills = new Map<string, number>();
  for (const c of skillCols) {
    const key = `${nameKey(c.station)}|${nameKey(c.header)}`;
    if (!c.header) problems.push({ line: layout.headerRow + 1, column: String(c.index + 1), key: 'import.skillWithoutName' });
    else if (seenSkills.has(key)) problems.push({ line: layout.headerRow + 1, column: c.header, key: 'import.duplicateSkill', params: { skill: c.header } });
    seenSkills.set(key, c.index);
  }
  const rows: ImportRow[] = [];
  const names = new Map<string, number>();
  const lastLevelRow = grid.reduce((last, row, r) => (r > layout.headerRow && skillCols.some((c) => isLevelLike(row[c.index] ?? '')) ? r : last), -1);
  for (let r = layout.headerRow + 1; r < grid.length; r++) {
    const line = r + 1;
    const row = grid[r]!;
    const name = (row[nameCol.index] ?? '').trim();
    const filled = skillCols.filter((c) => (row[c.index] ?? '').trim());
    if (!name && !filled.length && !(teamCol && (row[teamCol.index] ?? '').trim())) {
      skipped.push(line);
      continue;
    }
    // Notes and legends below the matrix: text in the name column only, after the last level row.
    const team = teamCol ? (row[teamCol.index] ?? '').trim() : '';
    if (lastLevelRow >= 0 && r > lastLevelRow && !filled.length && !team) {
      skipped.push(line);
      continue;
    }
    if (!name) {
      problems.push({ line, column: nameCol.header, key: 'import.nameMissing' });
      continue;
    }
    const key = nameKey(name);
    if (names.has(key)) {
      problems.push({ line, column: nameCol.header, key: 'import.duplicateName', params: { name, first: names.get(key)! } });
      continue;
    }
    names.set(key, line);
    if (name.length > 80) problems.push({ line, column: nameCol.header, key: 'import.tooLong', params: { max: 80 } });
    const levels: ImportRow['levels'] = [];
    for (const c of skillCols) {
      const text = row[c.index] ?? '';
      const level = parseLevelText(text);
      if (level === undefined) problems.push({ line, column: c.header, key: 'import.badLevel', params: { value: text.trim(), skill: c.header } });
      else if (level) levels.push({ skill: c.header, station: c.station, level });
    }
    rows.push({ line, name, team, levels });
  }
  if (!rows.length && !problems.length) problems.push({ line: 0, key: 'import.noRows' });
  return { rows, skills: skillCols.filter((c) => c.header).map((c) => ({ name: c.header, station: c.station })), problems, skipped };
}
