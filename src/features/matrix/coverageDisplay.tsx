import { useMemo } from 'react';
import { coverageOf, type CoverageStatus, type SkillCoverage } from '../../domain/coverage';
import type { Skill } from '../../domain/model';
import { useSkillLevels } from '../../data/queries';
import { useT, type MessageKey } from '../../i18n';
import { Icon, type IconName } from '../../ui/Icon';

/** How a skill's coverage is shown, in the matrix and on the wall: icon, words, and the count. */
const STATUS_ICON: Record<CoverageStatus, IconName> = { nobody: 'nobody', singlePoint: 'single', gap: 'warning', ok: 'check' };
const STATUS_TEXT: Record<CoverageStatus, MessageKey> = {
  nobody: 'coverage.nobody',
  singlePoint: 'coverage.singlePoint',
  gap: 'coverage.gap',
  ok: 'coverage.ok',
};

/** One skill's coverage among the people `isShown` accepts (one live query per column), and its spoken label. */
export function useCoverage(skill: Skill, isShown: (workerId: string) => boolean, now: number, waitWhile = false): { cov: SkillCoverage; label: string; loaded: boolean } {
  const t = useT();
  const records = useSkillLevels(skill.id, waitWhile);
  const cov = useMemo(() => coverageOf(skill, records ?? [], isShown, now), [skill, records, isShown, now]);
  const parts = [t(STATUS_TEXT[cov.status])];
  if (cov.noTeacher && cov.capable > 0) parts.push(t('coverage.noTeacher'));
  if (cov.claimedCapable > 0) parts.push(t('coverage.claimedWaiting', { count: cov.claimedCapable }));
  return { cov, loaded: records !== undefined, label: t('matrix.coverageLabel', { skill: skill.name, capable: cov.capable, target: cov.target, status: parts.join('. ') }) };
}

/**
 * "2/3" and the status icons (decorative: the cell's label says it in words). `icons`: how
 * many fit beside the count (a narrow wall column keeps the count and its colour).
 */
export function CoverageMarks({ cov, iconSize, icons = 2 }: { cov: SkillCoverage; iconSize: number; icons?: 0 | 1 | 2 }) {
  return (
    <>
      <span className="coverage-count">
        {cov.capable}/{cov.target}
      </span>
      {icons > 0 && (
        <span className="coverage-icons">
          <Icon name={STATUS_ICON[cov.status]} size={iconSize} />
          {icons > 1 && cov.noTeacher && cov.capable > 0 && <Icon name="noTeacher" size={iconSize} className="no-teacher" />}
        </span>
      )}
    </>
  );
}
