import { lazy, Suspense, useMemo, useState } from 'react';
import { loadSealing, useSkills, useStations, useWorkers } from '../../data/queries';
import { peopleInMatrixOrder, skillsInMatrixOrder } from '../../domain/matrixOrder';
import { useT, withMessages } from '../../i18n';
import { useUi } from '../../state/ui';
import { SelectField } from '../../ui/Field';
import { TeamSelect } from '../people/TeamSelect';
import { Icon } from '../../ui/Icon';
import { Legend } from './Legend';
import { preloadSignIn } from '../kiosk/SessionControls';
import { LazyLevelPicker, preloadLevelPicker } from './LazyLevelPicker';
import { MatrixGrid } from './MatrixGrid';
import { DESK_METRICS } from './metrics';

// Opened by a tap, so not part of the first screen's script.
const AttentionDialog = lazy(() => withMessages(() => import('./AttentionDialog'))().then((m) => ({ default: m.AttentionDialog })));

export function MatrixScreen() {
  const t = useT();
  const stations = useStations();
  const allSkills = useSkills();
  const allWorkers = useWorkers();
  // Each by its own selector: the screen re-renders for these, not for every change of UI state.
  const teamFilter = useUi((s) => s.teamFilter);
  const stationFilter = useUi((s) => s.stationFilter);
  const setTeamFilter = useUi((s) => s.setTeamFilter);
  const setStationFilter = useUi((s) => s.setStationFilter);
  const editing = useUi((s) => s.editing);
  const [attentionOpen, setAttentionOpen] = useState(false);

  const activeStations = useMemo(() => (stations ?? []).filter((s) => !s.archived), [stations]);
  const shownStations = useMemo(() => activeStations.filter((s) => !stationFilter || s.id === stationFilter), [activeStations, stationFilter]);
  // The matrix's order (domain/matrixOrder), the same the first screen was read in (prefetchMatrix).
  const skills = useMemo(() => skillsInMatrixOrder(shownStations, allSkills ?? []), [allSkills, shownStations]);
  const workers = useMemo(() => peopleInMatrixOrder(allWorkers ?? [], teamFilter), [allWorkers, teamFilter]);

  if (!stations || !allSkills || !allWorkers) return <p className="loading">{t('app.loading')}</p>;
  const anyWorkers = allWorkers.some((w) => !w.archived);
  const anySkills = allSkills.some((s) => !s.archived);

  return (
    <section className="matrix-screen" aria-labelledby="matrix-title">
      <div className="toolbar">
        <h1 id="matrix-title" className="screen-title">
          {t('matrix.title')}
        </h1>
        <TeamSelect value={teamFilter ?? ''} onChange={(id) => setTeamFilter(id || null)} />
        <SelectField label={t('matrix.filterStation')} value={stationFilter ?? ''} onChange={(e) => setStationFilter(e.target.value || null)}>
          <option value="">{t('matrix.allStations')}</option>
          {activeStations.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <button type="button" className="button" onClick={() => setAttentionOpen(true)}>
          <Icon name="warning" /> {t('attention.button')}
        </button>
        <p className="matrix-summary">{t('matrix.summary', { people: t('people.membersCount', { count: workers.length }), skills: t('skills.skillCount', { count: skills.length }) })}</p>
      </div>
      {!anyWorkers || !anySkills ? (
        <div className="empty-state">
          <h2>{t('matrix.emptyTitle')}</h2>
          {!anyWorkers && <p>{t('matrix.emptyNoPeople')}</p>}
          {!anySkills && <p>{t('matrix.emptyNoSkills')}</p>}
        </div>
      ) : workers.length === 0 ? (
        <div className="empty-state">
          <p>{t('matrix.emptyFiltered')}</p>
        </div>
      ) : (
        <MatrixGrid workers={workers} stations={shownStations} skills={skills} metrics={DESK_METRICS} onPainted={preloadAfterPaint} />
      )}
      <p className="keyboard-help">{t('matrix.keyboardHelp')}</p>
      <Legend />
      {editing && <LazyLevelPicker workerId={editing.workerId} skillId={editing.skillId} />}
      {attentionOpen && (
        <Suspense fallback={null}>
          <AttentionDialog workers={workers} skills={skills} stations={shownStations} onClose={() => setAttentionOpen(false)} />
        </Suspense>
      )}
    </section>
  );
}

/** What the first tap will need, loaded once the matrix is on the screen. */
function preloadAfterPaint(): void {
  preloadLevelPicker();
  preloadSignIn();
  // The cipher for people's texts: the first change seals (every path that seals also waits for it).
  void loadSealing();
}
