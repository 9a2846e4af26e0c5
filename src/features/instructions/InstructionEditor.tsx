import { useState } from 'react';
import { saveInstruction, type NewPhoto, type StepInput } from '../../data/commands';
import type { Instruction } from '../../domain/instructions';
import { INSTRUCTION } from '../../domain/thresholds';
import { useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { TextAreaField, TextField } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { Icon } from '../../ui/Icon';
import { useCommandForm } from '../../ui/useCommandForm';
import { PhotoPicker } from './PhotoPicker';

type Draft = StepInput & { key: number };

let nextKey = 0;
const emptyStep = (): Draft => ({ key: nextKey++, title: '', keyPoints: '', reasons: '' });

/**
 * Writing a skill's work instruction (Job Instruction form): the main steps, each with its key
 * points and reasons and a photo. Saved whole, as the next version.
 */
export function InstructionEditor({ skill, current, onClose }: { skill: { id: string; name: string }; current: Instruction | undefined; onClose: () => void }) {
  const t = useT();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const [steps, setDrafts] = useState<Draft[]>(() => (current ? current.steps.map((s) => ({ ...s, key: nextKey++ })) : [emptyStep()]));
  // Any change at all (a photo's bytes are not compared): closing then asks first.
  const [dirty, setDirty] = useState(false);
  const setSteps = (next: (all: Draft[]) => Draft[]) => {
    setDirty(true);
    setDrafts(next);
  };
  const [asking, setAsking] = useState(false);
  const { errors, busy, submit } = useCommandForm<{ version: number }>((saved) => {
    announce(saved.version === current?.version ? 'instruction.unchanged' : 'instruction.saved', 'info', { version: saved.version });
    onClose();
  });
  const change = (key: number, fields: Partial<StepInput>) => setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...fields } : s)));
  const move = (from: number, to: number) =>
    setSteps((all) => {
      const next = [...all];
      const [step] = next.splice(from, 1);
      next.splice(to, 0, step!);
      return next;
    });
  // Escape or Annuleren with unsaved writing asks first: steps and photos are work.
  const close = () => (dirty && !asking ? setAsking(true) : onClose());

  return (
    <FormDialog
      title={t('instruction.editTitle', { skill: skill.name })}
      onClose={close}
      busy={busy}
      error={errors[''] ?? errors.steps}
      onSubmit={() => submit(() => saveInstruction(skill.id, steps, ctx))}
    >
      {asking && (
        <div className="confirm-inline" role="alert">
          <p>{t('instruction.discardQuestion')}</p>
          <button type="button" className="button danger" onClick={onClose}>
            {t('instruction.discard')}
          </button>
          <button type="button" className="button primary" onClick={() => setAsking(false)}>
            {t('instruction.keepWriting')}
          </button>
        </div>
      )}
      <p>{t('instruction.editIntro')}</p>
      {current && <p className="muted">{t('instruction.version', { version: current.version })}</p>}
      <ol className="step-editor">
        {steps.map((step, i) => (
          <li key={step.key}>
            <fieldset>
              <legend>{t('instruction.step', { n: i + 1 })}</legend>
              <TextField
                label={t('instruction.stepTitle')}
                value={step.title}
                maxLength={INSTRUCTION.titleLength}
                error={errors[`steps.${i}.title`]}
                onChange={(e) => change(step.key, { title: e.target.value })}
              />
              <TextAreaField
                label={t('instruction.keyPoints')}
                value={step.keyPoints}
                maxLength={INSTRUCTION.textLength}
                error={errors[`steps.${i}.keyPoints`]}
                onChange={(e) => change(step.key, { keyPoints: e.target.value })}
              />
              <TextAreaField
                label={t('instruction.reasons')}
                value={step.reasons}
                maxLength={INSTRUCTION.textLength}
                error={errors[`steps.${i}.reasons`]}
                onChange={(e) => change(step.key, { reasons: e.target.value })}
              />
              <PhotoPicker
                label={t('instruction.photo', { n: i + 1 })}
                alt={t('instruction.photoOf', { n: i + 1, title: step.title })}
                removeLabel={t('instruction.removePhoto', { n: i + 1 })}
                photo={step.photo}
                error={errors[`steps.${i}.photo`]}
                onChange={(photo: NewPhoto | undefined) => change(step.key, { photo })}
              />
              <div className="step-actions">
                {i > 0 && (
                  <button type="button" className="button" onClick={() => move(i, i - 1)}>
                    {t('instruction.moveUp', { n: i + 1 })}
                  </button>
                )}
                {i < steps.length - 1 && (
                  <button type="button" className="button" onClick={() => move(i, i + 1)}>
                    {t('instruction.moveDown', { n: i + 1 })}
                  </button>
                )}
                {steps.length > 1 && (
                  <button type="button" className="button" onClick={() => setSteps((all) => all.filter((s) => s.key !== step.key))}>
                    {t('instruction.removeStep', { n: i + 1 })}
                  </button>
                )}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      {steps.length < INSTRUCTION.maxSteps ? (
        <button type="button" className="button" onClick={() => setSteps((all) => [...all, emptyStep()])}>
          <Icon name="plus" /> {t('instruction.addStep')}
        </button>
      ) : (
        <p className="muted">{t('instruction.maxSteps', { max: INSTRUCTION.maxSteps })}</p>
      )}
    </FormDialog>
  );
}
