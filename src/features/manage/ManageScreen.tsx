import { useT, type MessageKey } from '../../i18n';
import { useUi, type Screen } from '../../state/ui';
import { Icon, type IconName } from '../../ui/Icon';
import { LeadGate } from '../kiosk/LeadGate';

/** The lead's screens behind one menu item, so the wall header stays one row. */
export const LEAD_SCREENS: { screen: Screen; icon: IconName; label: MessageKey; hint: MessageKey }[] = [
  { screen: 'plan', icon: 'list', label: 'nav.plan', hint: 'manage.planHint' },
  { screen: 'overview', icon: 'clock', label: 'nav.overview', hint: 'manage.overviewHint' },
  { screen: 'people', icon: 'people', label: 'nav.people', hint: 'manage.peopleHint' },
  { screen: 'skills', icon: 'tools', label: 'nav.skills', hint: 'manage.skillsHint' },
  { screen: 'qualifications', icon: 'star', label: 'nav.qualifications', hint: 'manage.qualificationsHint' },
  { screen: 'data', icon: 'storage', label: 'nav.data', hint: 'manage.dataHint' },
  { screen: 'audit', icon: 'list', label: 'nav.audit', hint: 'manage.auditHint' },
];

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
          {LEAD_SCREENS.map((s) => (
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
