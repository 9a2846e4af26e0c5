import { lazy, Suspense, useMemo, useState } from 'react';
import { useCoverageProblems, type CoverageProblem as Problem } from '../../data/queries';
import type { Skill, Station, Worker } from '../../domain/model';
import { useT, type MessageKey, withMessages } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { Icon, type IconName } from '../../ui/Icon';

// Planning brings the commands: they load when someone taps "Plan iemand in", not with the matrix.
const PlanOneDialog = lazy(() => withMessages(() => import('../assignments/PlanOneDialog'))().then((m) => ({ default: m.PlanOneDialog })));

/**
 * The coverage problems in words, worst first: the "at a glance" list for the team lead, each
 * with its next step (plan someone in). Computed when opened (it reads every level of the
 * skills shown), not kept live on the wall.
 */
export function AttentionDialog({ workers, skills, stations, onClose }: { workers: Worker[]; skills: Skill[]; stations: Station[]; onClose: () => void }) {
  const t = useT();
  const problems = useCoverageProblems(workers, skills, stations);
  const [planning, setPlanning] = useState<Skill | null>(null);
  // Said inside the dialog: while it is open, the page's own notice is outside what is read out.
  const [planned, setPlanned] = useState('');
  // Plan among the people shown (the team filter), as the problems are counted.
  const learnerIds = useMemo(() => workers.map((w) => w.id), [workers]);

  return (
    <Dialog title={t('attention.title')} onClose={onClose} wide>
      <p role="status" className="attention-planned">
        {planned}
      </p>
      {!problems ? (
        <p>{t('app.loading')}</p>
      ) : problems.length === 0 ? (
        <p>{t('attention.none')}</p>
      ) : (
        <ul className="attention-list">
          {problems.map((p) => (
            <ProblemItem key={p.skill.id} problem={p} onPlan={() => setPlanning(p.skill)} />
          ))}
        </ul>
      )}
      {planning && (
        <Suspense fallback={null}>
          <PlanOneDialog skill={planning} learnerIds={learnerIds} onPlanned={setPlanned} onClose={() => setPlanning(null)} />
        </Suspense>
      )}
    </Dialog>
  );
}

function ProblemItem({ problem: { skill, station, coverage }, onPlan }: { problem: Problem; onPlan: () => void }) {
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
      <button type="button" className="button attention-plan" aria-label={t('attention.planFor', { skill: skill.name })} onClick={onPlan}>
        {t('attention.plan')}
      </button>
    </li>
  );
}
