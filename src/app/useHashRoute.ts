import { useEffect } from 'react';
import { useUi } from '../state/ui';
import { isScreen, type Screen } from './screens';

/** `#/people` → 'people'; the routes are the ids in screens.ts. */
export function screenFromHash(): Screen | null {
  const name = location.hash.replace(/^#\/?/, '');
  return isScreen(name) ? name : null;
}

/** Opens the screen the address names (call once before the first render, so no effect overwrites it). */
export function openScreenFromHash() {
  const fromHash = screenFromHash();
  if (fromHash) useUi.getState().go(fromHash);
}

/** Keeps the screen and the address in step, so back/forward and bookmarks work. */
export function useHashRoute() {
  const screen = useUi((s) => s.screen);
  const go = useUi((s) => s.go);
  useEffect(() => {
    const onHash = () => {
      const next = screenFromHash();
      if (next) go(next);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, [go]);
  useEffect(() => {
    if (screenFromHash() !== screen) history.pushState(null, '', `#/${screen}`);
  }, [screen]);
}
