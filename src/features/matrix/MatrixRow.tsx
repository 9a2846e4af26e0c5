import { memo, useMemo } from 'react';
import type { VirtualItem } from '@tanstack/react-virtual';
import { capableSkillCount } from '../../domain/coverage';
import type { Skill, Worker } from '../../domain/model';
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
}

/** One worker's row: its own live query, so a change to this worker re-renders this row only. */
export const MatrixRow = memo(function MatrixRow({ worker, rowIndex, top, columns, skills, skillsById, activeCol, now }: Props) {
  const t = useT();
  const levels = useWorkerLevels(worker.id);
  const capable = useMemo(() => (levels ? capableSkillCount(levels.values(), skillsById, now) : 0), [levels, skillsById, now]);
  return (
    <div role="row" className="matrix-row" aria-rowindex={rowIndex + 4} style={{ transform: `translateY(${top}px)` }}>
      <div role="rowheader" className="row-head" aria-colindex={1}>
        <span className="row-name">{worker.name}</span>
        <span className="row-count" aria-label={t('matrix.capableCountLabel', { name: worker.name, count: capable })}>
          {t('matrix.capableCount', { count: capable })}
        </span>
      </div>
      {columns.map((c) => {
        const skill = skills[c.index]!;
        const record = levels?.get(skill.id);
        return (
          <MatrixCell
            key={skill.id}
            row={rowIndex}
            col={c.index}
            x={c.start}
            workerName={worker.name}
            skillName={skill.name}
            level={record?.level}
            status={record?.status}
            active={activeCol === c.index}
          />
        );
      })}
    </div>
  );
});
