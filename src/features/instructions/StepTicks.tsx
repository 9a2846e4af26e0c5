import type { Instruction, StepHow, StepTick } from '../../domain/instructions';
import { useT } from '../../i18n';

const CHOICES: readonly { how: StepHow | null; label: 'session.stepNot' | 'session.stepHelped' | 'session.stepAlone' }[] = [
  { how: null, label: 'session.stepNot' },
  { how: 'helped', label: 'session.stepHelped' },
  { how: 'alone', label: 'session.stepAlone' },
];

/** In a coaching session: per step of the instruction, not practised, with help, or alone. */
export function StepTicks({ instruction, ticks, onChange }: { instruction: Instruction; ticks: readonly StepTick[]; onChange: (ticks: StepTick[]) => void }) {
  const t = useT();
  const howOf = (step: number) => ticks.find((x) => x.step === step)?.how ?? null;
  const set = (step: number, how: StepHow | null) => onChange([...ticks.filter((x) => x.step !== step), ...(how ? [{ step, how }] : [])].sort((a, b) => a.step - b.step));
  return (
    <fieldset className="step-ticks">
      <legend>{t('session.steps')}</legend>
      {instruction.steps.map((step, i) => (
        <fieldset key={i} className="step-tick">
          <legend>{`${t('instruction.step', { n: i + 1 })}: ${step.title}`}</legend>
          <div className="segmented">
            {CHOICES.map((c) => (
              <label key={c.label}>
                <input type="radio" name={`step-${i}`} checked={howOf(i) === c.how} onChange={() => set(i, c.how)} /> {t(c.label)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </fieldset>
  );
}
