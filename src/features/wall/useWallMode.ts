import { useEffect } from 'react';
import { useUi } from '../../state/ui';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * In wall mode, the tablet returns to the wall after a while without touches: whoever was
 * signed in is signed out, a paused wall plays again from its first page, so the next person
 * walking up sees the whole picture.
 */
export function useWallMode() {
  const wallMode = useUi((s) => s.wallMode);
  const seconds = useUi((s) => s.wallIdleSeconds);
  const returnHome = useUi((s) => s.returnHome);
  const signOut = useUi((s) => s.signOut);
  useEffect(() => {
    if (!wallMode) return;
    const back = () => {
      signOut();
      returnHome();
    };
    let timer = setTimeout(back, seconds * 1000);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(back, seconds * 1000);
    };
    for (const e of ACTIVITY_EVENTS) addEventListener(e, reset, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY_EVENTS) removeEventListener(e, reset, { capture: true });
    };
  }, [wallMode, seconds, returnHome, signOut]);
}

/** Full screen is a nicety: a browser or kiosk that refuses it still gets wall mode. */
export function toggleFullscreen(on: boolean) {
  if (on && !document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => undefined);
  if (!on && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}
