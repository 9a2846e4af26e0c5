import type { MessageKey } from '../../i18n';
import type { Screen } from '../../state/ui';
import type { IconName } from '../../ui/Icon';

/** The lead's screens, behind one menu item so the wall header stays short. */
export const LEAD_SCREENS: { screen: Screen; icon: IconName; label: MessageKey; hint: MessageKey }[] = [
  { screen: 'plan', icon: 'list', label: 'nav.plan', hint: 'manage.planHint' },
  { screen: 'overview', icon: 'clock', label: 'nav.overview', hint: 'manage.overviewHint' },
  { screen: 'people', icon: 'people', label: 'nav.people', hint: 'manage.peopleHint' },
  { screen: 'skills', icon: 'tools', label: 'nav.skills', hint: 'manage.skillsHint' },
  { screen: 'qualifications', icon: 'star', label: 'nav.qualifications', hint: 'manage.qualificationsHint' },
  { screen: 'data', icon: 'storage', label: 'nav.data', hint: 'manage.dataHint' },
  { screen: 'audit', icon: 'list', label: 'nav.audit', hint: 'manage.auditHint' },
];
