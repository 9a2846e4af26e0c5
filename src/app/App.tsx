import { lazy, Suspense, useEffect, useState } from 'react';
import { setPersonLabels, useDeviceStanding, useLeadExists } from '../data/queries';
import { useT, useWholeCatalog, withMessages } from '../i18n';
import { LeadGate } from '../features/kiosk/LeadGate';
import { useWallMode } from '../features/wall/useWallMode';
import { useUi } from '../state/ui';
import { PHONE_QUERY, useMediaQuery } from '../ui/useMediaQuery';
import { BackupReminder } from './BackupReminder';
import { DemoBanner } from './DemoBanner';
import { Header } from './Header';
import { MainNav } from './MainNav';
import { Notice } from './Notice';
import { useHashRoute } from './useHashRoute';
import { useDocumentLanguage } from './useDocumentLanguage';
import { SCREENS, type Screen } from './screens';
import { SCREEN_VIEWS } from './screenViews';

// First start: the person who sets Vaardig up becomes the team lead.
const LeadSetup = lazy(() => withMessages(() => import('../features/kiosk/LeadSetup'))().then((m) => ({ default: m.LeadSetup })));
// A device connected to a company that has not let it in: it shows its code and waits.
const DeviceWaiting = lazy(() => withMessages(() => import('../features/devices/DeviceWaiting'))().then((m) => ({ default: m.DeviceWaiting })));
// The wall: what a device in wall mode shows while nobody is signed in.
const WallScreen = lazy(() => withMessages(() => import('../features/wall/WallScreen'))().then((m) => ({ default: m.WallScreen })));
// The service worker registers after the first screen (the whole catalog follows that screen):
// its code (workbox) is no part of the first paint. Not React.lazy: the prompt registers in its
// first render, so that render must be one React keeps (a Suspense retry may be dropped and
// done again, leaving a registration that updates nothing).
type Prompt = (typeof import('../pwa/UpdatePrompt'))['UpdatePrompt'];
function UpdatePrompt({ quiet = false }: { quiet?: boolean }) {
  const ready = useWholeCatalog();
  const [Prompt, setPrompt] = useState<Prompt | null>(null);
  useEffect(() => {
    if (ready) void import('../pwa/UpdatePrompt').then((m) => setPrompt(() => m.UpdatePrompt));
  }, [ready]);
  return Prompt && <Prompt quiet={quiet} />;
}

export function App() {
  const t = useT();
  // Before any query runs (children's effects run first): a forgotten person's name in the reader's language.
  setPersonLabels({ former: t('people.former'), unreadable: t('people.nameComing') });
  const screen = useUi((s) => s.screen);
  const wallMode = useUi((s) => s.wallMode);
  const signedIn = useUi((s) => s.signedInId !== null);
  const phone = useMediaQuery(PHONE_QUERY);
  useHashRoute();
  useDocumentLanguage();
  useWallMode();
  const leadExists = useLeadExists();
  const standing = useDeviceStanding();
  const outside = standing === 'waiting' || standing === 'revoked';
  if (wallMode && !signedIn && !outside && leadExists !== false) {
    return (
      <div className="app wall-app">
        <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
          <WallScreen />
        </Suspense>
        <UpdatePrompt quiet />
        <Notice />
      </div>
    );
  }
  return (
    <div className={phone ? 'app phone' : 'app'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header outside={outside} phone={phone} />
      {!outside && <DemoBanner />}
      {!outside && <BackupReminder />}
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
          {outside ? <DeviceWaiting standing={standing} /> : leadExists === false ? <LeadSetup /> : <ScreenView screen={screen} />}
        </Suspense>
      </main>
      {/* Below the screen: arriving late (the service worker's install), it does not push the screen down. */}
      <UpdatePrompt />
      {phone && !outside && leadExists && <MainNav layout="tabs" />}
      <Notice />
    </div>
  );
}

/** The screen from the registry; a lead's screen shows only to the signed-in lead. */
function ScreenView({ screen }: { screen: Screen }) {
  const View = SCREEN_VIEWS[screen];
  return SCREENS[screen].who === 'lead' ? (
    <LeadGate>
      <View />
    </LeadGate>
  ) : (
    <View />
  );
}
