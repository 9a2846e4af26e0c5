import { hlcMillis } from '../hlc';
import type { Worker } from '../model';
import type { Clocked } from '../projection';
import { RETENTION_MONTHS } from '../thresholds';

/** When a person was archived (ms), from the stamp of the write that archived them; null if they are not. */
export function archivedSince(worker: Worker & { _clock?: Record<string, string> }): number | null {
  if (!worker.archived) return null;
  const stamp = worker._clock?.archived;
  return stamp ? hlcMillis(stamp) : -Infinity;
}

/**
 * Whether a person had left (archived, or forgotten) before this moment. Reports about a
 * period count everyone who was there in it: people leaving later do not change its figures.
 */
export function leftBefore(worker: Worker & { _clock?: Record<string, string> }, at: number): boolean {
  const since = archivedSince(worker);
  return since !== null && since < at;
}

/**
 * People archived longer than the retention period and not forgotten yet, longest first:
 * proposed to the lead for forgetting (never forgotten by themselves: a lead decides).
 */
export function dueForForgetting(workers: readonly Clocked<Worker>[], now: number, months = RETENTION_MONTHS): { worker: Clocked<Worker>; archivedAt: number }[] {
  const limit = new Date(now);
  limit.setMonth(limit.getMonth() - months);
  return workers
    .flatMap((worker) => {
      const archivedAt = archivedSince(worker);
      return !worker.forgotten && archivedAt !== null && Number.isFinite(archivedAt) && archivedAt < limit.getTime() ? [{ worker, archivedAt }] : [];
    })
    .sort((a, b) => a.archivedAt - b.archivedAt);
}
