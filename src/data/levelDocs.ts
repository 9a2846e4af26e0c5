import type { Table } from 'dexie';
import type { LevelRecord } from '../domain/model';
import type { Clocked } from '../domain/projection';

/**
 * How the levels projection is stored: one document per person (a matrix row) and one per
 * skill (a matrix column, for coverage), each holding its cells by the other id. At factory
 * scale (500 × 400) that is 900 documents instead of 200,000 rows: IndexedDB writes and
 * reads per record, not per byte, so loading, a row's live query and a column's coverage
 * all become one record each. Both documents are projections of the same log.
 */
export type StoredLevel = Clocked<LevelRecord>;

export interface WorkerLevels {
  workerId: string;
  cells: Record<string, StoredLevel>;
}

export interface SkillLevels {
  skillId: string;
  cells: Record<string, StoredLevel>;
}

/** Puts records into documents (existing ones, or new), returning the documents touched. */
export function patchDocs<K extends 'workerId' | 'skillId'>(
  keyField: K,
  records: readonly StoredLevel[],
  existing: ReadonlyMap<string, { cells: Record<string, StoredLevel> }>,
): ({ [P in K]: string } & { cells: Record<string, StoredLevel> })[] {
  const cellField = keyField === 'workerId' ? 'skillId' : 'workerId';
  const docs = new Map<string, Record<string, StoredLevel>>();
  for (const record of records) {
    const key = record[keyField];
    let cells = docs.get(key);
    if (!cells) docs.set(key, (cells = { ...existing.get(key)?.cells }));
    cells[record[cellField]] = record;
  }
  return [...docs].map(([key, cells]) => ({ [keyField]: key, cells }) as { [P in K]: string } & { cells: Record<string, StoredLevel> });
}

export function cellsOf(doc: { cells: Record<string, StoredLevel> } | undefined): StoredLevel[] {
  return doc ? Object.values(doc.cells) : [];
}

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
  const existing = async <T extends { cells: Record<string, StoredLevel> }>(table: Table<T, string>, ids: string[]) =>
    fresh ? new Map<string, T>() : new Map((await table.bulkGet(ids)).flatMap((d, i) => (d ? [[ids[i]!, d] as const] : [])));
  const workerIds = [...new Set(records.map((r) => r.workerId))];
  const skillIds = [...new Set(records.map((r) => r.skillId))];
  const [rows, columns] = await Promise.all([existing(tables.byWorker, workerIds), existing(tables.bySkill, skillIds)]);
  await Promise.all([tables.byWorker.bulkPut(patchDocs('workerId', records, rows)), tables.bySkill.bulkPut(patchDocs('skillId', records, columns))]);
}
