import { lazy, type ComponentType } from 'react';
import { MatrixScreen } from '../features/matrix/MatrixScreen';
import type { Screen } from './screens';

/**
 * The component of each screen in screens.ts (the compiler insists on one per screen, and no
 * more). The matrix is what the wall shows first, so it is in the first bundle; the other
 * screens load when someone opens them.
 */
export const SCREEN_VIEWS: Readonly<Record<Screen, ComponentType>> = {
  matrix: MatrixScreen,
  board: lazy(() => import('../features/assignments/BoardScreen').then((m) => ({ default: m.BoardScreen }))),
  mine: lazy(() => import('../features/mine/MyScreen').then((m) => ({ default: m.MyScreen }))),
  confirm: lazy(() => import('../features/confirm/ConfirmScreen').then((m) => ({ default: m.ConfirmScreen }))),
  manage: lazy(() => import('../features/manage/ManageScreen').then((m) => ({ default: m.ManageScreen }))),
  plan: lazy(() => import('../features/assignments/PlanScreen').then((m) => ({ default: m.PlanScreen }))),
  overview: lazy(() => import('../features/coaching/OverviewScreen').then((m) => ({ default: m.OverviewScreen }))),
  people: lazy(() => import('../features/people/PeopleScreen').then((m) => ({ default: m.PeopleScreen }))),
  skills: lazy(() => import('../features/skills/SkillsScreen').then((m) => ({ default: m.SkillsScreen }))),
  qualifications: lazy(() => import('../features/certification/QualificationsScreen').then((m) => ({ default: m.QualificationsScreen }))),
  data: lazy(() => import('../features/transfer/DataScreen').then((m) => ({ default: m.DataScreen }))),
  print: lazy(() => import('../features/print/PrintScreen').then((m) => ({ default: m.PrintScreen }))),
  audit: lazy(() => import('../features/audit/AuditScreen').then((m) => ({ default: m.AuditScreen }))),
  settings: lazy(() => import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen }))),
};
