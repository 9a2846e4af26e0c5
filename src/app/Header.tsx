import { LANGUAGES, LOCALES, useT, type MessageKey } from '../i18n';
import { useUi, type Screen } from '../state/ui';
import { Icon, type IconName } from '../ui/Icon';
import { toggleFullscreen } from '../features/wall/useWallMode';
import { SessionControls } from '../features/kiosk/SessionControls';
import { useSignedInPerson } from '../features/kiosk/LeadGate';
import { isLead } from '../domain/permissions';
import { LEAD_SCREENS } from '../features/manage/leadScreens';

type Audience = 'all' | 'signedIn' | 'lead';
const NAV: { screen: Screen; icon: IconName; label: MessageKey; audience: Audience }[] = [
  { screen: 'matrix', icon: 'matrix', label: 'nav.matrix', audience: 'all' },
  { screen: 'board', icon: 'people', label: 'nav.board', audience: 'all' },
  { screen: 'mine', icon: 'person', label: 'nav.mine', audience: 'signedIn' },
  { screen: 'confirm', icon: 'check', label: 'nav.confirm', audience: 'signedIn' },
  { screen: 'manage', icon: 'tools', label: 'nav.manage', audience: 'lead' },
  { screen: 'settings', icon: 'settings', label: 'nav.settings', audience: 'all' },
];
const UNDER_MANAGE = new Set<Screen>(LEAD_SCREENS.map((s) => s.screen).concat('print'));

export function Header() {
  const t = useT();
  const { screen, go, wallMode, setWallMode, language, setLanguage } = useUi();
  const person = useSignedInPerson();
  const shown = NAV.filter((item) => item.audience === 'all' || (item.audience === 'signedIn' ? Boolean(person) : isLead(person ?? undefined)));
  return (
    <header className="app-header">
      <span className="brand">
        <img src="/icons/icon.svg" alt="" width="32" height="32" />
        <span className="brand-name">{t('app.name')}</span>
      </span>
      <nav aria-label={t('nav.label')}>
        <ul>
          {shown.map((item) => (
            <li key={item.screen}>
              <button type="button" className="nav-button" aria-current={screen === item.screen || (item.screen === 'manage' && UNDER_MANAGE.has(screen)) ? 'page' : undefined} onClick={() => go(item.screen)}>
                <Icon name={item.icon} /> <span>{t(item.label)}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <button
        type="button"
        className="nav-button"
        aria-pressed={wallMode}
        onClick={() => {
          setWallMode(!wallMode);
          toggleFullscreen(!wallMode);
        }}
      >
        <Icon name="wall" /> <span>{t(wallMode ? 'nav.wallOff' : 'nav.wallOn')}</span>
      </button>
      <SessionControls />
      <div className="language-switch" role="group" aria-label={t('nav.language')}>
        <Icon name="language" />
        {LANGUAGES.map((l) => (
          <button key={l} type="button" lang={l} className="lang-button" aria-pressed={language === l} onClick={() => setLanguage(l)}>
            {l.toUpperCase()}
            <span className="visually-hidden"> {LOCALES[l].name}</span>
          </button>
        ))}
      </div>
    </header>
  );
}
