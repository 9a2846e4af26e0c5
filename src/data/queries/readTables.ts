import type { Table } from 'dexie';
import { isComplete, type Clocked, type TableName } from '../../domain/projection';
import { db, type VaardigDB } from '../store';

type Rows = {
  [N in Exclude<TableName, 'levels'>]: VaardigDB[N] extends Table<infer R, infer _K, infer _I> ? R : never;
};

/**
 * Every query reads projection tables through here: only complete rows (with sync, a
 * `changed` may arrive before its `created`; such a row waits until it is whole).
 */
export async function readAll<N extends keyof Rows>(name: N): Promise<Rows[N][]> {
  const rows = (await (db[name] as unknown as { toArray(): Promise<Clocked<object>[]> }).toArray()) as Rows[N][];
  return rows.filter((r) => isComplete(name, r as object));
}

export async function readOne<N extends keyof Rows>(name: N, id: string | undefined | null): Promise<Rows[N] | undefined> {
  if (!id) return undefined;
  const row = (await (db[name] as unknown as { get(id: string): Promise<Clocked<object> | undefined> }).get(id)) as Rows[N] | undefined;
  return row && isComplete(name, row as object) ? row : undefined;
}

/** Rows found by an index (e.g. a person's consents), complete ones only. */
export async function readWhere<N extends keyof Rows>(name: N, index: string, value: string): Promise<Rows[N][]> {
  const table = db[name] as unknown as { where(i: string): { equals(v: string): { toArray(): Promise<object[]> } } };
  return ((await table.where(index).equals(value).toArray()) as Rows[N][]).filter((r) => isComplete(name, r as object));
}
