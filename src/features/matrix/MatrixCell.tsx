import { memo } from 'react';
import { levelLetter, type LevelCode, type LevelStatus } from '../../domain/levels';
import { useT, type Translate } from '../../i18n';
import { markAttributes } from '../../ui/LevelMark';
import { levelName } from '../../ui/levelDisplay';

interface Props {
  row: number;
  col: number;
  x: number;
  workerLabel: string;
  skillName: string;
  level: LevelCode;
  status: LevelStatus;
  expired: boolean;
  active: boolean;
}

/** What a cell says to a screen reader (the matrix and the wall): who, what, which level, whose word. */
export function cellLabel(t: Translate, { workerLabel, skillName, level, status, expired }: Pick<Props, 'workerLabel' | 'skillName' | 'level' | 'status' | 'expired'>): string {
  return level !== '-'
    ? t('matrix.cellLabel', {
        worker: workerLabel,
        skill: skillName,
        level: levelName(t, level),
        status: expired ? t('status.expired') : t(status === 'claimed' ? 'status.claimed' : 'status.confirmed'),
      })
    : t('matrix.cellEmptyLabel', { worker: workerLabel, skill: skillName, level: levelName(t, level) });
}

/**
 * One matrix cell: a single element (the mark is a background image, see markImage) so that a screen of cells
 * stays a small DOM. Props are primitives so that memo skips cells whose level did not change.
 */
export const MatrixCell = memo(function MatrixCell({ row, col, x, workerLabel, skillName, level, status, expired, active }: Props) {
  const t = useT();
  const code = level;
  const label = cellLabel(t, { workerLabel, skillName, level, status, expired });
  return (
    <div
      role="gridcell"
      className="cell"
      {...markAttributes(code, status)}
      data-expired={expired || undefined}
      aria-colindex={col + 2}
      aria-label={label}
      tabIndex={active ? 0 : -1}
      data-row={row}
      data-col={col}
      style={{ left: x }}
    >
      {levelLetter(code)}
    </div>
  );
});
