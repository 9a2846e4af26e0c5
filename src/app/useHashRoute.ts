import { useEffect } from 'react';
import { SCREENS, useUi, type Screen } from '../state/ui';

function screenFromHash(): Screen | null {
  const name = location.hash.replace(/^#\/?/, '');
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : null;
}

/** Keeps the screen and the address in step, so back/forward and bookmarks work. */
export function useHashRoute() {
  const screen = useUi((s) => s.screen);
  const go = useUi((s) => s.go);
  useEffect(() => {
    const fromHash = screenFromHash();
    if (fromHash) go(fromHash);
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
