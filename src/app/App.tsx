import { useT } from '../i18n';
import { MatrixScreen } from '../features/matrix/MatrixScreen';
import { PeopleScreen } from '../features/people/PeopleScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SkillsScreen } from '../features/skills/SkillsScreen';
import { useWallMode } from '../features/wall/useWallMode';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { useUi } from '../state/ui';
import { DemoBanner } from './DemoBanner';
import { Header } from './Header';
import { Notice } from './Notice';
import { useHashRoute } from './useHashRoute';
import { useDocumentLanguage } from './useDocumentLanguage';

export function App() {
  const t = useT();
  const screen = useUi((s) => s.screen);
  const wallMode = useUi((s) => s.wallMode);
  useHashRoute();
  useDocumentLanguage();
  useWallMode();
  return (
    <div className={wallMode ? 'app wall' : 'app'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <UpdatePrompt />
      <DemoBanner />
      <main id="main" tabIndex={-1}>
        {screen === 'matrix' && <MatrixScreen />}
        {screen === 'people' && <PeopleScreen />}
        {screen === 'skills' && <SkillsScreen />}
        {screen === 'settings' && <SettingsScreen />}
      </main>
      <Notice />
    </div>
  );
}
