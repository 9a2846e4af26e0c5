import type { LevelCode } from '../levels';
import { cleanName, nameKey } from '../names';
import type { Grid } from './csv';
import { DEFAULT_MARK_LEVEL, isLevelLike } from './levelText';
import { HEADER, headerText, isLegendRow, isNumberCell, isTotalsColumn, isTotalsLabel, isTotalsRow } from './sheetWords';
import { finish, type Steps } from './steps';

/**
 * Where things are in a skills matrix that people kept in Excel: names down a column (or a
 * first and a last name), skills across, levels in the cells; often a title above, station
 * names in a merged row above the skills, a team column, notes, totals and a legend. We
 * guess; the lead corrects the guess on screen.
 */
export type ColumnRole = 'name' | 'firstName' | 'infix' | 'lastName' | 'team' | 'skill' | 'ignore';

/** The name parts of a Dutch name, in the order they are written: "Jan" "de" "Vries". */
export const NAME_PARTS = ['firstName', 'infix', 'lastName'] as const satisfies readonly ColumnRole[];

export interface ColumnGuess {
  index: number;
  header: string;
  role: ColumnRole;
  /** For skill columns: the station above it (from a merged header row), or ''. */
  station: string;
  /** Why a column is left out, when we can say: it holds notes, or counts of the others. */
  reason?: 'notes' | 'totals';
}

export interface MatrixLayout {
  /** Index of the row with the skill names. */
  headerRow: number;
  /** Index of the station row above it, or -1. */
  stationRow: number;
  columns: ColumnGuess[];
  /** The level a mark (x, ✓, v) in a cell stands for. */
  markLevel: LevelCode;
}

interface ColumnStats {
  filled: number;
  levels: number;
  numbers: number;
  text: boolean;
}

const cell = (grid: Grid, r: number, c: number) => (grid[r]?.[c] ?? '').trim();
const filledCount = (row: readonly string[]) => row.reduce((n, c) => (c.trim() ? n + 1 : n), 0);

/** Guesses the header row, the station row and what each column is, yielding its progress. */
export function* guessLayoutSteps(grid: Grid): Steps<MatrixLayout | null> {
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  // Legend and totals lines have levels (or numbers that look like them) but are no data.
  const aside: boolean[] = [];
  const levelColumn: boolean[] = Array(width).fill(false);
  let firstData = -1;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r]!;
    aside[r] = isLegendRow(row) || isTotalsRow(row);
    if (!aside[r])
      for (let c = 0; c < row.length; c++)
        if (isLevelLike(row[c]!)) {
          levelColumn[c] = true;
          if (firstData < 0) firstData = r;
        }
    yield r / grid.length / 2;
  }
  // The header is the nearest row above the first data that names the columns where levels
  // are (rows of people without levels may come in between; above the header there may be
  // a station row and a title).
  let headerRow = -1;
  for (let r = firstData - 1; r >= 0 && headerRow < 0; r--) {
    const names = levelColumn.some((isLevel, c) => isLevel && cell(grid, r, c) && !isLevelLike(cell(grid, r, c)));
    if (!aside[r] && names && filledCount(grid[r]!) >= 2) headerRow = r;
  }
  // No levels at all (a list of people, or a matrix with nothing filled in yet): the first
  // row with two or more texts is the header.
  if (headerRow < 0) headerRow = grid.findIndex((row) => filledCount(row) >= 2);
  if (headerRow < 0) headerRow = grid.findIndex((row) => filledCount(row) > 0);
  if (headerRow < 0) return null;

  const stats: ColumnStats[] = Array.from({ length: width }, () => ({ filled: 0, levels: 0, numbers: 0, text: false }));
  for (let r = headerRow + 1; r < grid.length; r++) {
    if (!aside[r])
      grid[r]!.forEach((text, c) => {
        if (!text.trim()) return;
        const s = stats[c]!;
        s.filled++;
        if (isLevelLike(text)) s.levels++;
        else s.text = true;
        if (isNumberCell(text)) s.numbers++;
      });
    yield 0.5 + (r - headerRow) / (grid.length - headerRow) / 2;
  }

  const columns: ColumnGuess[] = [...Array(width).keys()].map((index) => ({ index, header: cleanName(cell(grid, headerRow, index)), role: 'ignore', station: '' }));
  const is = (pattern: RegExp) => (c: ColumnGuess) => pattern.test(headerText(c.header));
  const named = columns.find(is(HEADER.name));
  const parts = named ? [] : NAME_PARTS.map((part) => [part, columns.find(is(HEADER[part]))] as const).filter(([, c]) => c);
  const guessedName = named ?? (parts.length ? undefined : columns.find((c) => !is(HEADER.team)(c) && !is(HEADER.notes)(c) && !isTotalsLabel(c.header) && stats[c.index]!.text));
  const team = columns.find(is(HEADER.team));
  for (const c of columns) {
    const s = stats[c.index]!;
    const part = parts.find(([, column]) => column === c)?.[0];
    if (c === guessedName) c.role = 'name';
    else if (part) c.role = part;
    else if (c === team) c.role = 'team';
    else if (is(HEADER.notes)(c)) c.reason = 'notes';
    else if (isTotalsColumn(c.header, s)) c.reason = 'totals';
    // A skill column holds levels (a typo or two allowed) or nothing yet; notes hold text.
    else if (c.header && (s.filled === 0 || s.levels / s.filled >= 0.5)) c.role = 'skill';
  }
  // A station row: the row above the header with text over the skill columns; merged cells
  // come out as text in the first column of the merge and blanks after it.
  const stationRow = headerRow > 0 && columns.some((c) => c.role === 'skill' && cell(grid, headerRow - 1, c.index)) ? headerRow - 1 : -1;
  if (stationRow >= 0) {
    let current = '';
    for (const c of columns) {
      const above = cleanName(cell(grid, stationRow, c.index));
      if (above) current = above;
      if (c.role === 'skill') c.station = current;
    }
  }
  return { headerRow, stationRow, columns, markLevel: DEFAULT_MARK_LEVEL };
}

/** A name with the station it is at, as the import shows it: "Schuren (Afwerking)". */
export const atStation = (name: string, station: string): string => (station ? `${name} (${station})` : name);

/**
 * How screens and messages name each column: its header, and for a skill whose name the
 * sheet has at another station too, with that station.
 */
export function columnLabels(columns: readonly ColumnGuess[]): string[] {
  const stations = new Map<string, Set<string>>();
  for (const c of columns) if (c.role === 'skill') stations.set(nameKey(c.header), (stations.get(nameKey(c.header)) ?? new Set()).add(nameKey(c.station)));
  return columns.map((c) => (c.role === 'skill' && stations.get(nameKey(c.header))!.size > 1 ? atStation(c.header, c.station) : c.header));
}

export const guessLayout = (grid: Grid): MatrixLayout | null => finish(guessLayoutSteps(grid));

/** A sheet worth offering first: it has names and at least one skill. */
export function looksLikeMatrix(layout: MatrixLayout | null): boolean {
  return !!layout && layout.columns.some((c) => c.role === 'skill') && layout.columns.some((c) => c.role === 'name' || c.role === 'firstName' || c.role === 'lastName');
}

const SINGLE: readonly ColumnRole[] = ['name', ...NAME_PARTS, 'team'];
const isPart = (role: ColumnRole) => (NAME_PARTS as readonly ColumnRole[]).includes(role);

/**
 * The lead's correction: one column gets a role. A role that names one thing (the name, a
 * name part, the team) moves away from the column that had it; a whole name and name parts
 * exclude each other.
 */
export function withRole(layout: MatrixLayout, index: number, role: ColumnRole): MatrixLayout {
  const clashes = (other: ColumnRole) => (other === role && SINGLE.includes(role)) || (role === 'name' && isPart(other)) || (isPart(role) && other === 'name');
  return {
    ...layout,
    columns: layout.columns.map((c) => (c.index === index ? { ...c, role, reason: undefined } : clashes(c.role) ? { ...c, role: 'ignore', reason: undefined } : c)),
  };
}
