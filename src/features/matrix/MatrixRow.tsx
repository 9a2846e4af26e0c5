import { memo, useEffect, useMemo } from 'react';
import type { VirtualItem } from '@tanstack/react-virtual';
import { capableSkillCount } from '../../domain/coverage';
import { initialsOf, shownLevel, type Skill, type Worker } from '../../domain/model';
import { isExpired } from '../../domain/validity';
import { useWorkerLevels } from '../../data/queries';
import { useT } from '../../i18n';
import { MatrixCell } from './MatrixCell';

interface Props {
  worker: Worker;
  rowIndex: number;
  top: number;
  columns: readonly VirtualItem[];
  skills: readonly Skill[];
  skillsById: ReadonlyMap<string, Skill>;
  activeCol: number | null;
  now: number;
  onLoaded: () => void;
}

/** One worker's row: its own live query, so a change to this worker re-renders this row only. */
export const MatrixRow = memo(function MatrixRow({ worker, rowIndex, top, columns, skills, skillsById, activeCol, now, onLoaded }: Props) {
  const t = useT();
  const levels = useWorkerLevels(worker.id);
  useEffect(() => {
    if (levels) onLoaded();
  }, [levels, onLoaded]);
  // On the wall a worker may appear by initials; their accessible name follows what is shown.
  const label = worker.showInitials ? initialsOf(worker.name) : worker.name;
  const capable = useMemo(() => (levels ? capableSkillCount(levels.values(), skillsById, now) : 0), [levels, skillsById, now]);
  return (
    <div role="row" className="matrix-row" aria-rowindex={rowIndex + 4} style={{ transform: `translateY(${top}px)` }}>
      <div role="rowheader" className="row-head" aria-colindex={1}>
        <span className="row-name">{label}</span>
        <span className="row-count" aria-label={t('matrix.capableCountLabel', { name: label, count: capable })}>
          {t('matrix.capableCount', { count: capable })}
        </span>
      </div>
      {columns.map((c) => {
        const skill = skills[c.index]!;
        const record = levels?.get(skill.id);
        const shown = shownLevel(record);
        return (
          <MatrixCell
            key={skill.id}
            row={rowIndex}
            col={c.index}
            x={c.start}
            skillName={skill.name}
            workerLabel={label}
            level={shown.level}
            status={shown.status}
            expired={Boolean(record && !record.claim && isExpired(record, skill, now))}
            active={activeCol === c.index}
          />
        );
      })}
    </div>
  );
});
