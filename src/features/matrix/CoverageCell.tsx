import { memo, useMemo } from 'react';
import { coverageOf, type CoverageStatus } from '../../domain/coverage';
import type { Skill } from '../../domain/model';
import { useSkillLevels } from '../../data/queries';
import { useT, type MessageKey } from '../../i18n';
import { Icon, type IconName } from '../../ui/Icon';

const STATUS_ICON: Record<CoverageStatus, IconName> = { nobody: 'nobody', singlePoint: 'single', gap: 'warning', ok: 'check' };
const STATUS_TEXT: Record<CoverageStatus, MessageKey> = {
  nobody: 'coverage.nobody',
  singlePoint: 'coverage.singlePoint',
  gap: 'coverage.gap',
  ok: 'coverage.ok',
};

/** Coverage of one skill among the people shown: one live query per visible column. */
export const CoverageCell = memo(function CoverageCell({ skill, col, x, isShown, now }: { skill: Skill; col: number; x: number; isShown: (workerId: string) => boolean; now: number }) {
  const t = useT();
  const records = useSkillLevels(skill.id);
  const cov = useMemo(() => coverageOf(skill, records ?? [], isShown, now), [skill, records, isShown, now]);
  const parts = [t(STATUS_TEXT[cov.status])];
  if (cov.noTeacher && cov.capable > 0) parts.push(t('coverage.noTeacher'));
  if (cov.claimedCapable > 0) parts.push(t('coverage.claimedWaiting', { count: cov.claimedCapable }));
  const label = t('matrix.coverageLabel', { skill: skill.name, capable: cov.capable, target: cov.target, status: parts.join('. ') });
  return (
    <div role="gridcell" className={`coverage-cell coverage-${cov.status}`} aria-colindex={col + 2} aria-label={label} title={label} style={{ left: x }}>
      <span className="coverage-count">
        {cov.capable}/{cov.target}
      </span>
      <span className="coverage-icons">
        <Icon name={STATUS_ICON[cov.status]} size={20} />
        {cov.noTeacher && cov.capable > 0 && <Icon name="noTeacher" size={20} className="no-teacher" />}
      </span>
    </div>
  );
});
