import type { Table } from 'dexie';
import { isComplete, type Clocked, type TableName } from '../../domain/projection';
import type { VaardigEvent } from '../../domain/events';
import Dexie from 'dexie';
import { holdsSealed } from '../../domain/privacy/personalFields';
import { db, keyRing, loadSealing, openEvent, refreshKeyRing, type VaardigDB } from '../store';

type Rows = {
  [N in Exclude<TableName, 'levels'>]: VaardigDB[N] extends Table<infer R, infer _K, infer _I> ? R : never;
};

/**
 * What a person without a readable name is called: forgotten ("oud-medewerker"), or their key
 * not here yet. Words, so the app sets them in the reader's language (App).
 */
const personLabels = { former: 'Oud-medewerker', unreadable: '…' };

export function setPersonLabels(labels: typeof personLabels): void {
  Object.assign(personLabels, labels);
}

/** A row as screens show it: a person whose name cannot be read gets the label for why. */
function shown<N extends keyof Rows>(name: N, row: Rows[N]): Rows[N] {
  if (name !== 'workers') return row;
  const worker = row as Rows['workers'];
  return (worker.name ? worker : { ...worker, name: worker.forgotten || keyRing.isForgotten(worker.id) ? personLabels.former : personLabels.unreadable }) as Rows[N];
}

/**
 * Every query reads projection tables through here: only complete rows (with sync, a
 * `changed` may arrive before its `created`; such a row waits until it is whole).
 */
export async function readAll<N extends keyof Rows>(name: N): Promise<Rows[N][]> {
  const rows = (await (db[name] as unknown as { toArray(): Promise<Clocked<object>[]> }).toArray()) as Rows[N][];
  return rows.filter((r) => isComplete(name, r as object)).map((r) => shown(name, r));
}

export async function readOne<N extends keyof Rows>(name: N, id: string | undefined | null): Promise<Rows[N] | undefined> {
  if (!id) return undefined;
  const row = (await (db[name] as unknown as { get(id: string): Promise<Clocked<object> | undefined> }).get(id)) as Rows[N] | undefined;
  return row && isComplete(name, row as object) ? shown(name, row) : undefined;
}

/** Rows found by an index (e.g. a person's consents), complete ones only. */
export async function readWhere<N extends keyof Rows>(name: N, index: string, value: string): Promise<Rows[N][]> {
  const table = db[name] as unknown as { where(i: string): { equals(v: string): { toArray(): Promise<object[]> } } };
  return ((await table.where(index).equals(value).toArray()) as Rows[N][]).filter((r) => isComplete(name, r as object)).map((r) => shown(name, r));
}

/** Events as people read them: each person's sealed texts opened (a forgotten person's stay empty). */
export async function openedEvents(events: VaardigEvent[]): Promise<VaardigEvent[]> {
  // Inside a live query: Dexie.waitFor keeps the query's zone across the (rare, first-time) import.
  if (events.some(holdsSealed)) await Dexie.waitFor(loadSealing());
  await refreshKeyRing();
  return events.map(openEvent);
}
