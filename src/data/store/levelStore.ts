import { db } from './database';
import type { LevelRecord } from '../../domain/model';
import { columnCells, putLevelDocs, rowCell, rowCells, rowRecords, type CoverageEntry, type LevelTables, type StoredLevel } from './levelDocuments';

/**
 * The levels projection, read and written by cell, row or column. Every reader and writer of
 * levels goes through here, so the storage shape (see levelDocs) is known in one place.
 */
export type { CoverageEntry, StoredLevel } from './levelDocuments';

export async function storedLevel(workerId: string, skillId: string): Promise<StoredLevel | undefined> {
  return rowCell(await db.levelsByWorker.get(workerId), skillId);
}

/** A person's levels as plain records (no merge clocks: cheaper, and no reader needs them). */
export async function levelsOfWorker(workerId: string): Promise<LevelRecord[]> {
  return rowRecords(await db.levelsByWorker.get(workerId));
}

/** Everyone's level for one skill, as much as coverage needs. */
export async function levelsOfSkill(skillId: string): Promise<CoverageEntry[]> {
  return columnCells(await db.levelsBySkill.get(skillId));
}

/** Several people's levels, row by row, in one read (the matrix's first screen). */
export async function levelsOfWorkers(workerIds: readonly string[]): Promise<LevelRecord[][]> {
  return (await db.levelsByWorker.bulkGet([...workerIds])).map(rowRecords);
}

/** Several skills' levels, column by column, in one read. */
export async function columnsOfSkills(skillIds: readonly string[]): Promise<CoverageEntry[][]> {
  return (await db.levelsBySkill.bulkGet([...skillIds])).map(columnCells);
}

export async function levelsOfSkills(skillIds: readonly string[]): Promise<CoverageEntry[]> {
  return (await db.levelsBySkill.bulkGet([...skillIds])).flatMap(columnCells);
}

export async function allLevels(): Promise<StoredLevel[]> {
  return (await db.levelsByWorker.toArray()).flatMap(rowCells);
}

const tables = (): LevelTables => ({ byWorker: db.levelsByWorker, bySkill: db.levelsBySkill });

/** The stored records of these cells (inside the caller's transaction). */
export async function getLevels(keys: readonly { workerId: string; skillId: string }[]): Promise<(StoredLevel | undefined)[]> {
  const workerIds = [...new Set(keys.map((k) => k.workerId))];
  const docs = new Map((await db.levelsByWorker.bulkGet(workerIds)).map((d, i) => [workerIds[i]!, d]));
  return keys.map((k) => rowCell(docs.get(k.workerId), k.skillId));
}

/** Writes records into their row and column documents; run inside a rw transaction. */
export function putLevels(records: readonly StoredLevel[], fresh = false): Promise<void> {
  return putLevelDocs(records, tables(), fresh);
}
