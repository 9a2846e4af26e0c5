import { useState } from 'react';
import { saveInstruction, type NewPhoto, type StepInput } from '../../data/commands';
import type { Instruction } from '../../domain/instructions';
import { INSTRUCTION } from '../../domain/thresholds';
import { useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { TextField } from '../../ui/Field';
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
  const [steps, setSteps] = useState<Draft[]>(() => (current ? current.steps.map((s) => ({ ...s, key: nextKey++ })) : [emptyStep()]));
  const { errors, busy, submit } = useCommandForm<{ version: number }>((saved) => {
    announce('instruction.saved', 'info', { version: saved.version });
    onClose();
  });
  const change = (key: number, fields: Partial<StepInput>) => setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...fields } : s)));

  return (
    <FormDialog
      title={t('instruction.editTitle', { skill: skill.name })}
      onClose={onClose}
      busy={busy}
      error={errors[''] ?? errors.steps}
      onSubmit={() => submit(() => saveInstruction(skill.id, steps, ctx))}
    >
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
              <TextField
                label={t('instruction.keyPoints')}
                value={step.keyPoints}
                maxLength={INSTRUCTION.textLength}
                error={errors[`steps.${i}.keyPoints`]}
                onChange={(e) => change(step.key, { keyPoints: e.target.value })}
              />
              <TextField
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
              {steps.length > 1 && (
                <button type="button" className="button" onClick={() => setSteps((all) => all.filter((s) => s.key !== step.key))}>
                  {t('instruction.removeStep', { n: i + 1 })}
                </button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      {steps.length < INSTRUCTION.maxSteps && (
        <button type="button" className="button" onClick={() => setSteps((all) => [...all, emptyStep()])}>
          <Icon name="plus" /> {t('instruction.addStep')}
        </button>
      )}
    </FormDialog>
  );
}
