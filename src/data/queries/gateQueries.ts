import { db, type RefusedRow } from '../store';
import { useLive } from './liveQuery';

/** What the gate kept out of the log, last received first (up to `limit + 1`, so the screen knows there is more). */
export function useRefusedEvents(limit: number): RefusedRow[] | undefined {
  return useLive(
    () =>
      db.refused
        .orderBy('receivedAt')
        .reverse()
        .limit(limit + 1)
        .toArray(),
    [limit],
  );
}

/** How many events were refused, and how many wait until their time comes. */
export function useGateCounts(): { refused: number; held: number } | undefined {
  return useLive(async () => ({ refused: await db.refused.count(), held: await db.held.count() }), []);
}
