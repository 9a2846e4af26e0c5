import { useSyncExternalStore } from 'react';

/**
 * The time for screens that show "how long ago" or "expired": it moves on by the minute, so
 * a render stays pure (no Date.now() while rendering) and a wall tablet left on all day still
 * turns a confirmation "verlopen" when its time comes.
 */
const MINUTE = 60_000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

const snapshot = () => Math.floor(Date.now() / MINUTE) * MINUTE;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), MINUTE / 4);
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot);
}
