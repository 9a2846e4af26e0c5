import { useState } from 'react';
import { recordSession } from '../../data/commands';
import { REACHABLE_LEVELS, type LevelCode } from '../../domain/levels';
import type { Assignment } from '../../domain/model';
import { translateLoose, useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { Dialog } from '../../ui/Dialog';
import { SelectField, TextField } from '../../ui/Field';
import { levelChoice } from '../../ui/levelDisplay';
import { TEXT_MAX_LENGTH } from '../../domain/thresholds';
import { useNames } from '../history/useNames';
import { PinPad } from '../kiosk/PinPad';
import { FormError } from '../../ui/FormError';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Record a coaching session in seconds: what, how long, the level reached; then the learner
 * confirms with their PIN. The coach is the one signed in.
 */
export function SessionDialog({ assignment, onClose }: { assignment: Assignment; onClose: () => void }) {
  const t = useT();
  const names = useNames();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const [date, setDate] = useState(today);
  const [minutes, setMinutes] = useState('30');
  const [practised, setPractised] = useState('');
  const [levelReached, setLevelReached] = useState<LevelCode | ''>('');
  const [step, setStep] = useState<'form' | 'pin'>('form');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!names) return null;
  const learner = names.person(assignment.workerId);

  const save = async () => {
    setBusy(true);
    setError(null);
    const result = await recordSession(
      {
        coachId: ctx.actor ?? '',
        learnerId: assignment.workerId,
        skillId: assignment.skillId,
        assignmentId: assignment.id,
        date,
        minutes: Number(minutes),
        practised,
        levelReached: levelReached || null,
      },
      pin,
      ctx,
    );
    setBusy(false);
    setPin('');
    if (result.ok) {
      announce('session.saved');
      onClose();
      return;
    }
    if ('pin' in result) {
      const p = result.pin;
      setError(
        p.kind === 'wrong'
          ? t('kiosk.wrongPin', { count: p.attemptsLeft })
          : p.kind === 'locked'
            ? t('kiosk.locked', { minutes: Math.floor(p.seconds / 60), seconds: String(p.seconds % 60).padStart(2, '0') })
            : t('session.noPin', { name: learner }),
      );
    } else {
      setError(translateLoose(t, result.errors[0]!.key));
      setStep('form');
    }
  };

  return (
    <Dialog title={t('session.title', { worker: learner, skill: names.skill(assignment.skillId) })} onClose={onClose}>
      {step === 'form' ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setStep('pin');
          }}
        >
          <TextField label={t('session.date')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          <TextField label={t('session.minutes')} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          <TextField label={t('session.practised')} value={practised} maxLength={TEXT_MAX_LENGTH} onChange={(e) => setPractised(e.target.value)} />
          <SelectField label={t('session.levelReached')} value={levelReached} onChange={(e) => setLevelReached(e.target.value as LevelCode | '')}>
            <option value="">{t('session.noLevel')}</option>
            {REACHABLE_LEVELS.map((l) => (
              <option key={l.code} value={l.code}>
                {levelChoice(t, l.code)}
              </option>
            ))}
          </SelectField>
          <FormError message={error} />
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
          <PinPad label={t('session.learnerPin', { worker: learner })} value={pin} onChange={setPin} onSubmit={save} disabled={busy} />
          <FormError message={error} />
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
