import { useT } from '../i18n';
import { SessionControls } from '../features/kiosk/SessionControls';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';

/**
 * The top bar. On a tablet: the menu on one row and who is signed in; on a phone the menu is
 * the tab bar at the bottom (App). The language is under "Meer" (first there, named in both
 * languages). `outside`: this device is not (or no longer) let in: no menus, nobody signed
 * in, only the language.
 */
export function Header({ outside = false, phone = false }: { outside?: boolean; phone?: boolean }) {
  const t = useT();
  return (
    <header className="app-header">
      <span className="brand">
        <img src="/icons/icon.svg" alt="" width="32" height="32" />
        <span className="brand-name">{t('app.name')}</span>
      </span>
      {!outside && !phone && <MainNav layout="bar" />}
      {!outside && <SessionControls />}
      {outside && <LanguageSwitch />}
    </header>
  );
}
