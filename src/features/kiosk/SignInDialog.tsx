import { useState } from 'react';
import { signIn } from '../../data/commands';
import { landingFor } from '../../app/landing';
import { useTeams, useWorkers } from '../../data/queries';
import type { Worker } from '../../domain/model';
import { useT } from '../../i18n';
import { useUi } from '../../state/ui';
import { Dialog } from '../../ui/Dialog';
import { PinSteps } from './PinSteps';

/** Tap your name, then your PIN (or choose one, the first time). */
export function SignInDialog({ onClose, onSignedIn }: { onClose: () => void; onSignedIn?: (workerId: string) => void }) {
  const t = useT();
  const workers = useWorkers();
  const teams = useTeams();
  const signInStore = useUi((s) => s.signIn);
  const [worker, setWorker] = useState<Worker | null>(null);

  const lands = useUi((s) => s.signInLands);
  const signInWith = async (person: Worker, pin: string) => {
    const result = await signIn(person.id, pin);
    if (result.kind !== 'ok') return result;
    signInStore(person.id, lands ? await landingFor(person) : null);
    onSignedIn?.(person.id);
    onClose();
    return { kind: 'done' } as const;
  };

  const active = (workers ?? []).filter((w) => !w.archived);
  return (
    <Dialog title={worker ? worker.name : t('kiosk.whoAreYou')} onClose={onClose} wide={!worker}>
      {!worker ? (
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
                    <button key={w.id} type="button" className="name-button" onClick={() => setWorker(w)}>
                      {w.name}
                    </button>
                  ))}
                </div>
              </section>
            );
          })
      ) : (
        <>
          <PinSteps key={worker.id} workerId={worker.id} enterLabel={t('kiosk.enterPin')} askLead={t('kiosk.askLeadForPin')} withPin={(pin) => signInWith(worker, pin)} />
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setWorker(null)}>
              {t('kiosk.otherName')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
