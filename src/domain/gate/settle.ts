import type { VaardigEvent } from '../events';
import { stampOf } from '../projection';
import type { Authority } from './authority';
import type { Refusal } from './refusal';
import { judge } from './rules';

export interface Settlement {
  admitted: VaardigEvent[];
  refused: { event: VaardigEvent; refusal: Refusal }[];
}

/**
 * Judges events in log order (stamp, then id), each against the facts just before it, and
 * updates the authority as it goes: an event admitted earlier is taken back if a late
 * arrival now refuses it, and a refused one is let in once what it needed has arrived. So
 * the log of every device is the same function of the events it has received, whatever
 * order they came in. Pass every event from the earliest new stamp on, old and new.
 */
export function settle(authority: Authority, candidates: readonly VaardigEvent[]): Settlement {
  const ordered = [...new Map(candidates.map((e) => [e.id, e])).values()].sort((a, b) => (stampOf(a) < stampOf(b) ? -1 : 1));
  const result: Settlement = { admitted: [], refused: [] };
  for (const event of ordered) {
    const refusal = judge(event, authority.factsBefore(stampOf(event)));
    if (refusal) {
      authority.retract(event);
      result.refused.push({ event, refusal });
    } else {
      authority.admit(event);
      result.admitted.push(event);
    }
  }
  return result;
}
