import { memo } from 'react';
import type { Skill } from '../../domain/model';
import { CoverageMarks, useCoverage } from './coverageDisplay';

/** Coverage of one skill among the people shown: one live query per visible column. */
export const CoverageCell = memo(function CoverageCell({ skill, col, x, isShown, now }: { skill: Skill; col: number; x: number; isShown: (workerId: string) => boolean; now: number }) {
  const { cov, label } = useCoverage(skill, isShown, now);
  return (
    <div role="gridcell" className={`coverage-cell coverage-${cov.status}`} aria-colindex={col + 2} aria-label={label} title={label} style={{ left: x }}>
      <CoverageMarks cov={cov} iconSize={20} />
    </div>
  );
});
