import { useEffect, useState } from 'react';
import { createAssignments } from '../../data/commands';
import { loadPlanInput } from '../../data/queries';
import { dayAfter, localDay } from '../../domain/dates';
import type { Skill } from '../../domain/model';
import { coachesForSkill, DEFAULT_PLAN_OPTIONS, learnersForSkill, type SkillLearner } from '../../domain/planning';
import { useT } from '../../i18n';
import { useCommandContext } from '../../state/ui';
import { Dialog } from '../../ui/Dialog';
import { SelectField, TextField } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { useNow } from '../../ui/useNow';
import { levelName } from '../../ui/levelDisplay';
import { useCommandForm } from '../../ui/useCommandForm';
import { useNames } from '../history/useNames';
import { LeadGate } from '../kiosk/LeadGate';

/**
 * "Plan iemand in" for one skill, from a coverage problem: pick who learns it (closest to the
 * level first), the coach and the day it should be done; one leeropdracht. The lead's work:
 * anyone else is asked to sign in as the lead first.
 */
export function PlanOneDialog({ skill, learnerIds, onPlanned, onClose }: { skill: Skill; learnerIds: readonly string[]; onPlanned: (message: string) => void; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog title={t('planOne.title', { skill: skill.name })} onClose={onClose}>
      <LeadGate>
        <PlanOneForm skill={skill} learnerIds={learnerIds} onPlanned={onPlanned} onClose={onClose} />
      </LeadGate>
    </Dialog>
  );
}

interface Choices {
  learners: SkillLearner[];
  coaches: string[];
}

function PlanOneForm({ skill, learnerIds, onPlanned, onClose }: { skill: Skill; learnerIds: readonly string[]; onPlanned: (message: string) => void; onClose: () => void }) {
  const t = useT();
  const names = useNames();
  const ctx = useCommandContext();
  const now = useNow();
  const [choices, setChoices] = useState<Choices | null>(null);
  const [workerId, setWorkerId] = useState('');
  const [coachId, setCoachId] = useState('');
  const [dueDate, setDueDate] = useState(() => dayAfter(Date.now(), 7));

  useEffect(() => {
    let live = true;
    void loadPlanInput(null, {}).then((input) => {
      if (!live) return;
      const shown = new Set(learnerIds);
      const learners = learnersForSkill({ ...input, learners: input.learners.filter((w) => shown.has(w.id)) }, skill.id);
      setChoices({ learners, coaches: coachesForSkill(input, skill.id) });
      setWorkerId(learners[0]?.workerId ?? '');
    });
    return () => {
      live = false;
    };
  }, [skill.id, learnerIds]);

  const coaches = (choices?.coaches ?? []).filter((c) => c !== workerId);
  const coach = coaches.includes(coachId) ? coachId : (coaches[0] ?? '');
  const { errors, busy, submit } = useCommandForm(() => {
    onPlanned(t('planOne.saved', { worker: names?.person(workerId) ?? '', skill: skill.name, coach: names?.person(coach) ?? '' }));
    onClose();
  });
  if (!choices || !names) return null;
  const blocked = !choices.coaches.length ? t('planOne.noCoach', { skill: skill.name }) : !choices.learners.length ? t('planOne.nobody') : null;
  if (blocked)
    return (
      <>
        <p role="status">{blocked}</p>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('action.close')}
          </button>
        </div>
      </>
    );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(async () => {
          const r = await createAssignments([{ workerId, skillId: skill.id, coachId: coach, targetLevel: DEFAULT_PLAN_OPTIONS.targetLevel, dueDate: dueDate || null }], ctx);
          return r.ok ? { ok: true, value: undefined } : r;
        });
      }}
    >
      <SelectField label={t('planOne.who')} help={t('planOne.whoHelp')} value={workerId} error={errors.workerId} onChange={(e) => setWorkerId(e.target.value)}>
        {choices.learners.map((c) => (
          <option key={c.workerId} value={c.workerId}>
            {t(c.wished ? 'planOne.learnerWished' : 'planOne.learner', { worker: names.person(c.workerId), level: levelName(t, c.level) })}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('planOne.coach')} value={coach} error={errors.coachId} onChange={(e) => setCoachId(e.target.value)}>
        {coaches.map((c) => (
          <option key={c} value={c}>
            {names.person(c)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('plan.dueDate')} type="date" min={localDay(now)} value={dueDate} error={errors.dueDate} onChange={(e) => setDueDate(e.target.value)} />
      <FormError message={errors['']} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('action.cancel')}
        </button>
        <button type="submit" className="button primary" disabled={busy || !coach}>
          {t('planOne.save')}
        </button>
      </div>
    </form>
  );
}
