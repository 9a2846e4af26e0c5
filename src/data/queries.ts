import { useLiveQuery } from 'dexie-react-hooks';
import type { VaardigEvent } from '../domain/events';
import { cellRef, narrowToCell } from '../domain/eventRefs';
import { normaliseLevel, type LevelRecord, type Skill, type Station, type Team, type Worker } from '../domain/model';
import { isComplete } from '../domain/projection';
import { db, type MetaRow } from './db';
import { levelsOfWorker, levelsOfSkill } from './levels';
import { byName } from '../domain/sort';

/**
 * What screens read, as live queries: they re-run when the tables they read change, in
 * this tab or another. Each query reads by index only what its part of the screen shows.
 */

/**
 * A live query that starts from what it last returned, so a screen shown again (or a row
 * scrolled back into view) paints at once and the query then confirms or replaces it —
 * one IndexedDB round trip less between opening the matrix and seeing it filled. Bounded,
 * oldest out.
 */
const remembered = new Map<string, unknown>();
const REMEMBER = 300;

function useRememberedQuery<T>(key: string, query: () => Promise<T>): T | undefined {
  const result = useLiveQuery(query, [key]);
  if (result !== undefined && remembered.get(key) !== result) {
    remembered.delete(key);
    remembered.set(key, result);
    if (remembered.size > REMEMBER) remembered.delete(remembered.keys().next().value!);
  }
  return result ?? (remembered.get(key) as T | undefined);
}

export function useTeams(): Team[] | undefined {
  return useRememberedQuery('teams', async () => (await db.teams.toArray()).filter((t) => isComplete('teams', t)).sort(byName));
}

export function useStations(): Station[] | undefined {
  return useRememberedQuery('stations', async () => (await db.stations.orderBy('order').toArray()).filter((s) => isComplete('stations', s)));
}

export function useWorkers(): Worker[] | undefined {
  return useRememberedQuery('workers', async () => (await db.workers.toArray()).filter((w) => isComplete('workers', w)).sort(byName));
}

export function useSkills(): Skill[] | undefined {
  return useRememberedQuery('skills', async () => (await db.skills.toArray()).filter((s) => isComplete('skills', s)).sort(byName));
}

/** One worker's levels by skill id: one query per visible matrix row. */
export function useWorkerLevels(workerId: string): ReadonlyMap<string, LevelRecord> | undefined {
  return useRememberedQuery(`row:${workerId}`, async () => new Map((await levelsOfWorker(workerId)).map((r) => [r.skillId, r] as const)));
}

/** Everyone's level for one skill: one query per visible matrix column (coverage row). */
export function useSkillLevels(skillId: string): LevelRecord[] | undefined {
  return useRememberedQuery(`column:${skillId}`, async () => (await levelsOfSkill(skillId)).map(normaliseLevel));
}

export function useMeta<T>(key: string): T | undefined {
  return useLiveQuery(async () => ((await db.meta.get(key)) as MetaRow | undefined)?.value as T | undefined, [key]);
}

/** A cell's timeline: its own events, and the person's whole-row events narrowed to it. */
export async function cellHistory(workerId: string, skillId: string): Promise<VaardigEvent[]> {
  const [own, rows] = await Promise.all([
    db.events.where('refs').equals(cellRef(workerId, skillId)).toArray(),
    db.events.where('refs').equals(workerId).filter((e) => e.type === 'levels.recorded').toArray(),
  ]);
  const narrowed = rows.map((e) => narrowToCell(e, skillId)).filter((e): e is VaardigEvent => e !== null);
  return [...own, ...narrowed].sort((a, b) => (a.at < b.at ? 1 : -1));
}

export function useCellHistory(workerId: string, skillId: string): VaardigEvent[] | undefined {
  return useLiveQuery(() => cellHistory(workerId, skillId), [workerId, skillId]);
}

/** Everything that happened to a person: events about them, and about their cells. */
export async function eventsAboutPerson(workerId: string): Promise<VaardigEvent[]> {
  const [direct, cells] = await Promise.all([db.events.where('refs').equals(workerId).toArray(), db.events.where('refs').startsWith(`${workerId}|`).toArray()]);
  const byId = new Map([...direct, ...cells].map((e) => [e.id, e]));
  return [...byId.values()].sort((a, b) => (a.at < b.at ? 1 : -1));
}
