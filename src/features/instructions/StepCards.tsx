import { useStepsDoneAlone } from '../../data/queries';
import type { Instruction } from '../../domain/instructions';
import { useT } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import { readAloud, useDutchVoice } from './speech';
import { StoredPhoto } from './StoredPhoto';

/**
 * A skill's work instruction for the learner (phone or wall): one big card per step, the photo
 * first and few words, which steps they already did alone, and "voorlezen" where the device
 * has a Dutch voice.
 */
export function StepCards({ skillName, instruction, workerId, onClose }: { skillName: string; instruction: Instruction; workerId: string | null; onClose: () => void }) {
  const t = useT();
  const voice = useDutchVoice();
  const doneAlone = useStepsDoneAlone(workerId ?? '', instruction.skillId, workerId ? instruction.version : undefined);
  const total = instruction.steps.length;
  return (
    <Dialog title={t('steps.title', { skill: skillName })} onClose={onClose} wide>
      <ol className="step-cards">
        {instruction.steps.map((step, i) => {
          const heading = `${t('steps.card', { n: i + 1, total })}: ${step.title}`;
          const spoken = [heading, step.keyPoints && `${t('steps.keyPoints')}: ${step.keyPoints}`, step.reasons && `${t('steps.reasons')}: ${step.reasons}`]
            .filter(Boolean)
            .map((part) => (/[.!?]$/.test(part) ? part : `${part}.`))
            .join(' ');
          return (
            <li key={i} className="step-card" aria-labelledby={`step-${i}`}>
              {/* Photo first where there is one; a step without one starts with its words (no empty box). */}
              {step.photo && <StoredPhoto hash={step.photo} alt={t('instruction.photoOf', { n: i + 1, title: step.title })} />}
              <h3 id={`step-${i}`}>
                <span className="step-number">{t('steps.card', { n: i + 1, total })}</span> {step.title}
              </h3>
              {doneAlone?.has(i) && (
                <p className="step-done">
                  <Icon name="check" /> {t('steps.doneAlone')}
                </p>
              )}
              {step.keyPoints && (
                <p>
                  <strong>{t('steps.keyPoints')}:</strong> {step.keyPoints}
                </p>
              )}
              {step.reasons && (
                <p>
                  <strong>{t('steps.reasons')}:</strong> {step.reasons}
                </p>
              )}
              {voice && (
                <button type="button" className="button" aria-label={t('steps.readAloudStep', { n: i + 1 })} onClick={() => readAloud(voice, spoken)}>
                  <Icon name="play" /> <span aria-hidden="true">{t('steps.readAloud')}</span>
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <div className="form-actions">
        <button type="button" className="button primary" onClick={onClose}>
          {t('steps.close')}
        </button>
      </div>
    </Dialog>
  );
}
