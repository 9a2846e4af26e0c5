import { parseEvent, PRIVATE_EVENT_TYPES, type VaardigEvent } from '../events';
import { hlcMillis, parseHlc } from '../hlc';
import { CLOCK_BOUNDS, LIMITS } from '../thresholds';
import { expectedId } from '../identity/eventIdentity';
import { stableJson } from '../stableJson';
import { refuse, type Refusal } from './refusal';

/**
 * The first look at anything received (sync, a backup): size, shape, signed at all, id that
 * is its content's hash, and whether its clock stamp is possible (the signature itself is
 * checked next, by WebCrypto: see data/gate/signatures). What passes is judged against the log (`settle`); what is too far ahead
 * waits until its time comes and never moves this device's clock.
 */
export type Screened = { kind: 'ok'; event: VaardigEvent } | { kind: 'hold'; event: VaardigEvent } | { kind: 'refused'; refusal: Refusal; event?: VaardigEvent; raw?: unknown };

const encoder = new TextEncoder();

/** UTF-8 size of a value as JSON; cheap for the many small events. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  return json.length * 3 <= LIMITS.eventBytes ? json.length : encoder.encode(json).length;
}

export function screen(raw: unknown, now: number, options: { allowPrivate?: boolean; allowUnsigned?: boolean } = {}): Screened {
  if (jsonBytes(raw) > LIMITS.eventBytes) return { kind: 'refused', refusal: refuse('tooLarge'), raw: summaryOf(raw) };
  const parsed = parseEvent(raw);
  if (!parsed.ok) {
    const issue = parsed.issues[0];
    return { kind: 'refused', refusal: refuse('malformed', issue ? `${issue.path.join('.')}: ${issue.message}` : undefined), raw };
  }
  const event = parsed.event;
  if (PRIVATE_EVENT_TYPES.has(event.type) && !options.allowPrivate) return { kind: 'refused', refusal: refuse('private'), event };
  if (parseHlc(event.at).device !== event.device) return { kind: 'refused', refusal: refuse('stampDevice'), event };
  if (options.allowUnsigned) return timely(event, now);
  if (!event.key || !event.sig) return { kind: 'refused', refusal: refuse('unsigned'), event };
  if (event.id !== expectedId(event)) return { kind: 'refused', refusal: refuse('badId'), event };
  return timely(event, now);
}

/** Whether an event's time has come: now, later (hold it), or never (refuse it). */
export function timely(event: VaardigEvent, now: number): Screened {
  const ahead = hlcMillis(event.at) - now;
  if (ahead > CLOCK_BOUNDS.refuseMs) return { kind: 'refused', refusal: refuse('future'), event };
  if (ahead > CLOCK_BOUNDS.holdMs) return { kind: 'hold', event };
  return { kind: 'ok', event };
}

/** Whether two copies of an event (same id) say the same: events never change once written. */
export function sameEvent(a: VaardigEvent, b: VaardigEvent): boolean {
  return stableJson(a) === stableJson(b);
}

/** What is kept of something too large to keep: where it says it came from. */
function summaryOf(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const short = (v: unknown) => (typeof v === 'string' ? v.slice(0, 140) : null);
  return { id: short(r.id ?? r._id), type: short(r.type), at: short(r.at), device: short(r.device), actor: short(r.actor) };
}
