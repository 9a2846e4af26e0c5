import { useEffect, useState } from 'react';
import { useKioskPolicy } from '../../data/queries';
import { useUi } from '../../state/ui';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
/** The countdown is visible for this long before sign-out. */
export const WARN_SECONDS = 10;

/**
 * Signs the person out after the kiosk's idle time without a touch, so the next person at
 * the wall tablet does not act in their name. Returns the seconds left while warning.
 */
export function useKioskIdle(): { secondsLeft: number | null; stay: () => void } {
  const signedInId = useUi((s) => s.signedInId);
  const signedInAt = useUi((s) => s.signedInAt);
  const signOut = useUi((s) => s.signOut);
  const policy = useKioskPolicy();
  const idleMs = policy.idleSeconds * 1000;
  const [lastTouch, setLastTouch] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!signedInId) return;
    const touch = () => setLastTouch(Date.now());
    for (const e of ACTIVITY) addEventListener(e, touch, { capture: true, passive: true });
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY) removeEventListener(e, touch, { capture: true });
    };
  }, [signedInId]);

  // `now` may be older than the sign-in (it ticks only while someone is signed in): that only
  // makes the time left look longer until the next tick, never shorter.
  const left = Math.ceil((Math.max(signedInAt, lastTouch) + idleMs - now) / 1000);
  useEffect(() => {
    if (signedInId && left <= 0) signOut();
  }, [signedInId, left, signOut]);

  return { secondsLeft: signedInId && left <= WARN_SECONDS ? Math.max(0, left) : null, stay: () => setLastTouch(Date.now()) };
}
