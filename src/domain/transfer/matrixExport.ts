import type { LevelRecord, Skill, Station, Team, Worker } from '../model';
import type { Grid } from './csv';
import { levelLetter } from '../levels';

/**
 * The matrix as a sheet, in the same shape the import reads: a station row, a header row
 * (Naam, Team, skills…), one row per worker with confirmed levels.
 */
export function matrixGrid(
  workers: readonly Worker[],
  teams: readonly Team[],
  stations: readonly Station[],
  skills: readonly Skill[],
  levels: ReadonlyMap<string, LevelRecord>,
  labels: { name: string; team: string },
): Grid {
  const stationName = new Map(stations.map((s) => [s.id, s.name]));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const stationRow = ['', '', ...skills.map((s, i) => (i === 0 || skills[i - 1]!.stationId !== s.stationId ? (stationName.get(s.stationId) ?? '') : ''))];
  const header = [labels.name, labels.team, ...skills.map((s) => s.name)];
  const rows = workers.map((w) => [w.name, teamName.get(w.teamId) ?? '', ...skills.map((s) => levelLetter(levels.get(`${w.id}|${s.id}`)?.level ?? '-'))]);
  return [stationRow, header, ...rows];
}
