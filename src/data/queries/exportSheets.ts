import { peopleInMatrixOrder, skillsInMatrixOrder } from '../../domain/matrixOrder';
import { normaliseLevel, type LevelRecord } from '../../domain/model';
import type { Grid } from '../../domain/transfer/csv';
import { matrixGrid } from '../../domain/transfer/matrixExport';
import { allLevels, db } from '../store';
import { readAll } from './readTables';

/** The workshop as sheets for Excel, in the order of the matrix on the wall. */

/** The matrix of a team (or everyone) as a sheet, active people and skills in matrix order. */
export async function matrixSheet(teamId: string | null, labels: { name: string; team: string }): Promise<Grid> {
  const [teams, stations, skills, workers, levels] = await db.transaction('r', [db.teams, db.stations, db.skills, db.workers, db.levelsByWorker], () =>
    Promise.all([readAll('teams'), readAll('stations'), readAll('skills'), readAll('workers'), allLevels()]),
  );
  const byCell = new Map<string, LevelRecord>(levels.map((l) => [`${l.workerId}|${l.skillId}`, normaliseLevel(l)]));
  return matrixGrid(peopleInMatrixOrder(workers, teamId), teams, stations, skillsInMatrixOrder(stations, skills), byCell, labels);
}

/** The people as a list: name, team, role — the same names the matrix import matches on. */
export async function peopleSheet(labels: { name: string; team: string; role: string; lead: string; worker: string }): Promise<Grid> {
  const [teams, workers] = await Promise.all([readAll('teams'), readAll('workers')]);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  return [[labels.name, labels.team, labels.role], ...peopleInMatrixOrder(workers).map((w) => [w.name, teamName.get(w.teamId) ?? '', w.role === 'lead' ? labels.lead : labels.worker])];
}

/** The skills as a list: name, station, target, validity in months. */
export async function skillsSheet(labels: { name: string; station: string; target: string; validity: string }): Promise<Grid> {
  const [stations, skills] = await Promise.all([readAll('stations'), readAll('skills')]);
  const stationName = new Map(stations.map((s) => [s.id, s.name]));
  return [
    [labels.name, labels.station, labels.target, labels.validity],
    ...skillsInMatrixOrder(stations, skills).map((s) => [s.name, stationName.get(s.stationId) ?? '', String(s.targetCoverage), s.validityMonths == null ? '' : String(s.validityMonths)]),
  ];
}
