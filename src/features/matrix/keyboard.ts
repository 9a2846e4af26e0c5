import type { CellPosition } from '../../state/ui';

/** Where a key moves the active cell in a grid (WAI-ARIA grid pattern), or null for other keys. */
export function nextCell(key: string, at: CellPosition, size: { rows: number; cols: number; pageRows: number }, ctrl: boolean): CellPosition | null {
  const clamp = (p: CellPosition) => ({
    row: Math.max(0, Math.min(size.rows - 1, p.row)),
    col: Math.max(0, Math.min(size.cols - 1, p.col)),
  });
  switch (key) {
    case 'ArrowRight':
      return clamp({ ...at, col: at.col + 1 });
    case 'ArrowLeft':
      return clamp({ ...at, col: at.col - 1 });
    case 'ArrowDown':
      return clamp({ ...at, row: at.row + 1 });
    case 'ArrowUp':
      return clamp({ ...at, row: at.row - 1 });
    case 'PageDown':
      return clamp({ ...at, row: at.row + size.pageRows });
    case 'PageUp':
      return clamp({ ...at, row: at.row - size.pageRows });
    case 'Home':
      return clamp(ctrl ? { row: 0, col: 0 } : { ...at, col: 0 });
    case 'End':
      return clamp(ctrl ? { row: size.rows - 1, col: size.cols - 1 } : { ...at, col: size.cols - 1 });
    default:
      return null;
  }
}
