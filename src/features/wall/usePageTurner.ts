import { useEffect, useState } from 'react';

/**
 * Which page the wall shows: the next one after `seconds`, unless someone paused it. Going to
 * a page by hand starts its full time again; `resetSignal` (the wall's return home) goes back
 * to the first page and plays.
 */
export function usePageTurner(count: number, seconds: number, resetSignal: number) {
  const [state, setState] = useState({ index: 0, paused: false, signal: resetSignal });
  if (state.signal !== resetSignal) setState({ index: 0, paused: false, signal: resetSignal });
  const index = count ? state.index % count : 0;
  useEffect(() => {
    if (state.paused || count < 2) return;
    const timer = setTimeout(() => setState((s) => ({ ...s, index: (s.index + 1) % count })), seconds * 1000);
    return () => clearTimeout(timer);
  }, [state.paused, state.index, count, seconds]);
  return {
    index,
    paused: state.paused,
    setPaused: (paused: boolean) => setState((s) => ({ ...s, paused })),
    next: () => setState((s) => ({ ...s, index: (index + 1) % Math.max(1, count) })),
  };
}
