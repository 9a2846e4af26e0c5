/**
 * Sizes of the matrix, in CSS px: cells ≥ 48 px to tap (DESIGN §6). The virtualisers and the
 * stylesheet both read these. The wall sizes its own matrix to the screen (features/wall).
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
