import { lazy, type ComponentType } from 'react';
import { MatrixScreen } from '../features/matrix/MatrixScreen';
import { withMessages } from '../i18n';
import type { Screen } from './screens';

/**
 * The component of each screen in screens.ts (the compiler insists on one per screen, and no
 * more). The matrix is what the wall shows first, so it is in the first bundle; the other
 * screens load when someone opens them.
 */
/** A screen's component, loaded the first time it is shown (with the whole catalog: its texts are there). */
function lazyView<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K): ComponentType {
  return lazy(() => withMessages(load)().then((m): { default: ComponentType } => ({ default: m[name] })));
}

export const SCREEN_VIEWS: Readonly<Record<Screen, ComponentType>> = {
  matrix: MatrixScreen,
  board: lazyView(() => import('../features/assignments/BoardScreen'), 'BoardScreen'),
  mine: lazyView(() => import('../features/mine/MyScreen'), 'MyScreen'),
  confirm: lazyView(() => import('../features/confirm/ConfirmScreen'), 'ConfirmScreen'),
  manage: lazyView(() => import('../features/manage/ManageScreen'), 'ManageScreen'),
  plan: lazyView(() => import('../features/assignments/PlanScreen'), 'PlanScreen'),
  overview: lazyView(() => import('../features/coaching/OverviewScreen'), 'OverviewScreen'),
  people: lazyView(() => import('../features/people/PeopleScreen'), 'PeopleScreen'),
  skills: lazyView(() => import('../features/skills/SkillsScreen'), 'SkillsScreen'),
  qualifications: lazyView(() => import('../features/certification/QualificationsScreen'), 'QualificationsScreen'),
  data: lazyView(() => import('../features/transfer/DataScreen'), 'DataScreen'),
  print: lazyView(() => import('../features/print/PrintScreen'), 'PrintScreen'),
  audit: lazyView(() => import('../features/audit/AuditScreen'), 'AuditScreen'),
  settings: lazyView(() => import('../features/settings/SettingsScreen'), 'SettingsScreen'),
};
