import { useEffect, useState } from 'react';
import { requestEnrolment } from '../../data/commands';
import { thisDevice, type DeviceStanding } from '../../data/queries';
import { showCode } from '../../domain/identity/enrolmentCode';
import { useT } from '../../i18n';
import { SyncSection } from '../settings/SyncSection';
import { useUi } from '../../state/ui';

/**
 * A device connected to a company that has not let it in (yet), or took it out. It shows the
 * code its team lead types on a device that takes part; until then it changes nothing.
 */
export function DeviceWaiting({ standing }: { standing: Extract<DeviceStanding, 'waiting' | 'revoked'> }) {
  const t = useT();
  const [asked, setAsked] = useState(false);
  const signOut = useUi((s) => s.signOut);
  // Nobody works on a device that is not let in: whoever was signed in is signed out.
  useEffect(() => signOut(), [signOut]);
  useEffect(() => {
    if (standing !== 'waiting') return;
    // Asking is idempotent: it writes the request once, and it goes to the server with the next sync.
    void requestEnrolment().then((r) => setAsked(r.ok));
  }, [standing]);
  const code = showCode(thisDevice().code);
  return (
    <section className="list-screen setup" aria-labelledby="waiting-title">
      <h1 id="waiting-title" className="screen-title">
        {t(standing === 'revoked' ? 'device.revokedTitle' : 'device.waitingTitle')}
      </h1>
      {standing === 'revoked' ? (
        <p>{t('device.revokedText')}</p>
      ) : (
        <>
          <p>{t('device.waitingText')}</p>
          <p className="enrolment-code" aria-label={t('device.codeLabel', { code: code.split('').join(' ') })}>
            {code}
          </p>
          <p role="status">{asked ? t('device.waitingForLead') : t('app.loading')}</p>
        </>
      )}
      <SyncSection />
    </section>
  );
}
