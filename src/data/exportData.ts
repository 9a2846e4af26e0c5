import { normaliseLevel, type LevelRecord } from '../domain/model';
import type { Grid } from '../domain/transfer/csv';
import { matrixGrid } from '../domain/transfer/matrixExport';
import { db } from './db';
import { allLevels } from './levels';
import { compareText } from '../domain/sort';

/** The matrix of a team (or everyone) as a sheet, active people and skills in matrix order. */
export async function matrixSheet(teamId: string | null, labels: { name: string; team: string }): Promise<Grid> {
  const [teams, stations, skills, workers, levels] = await db.transaction('r', [db.teams, db.stations, db.skills, db.workers, db.levelsByWorker], () =>
    Promise.all([db.teams.toArray(), db.stations.orderBy('order').toArray(), db.skills.toArray(), db.workers.toArray(), allLevels()]),
  );
  const order = new Map(stations.filter((s) => !s.archived).map((s, i) => [s.id, i]));
  const shownSkills = skills.filter((s) => !s.archived && order.has(s.stationId)).sort((a, b) => order.get(a.stationId)! - order.get(b.stationId)! || (a.id < b.id ? -1 : 1));
  const shownWorkers = workers.filter((w) => !w.archived && (!teamId || w.teamId === teamId)).sort((a, b) => compareText(a.name, b.name));
  const byCell = new Map<string, LevelRecord>(levels.map((l) => [`${l.workerId}|${l.skillId}`, normaliseLevel(l)]));
  return matrixGrid(shownWorkers, teams, stations, shownSkills, byCell, labels);
}

/** The people as a list: name, team, role — the same names the matrix import matches on. */
export async function peopleSheet(labels: { name: string; team: string; role: string; lead: string; worker: string }): Promise<Grid> {
  const [teams, workers] = await Promise.all([db.teams.toArray(), db.workers.toArray()]);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  return [
    [labels.name, labels.team, labels.role],
    ...workers
      .filter((w) => !w.archived)
      .sort((a, b) => compareText(a.name, b.name))
      .map((w) => [w.name, teamName.get(w.teamId) ?? '', w.role === 'lead' ? labels.lead : labels.worker]),
  ];
}

/** The skills as a list: name, station, target, validity in months. */
export async function skillsSheet(labels: { name: string; station: string; target: string; validity: string }): Promise<Grid> {
  const [stations, skills] = await Promise.all([db.stations.orderBy('order').toArray(), db.skills.toArray()]);
  const order = new Map(stations.map((s, i) => [s.id, i]));
  const stationName = new Map(stations.map((s) => [s.id, s.name]));
  return [
    [labels.name, labels.station, labels.target, labels.validity],
    ...skills
      .filter((s) => !s.archived)
      .sort((a, b) => (order.get(a.stationId) ?? 0) - (order.get(b.stationId) ?? 0) || (a.id < b.id ? -1 : 1))
      .map((s) => [s.name, stationName.get(s.stationId) ?? '', String(s.targetCoverage), s.validityMonths == null ? '' : String(s.validityMonths)]),
  ];
}
