import { useEffect, useState } from 'react';
import { setPin, type SignInResult } from '../../data/commands';
import { pinStep } from '../../data/queries';
import { translateLoose, useT } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { PinPad } from './PinPad';

/**
 * What a screen did with a PIN: 'done' when it took over (signed in, saved, or went back to its
 * form), otherwise why the PIN did not do the job (as `signIn` says it).
 */
export type PinOutcome = { kind: 'done' } | Exclude<SignInResult, { kind: 'ok' }>;

type Step = { kind: 'loading' } | { kind: 'pin' } | { kind: 'newPin' } | { kind: 'repeatPin'; first: string } | { kind: 'askLead' };

/**
 * One person's PIN on this device: type it; or, without one yet, choose one and type it again
 * (only where this device may trust them to be themselves: `pinStep`); or hear that a lead must
 * open it here first. `withPin` gets the PIN (typed, or just chosen) and does the work.
 */
export function PinSteps({
  workerId,
  enterLabel,
  chooseIntro,
  askLead,
  withPin,
}: {
  workerId: string;
  enterLabel: string;
  /** Said above the pad while a new PIN is chosen (e.g. why, in the middle of a session). */
  chooseIntro?: string;
  /** The message when this person may not choose a PIN here. */
  askLead: string;
  withPin: (pin: string) => Promise<PinOutcome>;
}) {
  const t = useT();
  const [step, setStep] = useState<Step>({ kind: 'loading' });
  const [pin, setPinValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void pinStep(workerId).then((s) => live && setStep({ kind: s === 'pin' ? 'pin' : s === 'free' ? 'newPin' : 'askLead' }));
    return () => {
      live = false;
    };
  }, [workerId]);

  const apply = async (outcome: PinOutcome) => {
    if (outcome.kind === 'done') return;
    if (outcome.kind === 'noPin') {
      // The PIN was forgotten here meanwhile (the lead reset it): choose one, if this device may.
      const s = await pinStep(workerId);
      setStep({ kind: s === 'pin' ? 'pin' : s === 'free' ? 'newPin' : 'askLead' });
    } else if (outcome.kind === 'wrong') setProblem(t('kiosk.wrongPin', { count: outcome.attemptsLeft }));
    else if (outcome.kind === 'locked') setProblem(t('kiosk.locked', { minutes: Math.floor(outcome.seconds / 60), seconds: String(outcome.seconds % 60).padStart(2, '0') }));
    else setProblem(t('error.unexpected'));
  };

  const submit = async () => {
    if (busy || step.kind === 'loading' || step.kind === 'askLead') return;
    setBusy(true);
    setProblem(null);
    try {
      if (step.kind === 'pin') await apply(await withPin(pin));
      else if (step.kind === 'newPin') setStep({ kind: 'repeatPin', first: pin });
      else if (step.first !== pin) {
        setProblem(t('kiosk.pinsDiffer'));
        setStep({ kind: 'newPin' });
      } else {
        const chosen = await setPin(workerId, pin, { actor: workerId });
        if (!chosen.ok) setProblem(translateLoose(t, chosen.errors[0]!.key));
        else {
          setStep({ kind: 'pin' });
          await apply(await withPin(pin));
        }
      }
    } finally {
      setPinValue('');
      setBusy(false);
    }
  };

  if (step.kind === 'loading') return null;
  if (step.kind === 'askLead') return <p role="alert">{askLead}</p>;
  const choosing = step.kind !== 'pin';
  return (
    <>
      {choosing && chooseIntro && <p>{chooseIntro}</p>}
      <PinPad label={step.kind === 'pin' ? enterLabel : t(step.kind === 'newPin' ? 'kiosk.choosePin' : 'kiosk.repeatPin')} value={pin} onChange={setPinValue} onSubmit={submit} disabled={busy} />
      <FormError message={problem} />
    </>
  );
}
