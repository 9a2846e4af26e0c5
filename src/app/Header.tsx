import { LANGUAGES, useT, type MessageKey } from '../i18n';
import { useUi, type Screen } from '../state/ui';
import { Icon, type IconName } from '../ui/Icon';
import { toggleFullscreen } from '../features/wall/useWallMode';

const NAV: { screen: Screen; icon: IconName; label: MessageKey }[] = [
  { screen: 'matrix', icon: 'matrix', label: 'nav.matrix' },
  { screen: 'people', icon: 'people', label: 'nav.people' },
  { screen: 'skills', icon: 'tools', label: 'nav.skills' },
  { screen: 'settings', icon: 'settings', label: 'nav.settings' },
];

export function Header() {
  const t = useT();
  const { screen, go, wallMode, setWallMode, language, setLanguage } = useUi();
  return (
    <header className="app-header">
      <span className="brand">
        <img src="/icons/icon.svg" alt="" width="32" height="32" />
        <span className="brand-name">{t('app.name')}</span>
      </span>
      <nav aria-label={t('nav.label')}>
        <ul>
          {NAV.map((item) => (
            <li key={item.screen}>
              <button type="button" className="nav-button" aria-current={screen === item.screen ? 'page' : undefined} onClick={() => go(item.screen)}>
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
      <div className="language-switch" role="group" aria-label={t('nav.language')}>
        <Icon name="language" />
        {LANGUAGES.map((l) => (
          <button key={l} type="button" lang={l} className="lang-button" aria-pressed={language === l} onClick={() => setLanguage(l)}>
            {l.toUpperCase()}
            <span className="visually-hidden"> {t(`lang.${l}`)}</span>
          </button>
        ))}
      </div>
    </header>
  );
}
