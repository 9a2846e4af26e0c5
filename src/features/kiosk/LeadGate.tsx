import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data/db';
import { isLead } from '../../domain/permissions';
import { useT } from '../../i18n';
import { useUi } from '../../state/ui';

/** Shows its children to the signed-in team lead; asks anyone else to sign in as the lead. */
export function LeadGate({ children }: { children: ReactNode }) {
  const t = useT();
  const signedInId = useUi((s) => s.signedInId);
  const requestSignIn = useUi((s) => s.requestSignIn);
  const actor = useLiveQuery(async () => (signedInId ? ((await db.workers.get(signedInId)) ?? null) : null), [signedInId]);
  if (actor === undefined) return null;
  if (isLead(actor ?? undefined)) return <>{children}</>;
  return (
    <div className="empty-state">
      <p>{t('kiosk.leadOnly')}</p>
      <button type="button" className="button primary" onClick={() => requestSignIn(true)}>
        {t('kiosk.signIn')}
      </button>
    </div>
  );
}

/** The signed-in person, or null; undefined while loading. */
export function useSignedInPerson() {
  const signedInId = useUi((s) => s.signedInId);
  return useLiveQuery(async () => (signedInId ? ((await db.workers.get(signedInId)) ?? null) : null), [signedInId]);
}
