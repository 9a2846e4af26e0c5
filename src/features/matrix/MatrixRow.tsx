import { memo, useEffect, useMemo, useRef } from 'react';
import type { VirtualItem } from '@tanstack/react-virtual';
import { capableSkillCount } from '../../domain/coverage';
import { initialsOf, shownLevel, type Skill, type Worker } from '../../domain/model';
import { isExpired } from '../../domain/validity';
import { useWorkerLevels } from '../../data/queries';
import { useT } from '../../i18n';
import { usePendingLevels } from '../../state/pendingLevels';
import { MatrixCell } from './MatrixCell';
import { useStayedInView } from './useStayedInView';

interface Props {
  worker: Worker;
  rowIndex: number;
  top: number;
  columns: readonly VirtualItem[];
  skills: readonly Skill[];
  skillsById: ReadonlyMap<string, Skill>;
  activeCol: number | null;
  now: number;
  /** The matrix scrolls: a row that comes into view now reads its levels once it stays (useStayedInView). */
  scrolling: boolean;
  onLoaded: (workerId: string) => void;
}

/** One worker's row: its own live query, so a change to this worker re-renders this row only. */
export const MatrixRow = memo(function MatrixRow({ worker, rowIndex, top, columns, skills, skillsById, activeCol, now, scrolling, onLoaded }: Props) {
  const t = useT();
  const levels = useWorkerLevels(worker.id, !useStayedInView(scrolling));
  // Levels just tapped show at once (src/state/pendingLevels.ts); written ones take over when they arrive.
  const pending = usePendingLevels((s) => s.byWorker[worker.id]);
  useEffect(() => {
    if (levels) onLoaded(worker.id);
  }, [levels, onLoaded, worker.id]);
  // A written level gives way once the cell shows it — or at the row's next news, should
  // something else (another device's later change) have come first.
  const settledWith = useRef(new Map<string, unknown>());
  useEffect(() => {
    for (const [skillId, p] of Object.entries(pending ?? {})) {
      if (!p.settled) continue;
      const stored = shownLevel(levels?.get(skillId));
      const seen = settledWith.current.get(skillId);
      if ((stored.level === p.level && stored.status === p.status) || (seen !== undefined && seen !== levels)) {
        settledWith.current.delete(skillId);
        usePendingLevels.getState().drop(worker.id, skillId);
      } else if (seen === undefined) settledWith.current.set(skillId, levels);
    }
  }, [pending, levels, worker.id]);
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
        const tapped = pending?.[skill.id];
        const shown = tapped ?? shownLevel(record);
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
            expired={Boolean(!tapped && record && !record.claim && isExpired(record, skill, now))}
            active={activeCol === c.index}
          />
        );
      })}
    </div>
  );
});
