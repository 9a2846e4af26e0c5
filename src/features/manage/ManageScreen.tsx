import { useT } from '../../i18n';
import { useUi } from '../../state/ui';
import { Icon } from '../../ui/Icon';
import { MANAGE_SCREENS } from '../../app/screens';
import { LeadGate } from '../kiosk/LeadGate';

export function ManageScreen() {
  const t = useT();
  const go = useUi((s) => s.go);
  return (
    <LeadGate>
      <section className="list-screen" aria-labelledby="manage-title">
        <h1 id="manage-title" className="screen-title">
          {t('nav.manage')}
        </h1>
        <ul className="tiles">
          {MANAGE_SCREENS.map((s) => (
            <li key={s.screen}>
              <button type="button" className="tile" onClick={() => go(s.screen)}>
                <Icon name={s.icon} size={32} />
                <span className="tile-label">{t(s.label)}</span>
                <span className="tile-hint">{t(s.hint)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </LeadGate>
  );
}
