import type { Table } from 'dexie';
import { normaliseLevel, type LevelRecord } from '../../domain/model';
import type { Clocked } from '../../domain/projection';

/**
 * How the levels projection is stored: one document per person (a matrix row) and one per
 * skill (a matrix column, for coverage), each holding its cells by the other id. At factory
 * scale (500 × 400) that is 900 documents instead of 200,000 rows: IndexedDB writes and
 * reads per record, not per byte, so loading, a row's live query and a column's coverage
 * all become one record each. Both documents are projections of the same log.
 *
 * Cells are packed, because reading is structured cloning and its cost grows with every
 * string: a row cell drops the ids its document already says and keeps one stamp when all
 * its fields were written together (nearly always); a column cell keeps only what coverage
 * needs (and is never merged into: merges read rows). And a document's cells are stored as
 * one JSON text (`packed`), not as objects: structured cloning pays for every property of
 * every cell (a 400-cell row is 2,400 of them), a text is copied in one go, and JSON.parse
 * reads it back about as fast as the clone did. Writing a 500 × 400 factory's 900 documents
 * took 2.6 s of the page's thread as objects and about 1 s as texts.
 */
export type StoredLevel = Clocked<LevelRecord>;

/** What coverage reads of a cell. */
export type CoverageEntry = Pick<LevelRecord, 'workerId' | 'skillId' | 'level' | 'at' | 'claim'>;

type CellFields = Omit<StoredLevel, 'workerId' | 'skillId' | '_clock'>;
type PackedRowCell = Partial<CellFields> & ({ _stamp: string; _clock?: undefined } | { _clock: Record<string, string>; _stamp?: undefined });
type PackedColumnCell = Pick<LevelRecord, 'level' | 'at' | 'claim'>;

export interface WorkerLevels {
  workerId: string;
  /** JSON of the row's cells by skill id: Record<string, PackedRowCell>. */
  packed: string;
}

export interface SkillLevels {
  skillId: string;
  /** JSON of the column's cells by worker id: Record<string, PackedColumnCell>. */
  packed: string;
}

const rowCellsOf = (doc: WorkerLevels): Record<string, PackedRowCell> => JSON.parse(doc.packed) as Record<string, PackedRowCell>;
const columnCellsOf = (doc: SkillLevels): Record<string, PackedColumnCell> => JSON.parse(doc.packed) as Record<string, PackedColumnCell>;

/**
 * A document from before `packed` (schema 10): its cells as objects. The schema 11 upgrade
 * turns each into the packed form (database.ts).
 */
export function packLegacyDoc(doc: { cells?: Record<string, unknown>; packed?: string }): void {
  if (doc.packed !== undefined || !doc.cells) return;
  doc.packed = JSON.stringify(doc.cells);
  delete doc.cells;
}

function packRowCell({ workerId: _w, skillId: _s, _clock, ...fields }: StoredLevel): PackedRowCell {
  const stamps = Object.values(_clock);
  const uniform = stamps.length > 0 && stamps.every((s) => s === stamps[0]) && Object.keys(_clock).length === Object.keys(fields).length;
  return uniform ? { ...fields, _stamp: stamps[0]! } : { ...fields, _clock };
}

function unpackRowCell(workerId: string, skillId: string, cell: PackedRowCell): StoredLevel {
  const { _stamp, _clock, ...fields } = cell;
  const clock = _clock ?? Object.fromEntries(Object.keys(fields).map((k) => [k, _stamp!]));
  return { workerId, skillId, ...fields, _clock: clock } as StoredLevel;
}

const packColumnCell = ({ level, at, claim }: StoredLevel): PackedColumnCell => ({ level, at, claim });

export function rowCells(doc: WorkerLevels | undefined): StoredLevel[] {
  return doc ? Object.entries(rowCellsOf(doc)).map(([skillId, cell]) => unpackRowCell(doc.workerId, skillId, cell)) : [];
}

export function rowCell(doc: WorkerLevels | undefined, skillId: string): StoredLevel | undefined {
  const cell = doc && rowCellsOf(doc)[skillId];
  return cell && unpackRowCell(doc.workerId, skillId, cell);
}

/** A row as the screens read it: plain level records, without the merge clocks. */
export function rowRecords(doc: WorkerLevels | undefined): LevelRecord[] {
  if (!doc) return [];
  // The cells were just parsed for this call: completing them in place saves a copy each.
  return Object.entries(rowCellsOf(doc)).map(([skillId, cell]) => normaliseLevel(Object.assign(cell, { workerId: doc.workerId, skillId })));
}

export function columnCells(doc: SkillLevels | undefined): CoverageEntry[] {
  return doc ? Object.entries(columnCellsOf(doc)).map(([workerId, c]) => ({ workerId, skillId: doc.skillId, level: c.level, at: c.at, claim: c.claim ?? null })) : [];
}

/**
 * Groups records into documents by one id (`by`), each cell under the other id, starting from
 * the existing documents (or none).
 */
function groupInto<Doc extends { packed: string }, Cell>(records: readonly StoredLevel[], by: 'workerId' | 'skillId', pack: (r: StoredLevel) => Cell, existing: ReadonlyMap<string, Doc>): Doc[] {
  const cellKey = by === 'workerId' ? 'skillId' : 'workerId';
  const groups = new Map<string, Record<string, Cell>>();
  for (const r of records) {
    let cells = groups.get(r[by]);
    if (!cells) {
      const before = existing.get(r[by]);
      groups.set(r[by], (cells = before ? (JSON.parse(before.packed) as Record<string, Cell>) : {}));
    }
    cells[r[cellKey]] = pack(r);
  }
  return [...groups].map(([id, cells]) => ({ [by]: id, packed: JSON.stringify(cells) }) as unknown as Doc);
}

export const rowDocs = (records: readonly StoredLevel[], existing: ReadonlyMap<string, WorkerLevels> = new Map()): WorkerLevels[] => groupInto(records, 'workerId', packRowCell, existing);

export const columnDocs = (records: readonly StoredLevel[], existing: ReadonlyMap<string, SkillLevels> = new Map()): SkillLevels[] => groupInto(records, 'skillId', packColumnCell, existing);

export interface LevelTables {
  byWorker: Table<WorkerLevels, string>;
  bySkill: Table<SkillLevels, string>;
}

/**
 * Writes records into their row and column documents. `fresh` says the stores are empty
 * (a rebuild or a first load), so nothing needs reading first. Run inside a rw transaction.
 */
export async function putLevelDocs(records: readonly StoredLevel[], tables: LevelTables, fresh: boolean): Promise<void> {
  if (!records.length) return;
  const existing = async <T extends WorkerLevels | SkillLevels>(table: Table<T, string>, ids: string[]) =>
    fresh ? new Map<string, T>() : new Map((await table.bulkGet(ids)).flatMap((d, i) => (d ? [[ids[i]!, d] as const] : [])));
  const [rows, columns] = await Promise.all([existing(tables.byWorker, [...new Set(records.map((r) => r.workerId))]), existing(tables.bySkill, [...new Set(records.map((r) => r.skillId))])]);
  await Promise.all([tables.byWorker.bulkPut(rowDocs(records, rows)), tables.bySkill.bulkPut(columnDocs(records, columns))]);
}
