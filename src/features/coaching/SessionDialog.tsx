import { useState } from 'react';
import { checkSession, recordSession, type FieldError, type NewPhoto, type SessionInput } from '../../data/commands';
import { useInstructions, useWorkerLevels } from '../../data/queries';
import { suggestedLevel, type StepTick } from '../../domain/instructions';
import { PhotoPicker } from '../instructions/PhotoPicker';
import { StepTicks } from '../instructions/StepTicks';
import { localDay } from '../../domain/dates';
import { REACHABLE_LEVELS, type LevelCode } from '../../domain/levels';
import { normaliseLevel, type Assignment } from '../../domain/model';
import { translateLoose, useT, type Translate } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { Dialog } from '../../ui/Dialog';
import { SelectField, TextField } from '../../ui/Field';
import { levelChoice, levelName } from '../../ui/levelDisplay';
import { TEXT_MAX_LENGTH } from '../../domain/thresholds';
import { useNames } from '../history/useNames';
import { PinSteps, type PinOutcome } from '../kiosk/PinSteps';
import { FormError } from '../../ui/FormError';
import { useNow } from '../../ui/useNow';

type Errors = Record<string, string>;
/** The fields with a place for their own message; any other problem is said under the form. */
const FORM_FIELDS = new Set(['date', 'minutes', 'practised', 'levelReached', 'photo']);

function byField(t: Translate, errors: readonly FieldError[]): Errors {
  const out: Errors = {};
  for (const e of errors) out[e.field] ??= translateLoose(t, e.key, e.params);
  return out;
}

/**
 * Record a coaching session in seconds: what, how long, the level reached; then the learner
 * confirms with their PIN (choosing one first if they have none here). The coach is the one
 * signed in. The form is checked before anyone types a PIN, and stays as typed throughout.
 */
export function SessionDialog({ assignment, onClose }: { assignment: Assignment; onClose: () => void }) {
  const t = useT();
  const names = useNames();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const now = useNow();
  const [date, setDate] = useState(() => localDay(Date.now()));
  const [minutes, setMinutes] = useState('30');
  const [practised, setPractised] = useState('');
  const [levelReached, setLevelReached] = useState<LevelCode | ''>('');
  const [ticks, setTicks] = useState<StepTick[]>([]);
  const [photo, setPhoto] = useState<NewPhoto>();
  const [step, setStep] = useState<'form' | 'pin'>('form');
  const [errors, setErrors] = useState<Errors>({});
  const instructions = useInstructions();
  const learnerLevels = useWorkerLevels(assignment.workerId);
  if (!names || !instructions) return null;
  const currentLevel = normaliseLevel(learnerLevels?.get(assignment.skillId) ?? { workerId: assignment.workerId, skillId: assignment.skillId }).level;
  const learner = names.person(assignment.workerId);
  const instruction = instructions.get(assignment.skillId);
  const suggestion = instruction ? suggestedLevel(instruction.steps.length, ticks, currentLevel) : null;

  const input = (): SessionInput => ({
    coachId: ctx.actor ?? '',
    learnerId: assignment.workerId,
    skillId: assignment.skillId,
    assignmentId: assignment.id,
    date,
    // An empty field is no number (not 0), so it gets "fill in a number", not a range.
    minutes: minutes.trim() === '' ? Number.NaN : Number(minutes),
    practised,
    levelReached: levelReached || null,
    // The steps ticked, against the version on screen (none without an instruction).
    ...(instruction && ticks.length ? { instructionVersion: instruction.version, steps: ticks } : {}),
  });
  // A field's error goes as soon as it is changed: no stale message beside a corrected value.
  const edit =
    <T,>(set: (v: T) => void, field: string) =>
    (v: T) => {
      set(v);
      setErrors((old) => Object.fromEntries(Object.entries(old).filter(([f]) => f !== field)));
    };

  const save = async (pin: string): Promise<PinOutcome> => {
    const result = await recordSession(input(), pin, ctx, undefined, photo);
    if (result.ok) {
      announce('session.saved');
      onClose();
      return { kind: 'done' };
    }
    if ('pin' in result) return result.pin.kind === 'ok' ? { kind: 'unknown' } : result.pin;
    // Something changed meanwhile (e.g. the day turned): back to the form, as typed, with why.
    setErrors(byField(t, result.errors));
    setStep('form');
    return { kind: 'done' };
  };

  return (
    <Dialog title={t('session.title', { worker: learner, skill: names.skill(assignment.skillId) })} onClose={onClose}>
      {step === 'form' ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const checked = checkSession(input(), ctx);
            setErrors(checked.ok ? {} : byField(t, checked.errors));
            if (checked.ok) setStep('pin');
          }}
        >
          <TextField label={t('session.date')} type="date" value={date} max={localDay(now)} error={errors.date} onChange={(e) => edit(setDate, 'date')(e.target.value)} />
          <TextField label={t('session.minutes')} inputMode="numeric" value={minutes} error={errors.minutes} onChange={(e) => edit(setMinutes, 'minutes')(e.target.value)} />
          <TextField label={t('session.practised')} value={practised} maxLength={TEXT_MAX_LENGTH} error={errors.practised} onChange={(e) => edit(setPractised, 'practised')(e.target.value)} />
          {instruction && <StepTicks instruction={instruction} ticks={ticks} onChange={setTicks} />}
          {instruction && (
            <p className="suggestion" role="status">
              {suggestion
                ? t('session.suggested', { level: levelName(t, suggestion) })
                : ticks.length && currentLevel !== '-'
                  ? t('session.notAbove', { learner, level: levelName(t, currentLevel) })
                  : t('session.noSuggestion')}{' '}
              {suggestion && suggestion !== levelReached && (
                <button type="button" className="button" onClick={() => edit(setLevelReached, 'levelReached')(suggestion)}>
                  {t('session.useSuggestion')}
                </button>
              )}
            </p>
          )}
          <SelectField label={t('session.levelReached')} value={levelReached} error={errors.levelReached} onChange={(e) => edit(setLevelReached, 'levelReached')(e.target.value as LevelCode | '')}>
            <option value="">{t('session.noLevel')}</option>
            {REACHABLE_LEVELS.map((l) => (
              <option key={l.code} value={l.code}>
                {levelChoice(t, l.code)}
              </option>
            ))}
          </SelectField>
          <PhotoPicker label={t('session.photo')} alt={t('session.photoPreview')} removeLabel={t('session.removePhoto')} photo={photo} error={errors.photo} onChange={edit(setPhoto, 'photo')} />
          <FormError message={Object.entries(errors).find(([field]) => !FORM_FIELDS.has(field))?.[1]} />
          <div className="form-actions">
            <button type="button" className="button" onClick={onClose}>
              {t('action.cancel')}
            </button>
            <button type="submit" className="button primary">
              {t('session.next', { worker: learner })}
            </button>
          </div>
        </form>
      ) : (
        <>
          <PinSteps
            workerId={assignment.workerId}
            enterLabel={t('session.learnerPin', { worker: learner })}
            chooseIntro={t('session.learnerChoosesPin', { worker: learner })}
            askLead={t('session.askLeadForPin', { worker: learner })}
            withPin={save}
          />
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setStep('form')}>
              {t('session.back')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
