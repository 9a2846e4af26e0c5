import { useEffect } from 'react';
import { useUi } from '../../state/ui';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * In wall mode, the tablet returns to the overview (matrix, top-left, no dialog) after a
 * while without touches, so the next person walking up sees the whole picture.
 */
export function useWallMode() {
  const wallMode = useUi((s) => s.wallMode);
  const seconds = useUi((s) => s.wallIdleSeconds);
  const returnHome = useUi((s) => s.returnHome);
  useEffect(() => {
    if (!wallMode) return;
    let timer = setTimeout(returnHome, seconds * 1000);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(returnHome, seconds * 1000);
    };
    for (const e of ACTIVITY_EVENTS) addEventListener(e, reset, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY_EVENTS) removeEventListener(e, reset, { capture: true });
    };
  }, [wallMode, seconds, returnHome]);
}

/** Full screen is a nicety: a browser or kiosk that refuses it still gets wall mode. */
export function toggleFullscreen(on: boolean) {
  if (on && !document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => undefined);
  if (!on && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}
