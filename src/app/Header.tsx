import { chooseLanguage, LANGUAGES, LOCALES, useT } from '../i18n';
import { useUi } from '../state/ui';
import { Icon } from '../ui/Icon';
import { toggleFullscreen } from '../features/wall/useWallMode';
import { SessionControls } from '../features/kiosk/SessionControls';
import { useSignedInPerson } from '../features/kiosk/LeadGate';
import { isLead } from '../domain/permissions';
import { HEADER_SCREENS, headerScreenOf, mayOpen, SCREENS } from './screens';

/** `outside`: this device is not (or no longer) let in: no menus, nobody signed in, only the language. */
export function Header({ outside = false }: { outside?: boolean }) {
  const t = useT();
  const { screen, go, wallMode, setWallMode, language } = useUi();
  const person = useSignedInPerson();
  const shown = HEADER_SCREENS.filter((id) => mayOpen(id, { signedIn: Boolean(person), lead: isLead(person ?? undefined) }));
  const current = headerScreenOf(screen);
  return (
    <header className="app-header">
      <span className="brand">
        <img src="/icons/icon.svg" alt="" width="32" height="32" />
        <span className="brand-name">{t('app.name')}</span>
      </span>
      {!outside && (
        <>
          <nav aria-label={t('nav.label')}>
            <ul>
              {shown.map((id) => (
                <li key={id}>
                  <button type="button" className="nav-button" aria-current={current === id ? 'page' : undefined} onClick={() => go(id)}>
                    <Icon name={SCREENS[id].icon} /> <span>{t(SCREENS[id].label)}</span>
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
        </>
      )}
      <div className="language-switch" role="group" aria-label={t('nav.language')}>
        <Icon name="language" />
        {LANGUAGES.map((l) => (
          <button key={l} type="button" lang={l} className="lang-button" aria-pressed={language === l} onClick={() => void chooseLanguage(l)}>
            {l.toUpperCase()}
            <span className="visually-hidden"> {LOCALES[l].name}</span>
          </button>
        ))}
      </div>
    </header>
  );
}
