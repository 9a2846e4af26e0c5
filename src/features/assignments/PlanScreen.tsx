import { useMemo, useState } from 'react';
import { createAssignments } from '../../data/commands';
import { loadPlanInput } from '../../data/queries';
import { TeamSelect } from '../people/TeamSelect';
import { dayAfter, localDay } from '../../domain/dates';
import { levelOf } from '../../domain/levels';
import { planGaps, planTeam, suggestForWorker, type PlanInput, type PlanReason, type Suggestion } from '../../domain/planning';
import { translateLoose, useT, type Translate } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { SelectField, TextField } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { LevelMark } from '../../ui/LevelMark';
import { useNames } from '../history/useNames';
import type { Names } from '../history/describeEvent';
import { LeadGate } from '../kiosk/LeadGate';
import { FormError } from '../../ui/FormError';
import { useNow } from '../../ui/useNow';

/** One reason in words: the gap it closes, a wish, almost there, a renewal. */
function reasonText(r: PlanReason, skill: string, t: Translate): string {
  switch (r.kind) {
    case 'gap': {
      const need = r.capable === 0 ? t('plan.reason.gapNobody', { skill, target: r.target }) : t('plan.reason.gap', { skill, count: r.capable, target: r.target });
      return r.learning ? `${need} (${t('plan.reasonLearning', { count: r.learning })})` : need;
    }
    case 'spare':
      return t('plan.reason.spare', { skill, count: r.capable });
    case 'wish':
      return t('plan.reasonWish');
    case 'halfway':
      return t(r.level === 'L' ? 'plan.reason.halfwayL' : 'plan.reason.halfwayI');
    case 'renewal':
      return t('plan.reasonRenewal');
    case 'qualification':
      return t('plan.reason.qualification');
  }
}

/** Why, in one line: "Fineren: maar 1 persoon kan het, 3 nodig; wil het graag leren; coach: Fatima". */
export function reasonLine(s: Suggestion, names: Names, t: Translate): string {
  const parts = s.reasons.map((r) => reasonText(r, names.skill(s.skillId), t));
  parts.push(s.coachId ? t('plan.reasonCoach', { coach: names.person(s.coachId) }) : t('plan.reasonNoCoach'));
  return parts.join('; ');
}

/** The line above the plan: which gaps it closes, which it only makes smaller. */
function GapSummary({ input, plan, names }: { input: PlanInput; plan: Suggestion[]; names: Names }) {
  const t = useT();
  const { gaps, closed, helped } = planGaps(input, plan);
  const list = (ids: string[]) => ids.map((id) => names.skill(id)).join(', ');
  if (!gaps.length) return <p className="plan-summary">{t('plan.summaryNoGaps')}</p>;
  return (
    <p className="plan-summary">
      {closed.length ? t('plan.summary', { count: closed.length, total: gaps.length, list: list(closed) }) : t('plan.summaryNone', { total: gaps.length })}
      {helped.length > 0 && ` ${t('plan.summaryHelped', { list: list(helped) })}`}
    </p>
  );
}

/** "Plan de week": a proposal per worker, explained, to accept, swap or remove with taps. */
export function PlanScreen() {
  return (
    <LeadGate>
      <Planner />
    </LeadGate>
  );
}

function Planner() {
  const t = useT();
  const names = useNames();
  const ctx = useCommandContext();
  const go = useUi((s) => s.go);
  const announce = useUi((s) => s.announce);
  const [teamId, setTeamId] = useState('');
  const [perWorker, setPerWorker] = useState('1');
  const [maxLearners, setMaxLearners] = useState('2');
  const [dueDate, setDueDate] = useState(() => dayAfter(Date.now(), 7));
  const [dueDateError, setDueDateError] = useState<string | null>(null);
  const now = useNow();
  const [input, setInput] = useState<PlanInput | null>(null);
  const [plan, setPlan] = useState<Suggestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const options = useMemo(() => ({ perWorker: Number(perWorker), maxLearnersPerCoach: Number(maxLearners), maxOpenPerWorker: Math.max(2, Number(perWorker)) }), [perWorker, maxLearners]);
  const propose = async () => {
    setError(null);
    const data = await loadPlanInput(teamId || null, options);
    setInput(data);
    setPlan(planTeam(data));
  };
  const alternatives = (workerId: string) => (input ? suggestForWorker(input, workerId, 8).filter((s) => s.coachId) : []);
  const coachesFor = (s: Suggestion) => {
    if (!input) return [];
    const ids = input.levels.filter((l) => l.skillId === s.skillId && levelOf(l.level).mayCoach && l.workerId !== s.workerId).map((l) => l.workerId);
    return [...new Set(ids)].sort();
  };
  const replace = (index: number, next: Suggestion) => setPlan((p) => p && p.map((s, i) => (i === index ? next : s)));
  const accept = async () => {
    if (!plan?.length) return;
    setError(null);
    setBusy(true);
    const result = await createAssignments(
      plan.filter((s) => s.coachId).map((s) => ({ workerId: s.workerId, skillId: s.skillId, coachId: s.coachId!, targetLevel: s.targetLevel, dueDate: dueDate || null })),
      ctx,
    );
    setBusy(false);
    if (result.ok) {
      announce('plan.saved', 'info', { count: result.value.length });
      go('board');
      return;
    }
    const [first] = result.errors;
    // A due date in the past is said beside the date, where it is fixed.
    if (first!.field === 'dueDate') setDueDateError(translateLoose(t, first!.key));
    else setError(translateLoose(t, first!.key));
  };

  return (
    <section className="list-screen" aria-labelledby="plan-title">
      <h1 id="plan-title" className="screen-title">
        {t('plan.title')}
      </h1>
      <p>{t('plan.intro')}</p>
      <div className="filters">
        <TeamSelect value={teamId} onChange={setTeamId} />
        <SelectField label={t('plan.perWorker')} value={perWorker} onChange={(e) => setPerWorker(e.target.value)}>
          {['1', '2', '3'].map((n) => (
            <option key={n}>{n}</option>
          ))}
        </SelectField>
        <SelectField label={t('plan.maxLearners')} value={maxLearners} onChange={(e) => setMaxLearners(e.target.value)}>
          {['1', '2', '3', '4'].map((n) => (
            <option key={n}>{n}</option>
          ))}
        </SelectField>
        <TextField
          label={t('plan.dueDate')}
          type="date"
          min={localDay(now)}
          value={dueDate}
          error={dueDateError ?? undefined}
          onChange={(e) => {
            setDueDate(e.target.value);
            setDueDateError(null);
          }}
        />
        <button type="button" className="button primary" onClick={propose}>
          <Icon name="list" /> {t('plan.propose')}
        </button>
      </div>
      {plan && names && input && (
        <>
          {plan.length > 0 && <GapSummary input={input} plan={plan} names={names} />}
          {plan.length === 0 ? (
            <p>{t('plan.empty')}</p>
          ) : (
            <ul className="item-list plan-list">
              {plan.map((s, i) => (
                <li key={`${s.workerId}|${s.skillId}`}>
                  <LevelMark level={s.targetLevel} className="big" />
                  <span className="item-name">
                    {t('plan.line', { worker: names.person(s.workerId), skill: names.skill(s.skillId) })}
                    <span className="muted small-line">{reasonLine(s, names, t)}</span>
                  </span>
                  <SelectField
                    label={t('plan.swapSkill', { worker: names.person(s.workerId) })}
                    value={s.skillId}
                    onChange={(e) => {
                      const next = alternatives(s.workerId).find((a) => a.skillId === e.target.value);
                      if (next) replace(i, next);
                    }}
                  >
                    {[s, ...alternatives(s.workerId).filter((a) => a.skillId !== s.skillId && !plan.some((p) => p.workerId === s.workerId && p.skillId === a.skillId))].map((a) => (
                      <option key={a.skillId} value={a.skillId}>
                        {names.skill(a.skillId)}
                      </option>
                    ))}
                  </SelectField>
                  <SelectField label={t('plan.coachFor', { worker: names.person(s.workerId) })} value={s.coachId ?? ''} onChange={(e) => replace(i, { ...s, coachId: e.target.value })}>
                    {coachesFor(s).map((c) => (
                      <option key={c} value={c}>
                        {names.person(c)}
                      </option>
                    ))}
                  </SelectField>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('plan.remove', { worker: names.person(s.workerId), skill: names.skill(s.skillId) })}
                    onClick={() => setPlan(plan.filter((_, j) => j !== i))}
                  >
                    <Icon name="close" />
                  </button>
                </li>
              ))}
            </ul>
          )}
          <FormError message={error} />
          {plan.length > 0 && (
            <div className="form-actions">
              <button type="button" className="button primary" onClick={accept} disabled={busy}>
                {t('plan.accept', { count: plan.length })}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
