import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now; re-renders when it changes (a phone turned sideways). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => matchMedia(query).matches,
  );
}

/** A phone held upright: the menu becomes a tab bar at the bottom. The one place this width is set. */
export const PHONE_QUERY = '(max-width: 699px)';
