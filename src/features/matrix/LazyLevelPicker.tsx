import { lazy, Suspense } from 'react';
import { withMessages } from '../../i18n';

// The picker's texts are in the whole catalog, which follows the first paint (src/i18n).
const load = withMessages(() => import('./LevelPicker'));
const Picker = lazy(() => load().then((m) => ({ default: m.LevelPicker })));

/**
 * The level picker and the commands behind it load after the matrix has painted (see
 * `preloadLevelPicker`), so they are not part of the first paint but are there by the first tap.
 */
export function LazyLevelPicker(props: { workerId: string; skillId: string }) {
  return (
    <Suspense fallback={null}>
      <Picker {...props} />
    </Suspense>
  );
}

export function preloadLevelPicker(): void {
  void load();
}
