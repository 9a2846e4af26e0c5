/**
 * Sizes of the matrix, in CSS px. Wall mode is for reading from 3 m: cells ≥ 48 px
 * (DESIGN §6) and names ≥ 20 px. The virtualisers and the stylesheet both read these.
 */
export interface MatrixMetrics {
  cellWidth: number;
  cellHeight: number;
  nameWidth: number;
  stationHeight: number;
  skillHeaderHeight: number;
  coverageHeight: number;
}

export const DESK_METRICS: MatrixMetrics = {
  cellWidth: 64,
  cellHeight: 56,
  nameWidth: 232,
  stationHeight: 40,
  skillHeaderHeight: 150,
  coverageHeight: 64,
};

export const WALL_METRICS: MatrixMetrics = {
  cellWidth: 80,
  cellHeight: 72,
  nameWidth: 300,
  stationHeight: 48,
  skillHeaderHeight: 190,
  coverageHeight: 80,
};

export function headerHeight(m: MatrixMetrics): number {
  return m.stationHeight + m.skillHeaderHeight + m.coverageHeight;
}

export function metricsStyle(m: MatrixMetrics): Record<string, string> {
  return {
    '--cell-w': `${m.cellWidth}px`,
    '--cell-h': `${m.cellHeight}px`,
    '--name-w': `${m.nameWidth}px`,
    '--station-h': `${m.stationHeight}px`,
    '--skill-h': `${m.skillHeaderHeight}px`,
    '--coverage-h': `${m.coverageHeight}px`,
  };
}
