import type { EventType, Payload } from '../events';
import { isSealed } from './sealedForm';

/**
 * Which texts in which events are a person's own, and whose: these are sealed with that
 * person's key (sealing.ts) and gone when the person is forgotten. Everything else in the log
 * — ids, levels, dates, minutes — is the company's record and stays, so the matrix, coverage
 * and fund reports still add up after a person is forgotten ("oud-medewerker").
 */
type Text = (value: string, ownerId: string) => string;

/** An event's type and payload, typed together (an event, or one still being built). */
type Typed = { [T in EventType]: { type: T; payload: Payload<T> } }[EventType];

/** The owner of an event's personal texts, or null when it holds none. */
export function ownerOf(event: Typed): string | null {
  switch (event.type) {
    case 'worker.created':
    case 'worker.changed':
      return event.payload.name === undefined ? null : event.payload.id;
    case 'level.set':
    case 'claim.confirmed':
    case 'claim.declined':
    case 'levels.recorded':
      return event.payload.workerId;
    case 'session.recorded':
      return event.payload.learnerId;
    default:
      return null;
  }
}

/**
 * The event with each personal text passed through `text` (sealing, or opening). Empty texts
 * stay empty: there is nothing to hide in them. The same object when the event holds no
 * text (nearly every event at factory scale: a fold opens them all, and copying 16,000
 * events with their cells only to change nothing cost more than the opening).
 */
export function mapPersonalTexts<E extends Typed>(event: E, text: Text): E {
  const owner = ownerOf(event);
  if (owner === null) return event;
  const one = (value: string | undefined) => (value ? text(value, owner) : value);
  const e: Typed = event;
  switch (e.type) {
    case 'worker.created':
    case 'worker.changed':
      return e.payload.name ? { ...event, payload: { ...e.payload, name: one(e.payload.name) } } : event;
    case 'level.set':
    case 'claim.confirmed':
    case 'claim.declined':
      return e.payload.note ? { ...event, payload: { ...e.payload, note: one(e.payload.note) } } : event;
    case 'levels.recorded':
      return e.payload.cells.some((c) => c.note) ? { ...event, payload: { ...e.payload, cells: e.payload.cells.map((c) => (c.note ? { ...c, note: one(c.note) } : c)) } } : event;
    case 'session.recorded':
      return e.payload.practised ? { ...event, payload: { ...e.payload, practised: one(e.payload.practised) } } : event;
    default:
      return event;
  }
}

/** Whether an event holds a sealed text (then it can be opened only with its owner's key). */
export function holdsSealed(event: Typed): boolean {
  let sealed = false;
  mapPersonalTexts(event, (value) => {
    if (isSealed(value)) sealed = true;
    return value;
  });
  return sealed;
}

/** The keys a log's events can be opened with: a person's id → their key (absent: forgotten, or not yet here). */
export interface KeyRing {
  keyOf(personId: string): Uint8Array | undefined;
  /** A person who was forgotten: even texts from before sealing read as empty. */
  isForgotten(personId: string): boolean;
}
