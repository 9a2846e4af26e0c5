import { lazy, Suspense, useEffect } from 'react';
import { useWorker } from '../../data/queries';
import { initialsOf } from '../../domain/model';
import { useT, withMessages } from '../../i18n';
import { useUi } from '../../state/ui';
import { Icon } from '../../ui/Icon';
import { useKioskIdle } from './useKioskIdle';

// The sign-in dialog brings the commands (PIN checks write to the device) and needs the whole
// catalog: both load after the matrix has painted (`preloadSignIn`), not before it.
const loadSignIn = withMessages(() => import('./SignInDialog'));
const SignInDialog = lazy(() => loadSignIn().then((m) => ({ default: m.SignInDialog })));

export function preloadSignIn(): void {
  void loadSignIn();
}

/** Who is signed in, sign in/out, and the sign-out countdown. Lives in the header. */
export function SessionControls() {
  const t = useT();
  const { signedInId, signOut, signInRequested, requestSignIn } = useUi();
  const person = useWorker(signedInId);
  // Someone who no longer exists here (a restore, or a device that joined the company's data)
  // is signed out.
  useEffect(() => {
    if (signedInId && person === null) signOut();
  }, [signedInId, person, signOut]);
  const { secondsLeft, stay } = useKioskIdle();
  return (
    <>
      {signedInId && person ? (
        <span className="session">
          <span className="session-name" title={person.name}>
            <Icon name="person" /> <span className="visually-hidden">{t('kiosk.signedInAs')} </span>
            <span className="session-full">{person.name}</span>
            <span className="session-short" aria-hidden="true">
              {initialsOf(person.name)}
            </span>
          </span>
          <button type="button" className="nav-button" onClick={signOut}>
            <Icon name="logout" /> <span>{t('kiosk.signOut')}</span>
          </button>
        </span>
      ) : (
        <button type="button" className="nav-button" onClick={() => requestSignIn(true, true)}>
          <Icon name="person" /> <span>{t('kiosk.signIn')}</span>
        </button>
      )}
      {secondsLeft !== null && (
        <div className="banner idle-banner" role="alert">
          <span>{t('kiosk.idleWarning', { count: secondsLeft })}</span>
          <button type="button" className="button primary" onClick={stay}>
            {t('kiosk.stay')}
          </button>
        </div>
      )}
      {signInRequested && (
        <Suspense fallback={null}>
          <SignInDialog onClose={() => requestSignIn(false)} />
        </Suspense>
      )}
    </>
  );
}
