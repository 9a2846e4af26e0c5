import type { ReactNode } from 'react';
import { useWorker } from '../../data/queries';
import { isLead } from '../../domain/permissions';
import { useT, type MessageKey } from '../../i18n';
import type { Worker } from '../../domain/model';
import { useUi } from '../../state/ui';

function SignInPrompt({ message }: { message: MessageKey }) {
  const t = useT();
  const requestSignIn = useUi((s) => s.requestSignIn);
  return (
    <div className="empty-state">
      <p>{t(message)}</p>
      <button type="button" className="button primary" onClick={() => requestSignIn(true)}>
        {t('kiosk.signIn')}
      </button>
    </div>
  );
}

/** Shows its children to the signed-in team lead; asks anyone else to sign in as the lead. */
export function LeadGate({ children }: { children: ReactNode }) {
  const actor = useSignedInPerson();
  if (actor === undefined) return null;
  return isLead(actor ?? undefined) ? <>{children}</> : <SignInPrompt message="kiosk.leadOnly" />;
}

/** Renders for whoever is signed in; asks to sign in (with `message`) when nobody is. */
export function SignedInGate({ message, children }: { message: MessageKey; children: (person: Worker) => ReactNode }) {
  const person = useSignedInPerson();
  if (person === undefined) return null;
  return person ? <>{children(person)}</> : <SignInPrompt message={message} />;
}

/** The signed-in person, or null; undefined while loading. */
export function useSignedInPerson() {
  const signedInId = useUi((s) => s.signedInId);
  return useWorker(signedInId);
}
