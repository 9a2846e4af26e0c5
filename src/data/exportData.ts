import { normaliseLevel, type LevelRecord } from '../domain/model';
import type { Grid } from '../domain/transfer/csv';
import { matrixGrid } from '../domain/transfer/matrixExport';
import { db } from './db';

/** The matrix of a team (or everyone) as a sheet, active people and skills in matrix order. */
export async function matrixSheet(teamId: string | null, labels: { name: string; team: string }): Promise<Grid> {
  const [teams, stations, skills, workers, levels] = await db.transaction('r', [db.teams, db.stations, db.skills, db.workers, db.levels], () =>
    Promise.all([db.teams.toArray(), db.stations.orderBy('order').toArray(), db.skills.toArray(), db.workers.toArray(), db.levels.toArray()]),
  );
  const order = new Map(stations.filter((s) => !s.archived).map((s, i) => [s.id, i]));
  const shownSkills = skills.filter((s) => !s.archived && order.has(s.stationId)).sort((a, b) => order.get(a.stationId)! - order.get(b.stationId)! || (a.id < b.id ? -1 : 1));
  const shownWorkers = workers.filter((w) => !w.archived && (!teamId || w.teamId === teamId)).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const byCell = new Map<string, LevelRecord>(levels.map((l) => [`${l.workerId}|${l.skillId}`, normaliseLevel(l)]));
  return matrixGrid(shownWorkers, teams, stations, shownSkills, byCell, labels);
}
