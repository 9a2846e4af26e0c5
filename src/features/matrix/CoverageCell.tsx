import { memo, useEffect } from 'react';
import type { Skill } from '../../domain/model';
import { CoverageMarks, useCoverage } from './coverageDisplay';
import { useStayedInView } from './useStayedInView';

/** Coverage of one skill among the people shown: one live query per visible column. */
export const CoverageCell = memo(function CoverageCell({
  skill,
  col,
  x,
  isShown,
  now,
  scrolling = false,
  onLoaded,
}: {
  skill: Skill;
  col: number;
  x: number;
  isShown: (workerId: string) => boolean;
  now: number;
  scrolling?: boolean;
  onLoaded?: (skillId: string) => void;
}) {
  const { cov, label, loaded } = useCoverage(skill, isShown, now, !useStayedInView(scrolling));
  useEffect(() => {
    if (loaded) onLoaded?.(skill.id);
  }, [loaded, onLoaded, skill.id]);
  return (
    <div role="gridcell" className={`coverage-cell coverage-${cov.status}`} aria-colindex={col + 2} aria-label={label} title={label} style={{ left: x }}>
      <CoverageMarks cov={cov} iconSize={20} />
    </div>
  );
});
