import type { Table } from 'dexie';
import type { VaardigEvent } from '../../domain/events';
import { effectsOf, mergeEffect, rowKey, stampOf, type Clocked, type Effect, type TableName } from '../../domain/projection';
import { db, refold } from './database';
import { getLevels, putLevels, type StoredLevel } from './levelStore';
import { loadSealing, openEvent, refreshKeyRing } from './personKeys';

function tableFor(name: Exclude<TableName, 'levels'>): Table<Clocked<object>, unknown> {
  return db[name] as unknown as Table<Clocked<object>, unknown>;
}

const levelKey = (key: string | [string, string]) => ({ workerId: key[0]!, skillId: key[1]! });

function dexieKey(effect: Effect): string | [string, string] {
  return effect.key.id ?? [effect.key.workerId!, effect.key.skillId!];
}

/**
 * Applies events to the projection tables. Must run inside a rw transaction that includes
 * them. Reads every touched row once, merges in memory, writes only rows that changed.
 */
export async function applyEvents(events: readonly VaardigEvent[]): Promise<void> {
  await refreshKeyRing();
  const byTable = new Map<TableName, { keys: Map<string, string | [string, string]>; work: { key: string; effect: Effect; stamp: string }[] }>();
  for (const event of events) {
    const stamp = stampOf(event);
    for (const effect of effectsOf(openEvent(event))) {
      let entry = byTable.get(effect.table);
      if (!entry) byTable.set(effect.table, (entry = { keys: new Map(), work: [] }));
      const key = rowKey(effect.key);
      entry.keys.set(key, dexieKey(effect));
      entry.work.push({ key, effect, stamp });
    }
  }
  for (const [name, { keys, work }] of byTable) {
    const keyList = [...keys.keys()];
    const existing = name === 'levels' ? await getLevels(keyList.map((k) => levelKey(keys.get(k)!))) : await tableFor(name as Exclude<TableName, 'levels'>).bulkGet(keyList.map((k) => keys.get(k)!));
    const rows = new Map<string, Clocked<object> | undefined>(keyList.map((k, i) => [k, existing[i]]));
    const changed = new Set<string>();
    for (const { key, effect, stamp } of work) {
      const before = rows.get(key);
      const after = mergeEffect(before, effect, stamp);
      if (after !== before) {
        rows.set(key, after);
        changed.add(key);
      }
    }
    if (!changed.size) continue;
    const changedRows = [...changed].map((k) => rows.get(k)!);
    await (name === 'levels' ? putLevels(changedRows as StoredLevel[]) : tableFor(name as Exclude<TableName, 'levels'>).bulkPut(changedRows));
  }
}

/** Folds the projections again from the whole log, its texts opened with the keys there are now (inside a transaction over all tables). */
export async function refoldAll(): Promise<void> {
  await refreshKeyRing(true);
  await refold((name) => db.table(name), openEvent);
}

/** Throws the projections away and folds them again from the event log. */
export async function rebuildProjections(): Promise<void> {
  await loadSealing();
  await db.transaction('rw', db.allTables, refoldAll);
}
