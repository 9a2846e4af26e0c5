import { useLiveQuery } from 'dexie-react-hooks';
import { coverageOf, type SkillCoverage } from '../../domain/coverage';
import { normaliseLevel, type Skill, type Station, type Worker } from '../../domain/model';
import { useT, type MessageKey } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { Icon, type IconName } from '../../ui/Icon';
import { levelsOfSkills } from '../../data/levels';
import { compareText } from '../../domain/sort';

interface Problem {
  skill: Skill;
  station: string;
  coverage: SkillCoverage;
}

const ORDER = { nobody: 0, singlePoint: 1, gap: 2, ok: 3 } as const;

/**
 * The coverage problems in words, worst first: the "at a glance" list for the team lead.
 * Computed when opened (it reads every level of the skills shown), not kept live on the wall.
 */
export function AttentionDialog({ workers, skills, stations, onClose }: { workers: Worker[]; skills: Skill[]; stations: Station[]; onClose: () => void }) {
  const t = useT();
  const problems = useLiveQuery(async () => {
    const shown = new Set(workers.map((w) => w.id));
    const stationName = new Map(stations.map((s) => [s.id, s.name]));
    const records = (await levelsOfSkills(skills.map((s) => s.id))).map(normaliseLevel);
    const bySkill = new Map<string, typeof records>();
    for (const r of records) {
      const list = bySkill.get(r.skillId);
      if (list) list.push(r);
      else bySkill.set(r.skillId, [r]);
    }
    const now = Date.now();
    return skills
      .map((skill) => ({ skill, station: stationName.get(skill.stationId) ?? '', coverage: coverageOf(skill, bySkill.get(skill.id) ?? [], (id) => shown.has(id), now) }))
      .filter((p) => p.coverage.status !== 'ok' || p.coverage.noTeacher)
      .sort((a, b) => ORDER[a.coverage.status] - ORDER[b.coverage.status] || compareText(a.skill.name, b.skill.name));
  }, [workers, skills, stations]);

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
