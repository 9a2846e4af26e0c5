import { useCallback, useEffect, useState } from 'react';
import { useKioskPolicy } from '../../data/queries';
import { idleSecondsGone } from '../../domain/pin';
import { useUi } from '../../state/ui';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
/** The countdown is visible for this long before sign-out. */
export const WARN_SECONDS = 10;
/** Reads the clock this often, so the countdown shows every second even when a timer is late. */
const TICK_MS = 250;

/** The idle clock of one sign-in (`at`): its last touch and the whole seconds gone since. */
interface IdleClock {
  at: number;
  touch: number;
  gone: number;
}

/**
 * Signs the person out after the kiosk's idle time without a touch, so the next person at
 * the wall tablet does not act in their name. Returns the seconds left while warning.
 * The clock belongs to one sign-in: a new sign-in starts a fresh one, whatever the previous
 * person's clock said (otherwise the next sign-in right after an idle sign-out was undone).
 */
export function useKioskIdle(): { secondsLeft: number | null; stay: () => void } {
  const signedInId = useUi((s) => s.signedInId);
  const signedInAt = useUi((s) => s.signedInAt);
  const signOut = useUi((s) => s.signOut);
  const idleSeconds = useKioskPolicy().idleSeconds;
  const [clock, setClock] = useState<IdleClock>({ at: 0, touch: 0, gone: 0 });
  const current = clock.at === signedInAt ? clock : { at: signedInAt, touch: signedInAt, gone: 0 };

  const update = useCallback(
    (touched: boolean) =>
      setClock((c) => {
        const now = Date.now();
        const touch = touched ? now : c.at === signedInAt ? c.touch : signedInAt;
        const gone = idleSecondsGone(signedInAt, touch, now);
        // The same second of the same sign-in: no new render.
        return c.at === signedInAt && c.touch === touch && c.gone === gone ? c : { at: signedInAt, touch, gone };
      }),
    [signedInAt],
  );

  useEffect(() => {
    if (!signedInId) return;
    const touch = () => update(true);
    for (const e of ACTIVITY) addEventListener(e, touch, { capture: true, passive: true });
    const timer = setInterval(() => update(false), TICK_MS);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY) removeEventListener(e, touch, { capture: true });
    };
  }, [signedInId, update]);

  const left = idleSeconds - current.gone;
  useEffect(() => {
    if (signedInId && left <= 0) signOut();
  }, [signedInId, left, signOut]);

  return { secondsLeft: signedInId && left <= WARN_SECONDS ? Math.max(0, left) : null, stay: () => update(true) };
}
