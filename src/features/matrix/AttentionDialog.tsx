import { useCoverageProblems, type CoverageProblem as Problem } from '../../data/queries';
import type { Skill, Station, Worker } from '../../domain/model';
import { useT, type MessageKey } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { Icon, type IconName } from '../../ui/Icon';

/**
 * The coverage problems in words, worst first: the "at a glance" list for the team lead.
 * Computed when opened (it reads every level of the skills shown), not kept live on the wall.
 */
export function AttentionDialog({ workers, skills, stations, onClose }: { workers: Worker[]; skills: Skill[]; stations: Station[]; onClose: () => void }) {
  const t = useT();
  const problems = useCoverageProblems(workers, skills, stations);

  return (
    <Dialog title={t('attention.title')} onClose={onClose} wide>
      {!problems ? (
        <p>{t('app.loading')}</p>
      ) : problems.length === 0 ? (
        <p>{t('attention.none')}</p>
      ) : (
        <ul className="attention-list">
          {problems.map((p) => (
            <ProblemItem key={p.skill.id} problem={p} />
          ))}
        </ul>
      )}
    </Dialog>
  );
}

function ProblemItem({ problem: { skill, station, coverage } }: { problem: Problem }) {
  const t = useT();
  const reasons: { icon: IconName; key: MessageKey }[] = [];
  if (coverage.status === 'nobody') reasons.push({ icon: 'nobody', key: 'coverage.nobody' });
  if (coverage.status === 'singlePoint') reasons.push({ icon: 'single', key: 'coverage.singlePoint' });
  if (coverage.status === 'gap') reasons.push({ icon: 'warning', key: 'coverage.gap' });
  if (coverage.noTeacher && coverage.capable > 0) reasons.push({ icon: 'noTeacher', key: 'coverage.noTeacher' });
  return (
    <li>
      <strong>{skill.name}</strong> <span className="muted">({station})</span>
      <span className="attention-count">{t('attention.count', { capable: coverage.capable, target: coverage.target })}</span>
      <ul className="attention-reasons">
        {reasons.map((r) => (
          <li key={r.key}>
            <Icon name={r.icon} /> {t(r.key)}
          </li>
        ))}
      </ul>
    </li>
  );
}
