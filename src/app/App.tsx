import { lazy, Suspense } from 'react';
import { useLeadExists } from '../data/queries';
import { useT } from '../i18n';
import { MatrixScreen } from '../features/matrix/MatrixScreen';
import { useWallMode } from '../features/wall/useWallMode';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { useUi } from '../state/ui';
import { BackupReminder } from './BackupReminder';
import { DemoBanner } from './DemoBanner';
import { Header } from './Header';
import { Notice } from './Notice';
import { useHashRoute } from './useHashRoute';
import { useDocumentLanguage } from './useDocumentLanguage';

// The matrix is what the wall shows first; the other screens load when someone opens them.
const PeopleScreen = lazy(() => import('../features/people/PeopleScreen').then((m) => ({ default: m.PeopleScreen })));
const SkillsScreen = lazy(() => import('../features/skills/SkillsScreen').then((m) => ({ default: m.SkillsScreen })));
const MyScreen = lazy(() => import('../features/mine/MyScreen').then((m) => ({ default: m.MyScreen })));
const ConfirmScreen = lazy(() => import('../features/confirm/ConfirmScreen').then((m) => ({ default: m.ConfirmScreen })));
const BoardScreen = lazy(() => import('../features/assignments/BoardScreen').then((m) => ({ default: m.BoardScreen })));
const PlanScreen = lazy(() => import('../features/assignments/PlanScreen').then((m) => ({ default: m.PlanScreen })));
const OverviewScreen = lazy(() => import('../features/coaching/OverviewScreen').then((m) => ({ default: m.OverviewScreen })));
const DataScreen = lazy(() => import('../features/transfer/DataScreen').then((m) => ({ default: m.DataScreen })));
const PrintScreen = lazy(() => import('../features/print/PrintScreen').then((m) => ({ default: m.PrintScreen })));
const QualificationsScreen = lazy(() => import('../features/certification/QualificationsScreen').then((m) => ({ default: m.QualificationsScreen })));
const ManageScreen = lazy(() => import('../features/manage/ManageScreen').then((m) => ({ default: m.ManageScreen })));
const AuditScreen = lazy(() => import('../features/audit/AuditScreen').then((m) => ({ default: m.AuditScreen })));
const LeadSetup = lazy(() => import('../features/kiosk/LeadSetup').then((m) => ({ default: m.LeadSetup })));
const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

export function App() {
  const t = useT();
  const screen = useUi((s) => s.screen);
  const wallMode = useUi((s) => s.wallMode);
  useHashRoute();
  useDocumentLanguage();
  useWallMode();
  const leadExists = useLeadExists();
  return (
    <div className={wallMode ? 'app wall' : 'app'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <UpdatePrompt />
      <DemoBanner />
      <BackupReminder />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
          {leadExists === false ? (
            <LeadSetup />
          ) : (
            <>
              {screen === 'matrix' && <MatrixScreen />}
              {screen === 'manage' && <ManageScreen />}
              {screen === 'board' && <BoardScreen />}
              {screen === 'plan' && <PlanScreen />}
              {screen === 'overview' && <OverviewScreen />}
              {screen === 'mine' && <MyScreen />}
              {screen === 'confirm' && <ConfirmScreen />}
              {screen === 'people' && <PeopleScreen />}
              {screen === 'skills' && <SkillsScreen />}
              {screen === 'data' && <DataScreen />}
              {screen === 'print' && <PrintScreen />}
              {screen === 'qualifications' && <QualificationsScreen />}
              {screen === 'audit' && <AuditScreen />}
              {screen === 'settings' && <SettingsScreen />}
            </>
          )}
        </Suspense>
      </main>
      <Notice />
    </div>
  );
}
