import { useEffect, useState } from 'react';
import { STAY_IN_VIEW_MS } from '../../domain/thresholds';

/**
 * Whether a row or column may read its data: at once when it appears at rest, once it has
 * stayed in view a moment during a drag, or once the matrix rests — never while it only
 * flies past (IndexedDB reads in every frame of a fling would drop the frames).
 */
export function useStayedInView(scrolling: boolean): boolean {
  const [stayed, setStayed] = useState(!scrolling);
  // At rest: at once, in this render.
  if (!scrolling && !stayed) setStayed(true);
  useEffect(() => {
    if (stayed || !scrolling) return;
    const timer = setTimeout(() => setStayed(true), STAY_IN_VIEW_MS);
    return () => clearTimeout(timer);
  }, [stayed, scrolling]);
  return stayed || !scrolling;
}
