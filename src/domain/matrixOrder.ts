import type { Skill, Station, Worker } from './model';
import { byName } from './sort';

/**
 * The order of the matrix, the same on the wall, in print and in exports: stations as the
 * lead arranged them, and within a station skills in the order they were added (ids are
 * time-ordered UUIDv7); people alphabetically. Archived rows are left out.
 */
export function skillsInMatrixOrder(stations: readonly Station[], skills: readonly Skill[]): Skill[] {
  const order = new Map(
    stations
      .filter((s) => !s.archived)
      .sort((a, b) => a.order - b.order)
      .map((s, i) => [s.id, i]),
  );
  return skills.filter((s) => !s.archived && order.has(s.stationId)).sort((a, b) => order.get(a.stationId)! - order.get(b.stationId)! || (a.id < b.id ? -1 : 1));
}

export function peopleInMatrixOrder(workers: readonly Worker[], teamId: string | null = null): Worker[] {
  return workers.filter((w) => !w.archived && (!teamId || w.teamId === teamId)).sort(byName);
}
