import { openedEvents } from './readTables';
import type { VaardigEvent } from '../../domain/events';
import { eventMentions } from '../../domain/eventRefs';
import { formatHlc } from '../../domain/hlc';
import { db } from '../store';
import { useLive } from './liveQuery';

export interface AuditFilter {
  /** A person: events they made or that are about them. */
  person: string;
  /** A skill: events about it. */
  skill: string;
  /** First and last day (yyyy-mm-dd, local time), or ''. */
  from: string;
  to: string;
  limit: number;
}

/** Day boundaries as HLC prefixes, so the period is an index range on `at`. */
function stampOfDay(date: string, endOfDay: boolean): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = new Date(`${date}T00:00:00`).getTime() + (endOfDay ? 86_400_000 : 0);
  return Number.isNaN(ms) ? null : formatHlc({ wall: ms, counter: 0 }, '');
}

/** The audit log, newest first: up to `limit + 1` events, so the screen knows whether there are more. */
export function useAuditEvents({ person, skill, from, to, limit }: AuditFilter): VaardigEvent[] | undefined {
  return useLive(() => {
    const lower = stampOfDay(from, false) ?? '';
    const upper = stampOfDay(to, true) ?? '\uffff';
    return db.events
      .where('at')
      .between(lower, upper, true, false)
      .reverse()
      .filter((e) => (!person || e.actor === person || eventMentions(e, person)) && (!skill || eventMentions(e, skill)))
      .limit(limit + 1)
      .toArray()
      .then(openedEvents);
  }, [person, skill, from, to, limit]);
}
