import { useState } from 'react';
import { setPin, signIn, type SignInResult } from '../../data/commands';
import { landingFor } from '../../app/landing';
import { pinChoice, useTeams, useWorkers, useWorkersWithPin } from '../../data/queries';
import type { Worker } from '../../domain/model';
import { useT, translateLoose, type Translate } from '../../i18n';
import { useUi } from '../../state/ui';
import { Dialog } from '../../ui/Dialog';
import { PinPad } from './PinPad';
import { FormError } from '../../ui/FormError';

type Step = { kind: 'choose' } | { kind: 'pin'; worker: Worker } | { kind: 'newPin'; worker: Worker } | { kind: 'repeatPin'; worker: Worker; first: string } | { kind: 'askLead'; worker: Worker };

function resultMessage(t: Translate, result: SignInResult): string {
  switch (result.kind) {
    case 'wrong':
      return t('kiosk.wrongPin', { count: result.attemptsLeft });
    case 'locked':
      return t('kiosk.locked', { minutes: Math.floor(result.seconds / 60), seconds: String(result.seconds % 60).padStart(2, '0') });
    default:
      return t('error.unexpected');
  }
}

/** Tap your name, then your PIN (or choose one, the first time). */
export function SignInDialog({ onClose, onSignedIn }: { onClose: () => void; onSignedIn?: (workerId: string) => void }) {
  const t = useT();
  const workers = useWorkers();
  const teams = useTeams();
  const signInStore = useUi((s) => s.signIn);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [pin, setPinValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const withPin = useWorkersWithPin(workers);

  const lands = useUi((s) => s.signInLands);
  const done = async (worker: Worker) => {
    signInStore(worker.id, lands ? await landingFor(worker) : null);
    onSignedIn?.(worker.id);
    onClose();
  };

  const choose = async (worker: Worker) => {
    setError(null);
    setPinValue('');
    // Without a PIN here, choosing one is only for people this device may trust to be themselves.
    const kind = withPin?.has(worker.id) ? 'pin' : (await pinChoice(worker.id)) === 'free' ? 'newPin' : 'askLead';
    setStep({ kind, worker });
  };

  const submit = async () => {
    if (step.kind === 'choose' || step.kind === 'askLead' || busy) return;
    setBusy(true);
    setError(null);
    try {
      if (step.kind === 'pin') {
        const result = await signIn(step.worker.id, pin);
        if (result.kind === 'ok') return done(step.worker);
        if (result.kind === 'noPin') return setStep({ kind: (await pinChoice(step.worker.id)) === 'free' ? 'newPin' : 'askLead', worker: step.worker });
        setError(resultMessage(t, result));
      } else if (step.kind === 'newPin') {
        setStep({ kind: 'repeatPin', worker: step.worker, first: pin });
      } else if (step.first !== pin) {
        setError(t('kiosk.pinsDiffer'));
        setStep({ kind: 'newPin', worker: step.worker });
      } else {
        const result = await setPin(step.worker.id, pin, { actor: step.worker.id });
        if (result.ok) return done(step.worker);
        setError(translateLoose(t, result.errors[0]!.key));
      }
    } finally {
      setPinValue('');
      setBusy(false);
    }
  };

  const active = (workers ?? []).filter((w) => !w.archived);
  const title = step.kind === 'choose' ? t('kiosk.whoAreYou') : step.worker.name;
  return (
    <Dialog title={title} onClose={onClose} wide={step.kind === 'choose'}>
      {step.kind === 'choose' ? (
        (teams ?? [])
          .filter((team) => !team.archived)
          .map((team) => {
            const members = active.filter((w) => w.teamId === team.id);
            if (!members.length) return null;
            return (
              <section key={team.id} aria-label={team.name} className="name-group">
                <h3>{team.name}</h3>
                <div className="name-grid">
                  {members.map((w) => (
                    <button key={w.id} type="button" className="name-button" onClick={() => void choose(w)}>
                      {w.name}
                    </button>
                  ))}
                </div>
              </section>
            );
          })
      ) : (
        <>
          {step.kind === 'askLead' ? (
            <p role="alert">{t('kiosk.askLeadForPin')}</p>
          ) : (
            <>
              <PinPad
                label={t(step.kind === 'pin' ? 'kiosk.enterPin' : step.kind === 'newPin' ? 'kiosk.choosePin' : 'kiosk.repeatPin')}
                value={pin}
                onChange={setPinValue}
                onSubmit={submit}
                disabled={busy}
              />
              <FormError message={error} />
            </>
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setStep({ kind: 'choose' })}>
              {t('kiosk.otherName')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
