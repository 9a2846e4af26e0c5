import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { Skill, Station, Worker } from '../../domain/model';

/**
 * The matrix as a TanStack table: workers are the rows, skills the leaf columns, grouped
 * under their station. The table gives rows, columns and header groups; the grid renders
 * only the visible part of them.
 */
export const matrixFeatures = tableFeatures({});
const helper = createColumnHelper<typeof matrixFeatures, Worker>();

export const WORKER_COLUMN_ID = 'worker';
export const stationColumnId = (stationId: string) => `station:${stationId}`;

export function buildMatrixColumns(stations: readonly Station[], skills: readonly Skill[]) {
  return helper.columns([
    helper.accessor('name', { id: WORKER_COLUMN_ID }),
    ...stations
      .map((station) => ({ station, skills: skills.filter((s) => s.stationId === station.id) }))
      .filter((g) => g.skills.length > 0)
      .map(({ station, skills: own }) =>
        helper.group({
          id: stationColumnId(station.id),
          header: station.name,
          columns: own.map((skill) => helper.display({ id: skill.id, header: skill.name })),
        }),
      ),
  ]);
}

export type MatrixColumns = ReturnType<typeof buildMatrixColumns>;
