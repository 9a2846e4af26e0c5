import Dexie from 'dexie';
import type { EventType, Payload, VaardigEvent } from '../../domain/events';
import { fromBase64Url, toBase64Url } from '../../domain/identity/bytesText';
import { mapPersonalTexts, type KeyRing } from '../../domain/privacy/personalFields';
import { isSealed, keyCommitment, NONCE_LENGTH, PERSON_KEY_BYTES } from '../../domain/privacy/sealedForm';
import { db } from './database';
import { getMeta } from './meta';

/**
 * Each person's key (privacy/sealing.ts): kept in `personKeys`, beside the log and never in
 * it, so forgetting a person is deleting one row on each device and one document on the
 * server. The key ring is an in-memory copy, because events are sealed and opened
 * synchronously (while built, while folded); it is reloaded whenever the tables it comes from
 * changed size (another tab, sync), and a key is used only if it is the one the person's
 * creation committed to.
 */
export interface PersonKeyRow {
  workerId: string;
  /** 32 bytes, base64url. */
  key: string;
  /** 0 while it waits to be sent, 1 once the company server holds it, 2 when the server refused it (a number: indexable, unlike a boolean). */
  pushed: 0 | 1 | 2;
}

/** Writing about a person who was forgotten (a screen opened before): their texts are gone for good. */
export class ForgottenPerson extends Error {
  constructor(readonly workerId: string) {
    super(`forgotten: ${workerId}`);
  }
}

/** A person's key is needed to write their texts, and this device does not have it (yet). */
export class MissingPersonKey extends Error {
  constructor(readonly workerId: string) {
    super(`no key for ${workerId}`);
  }
}

const RING_TABLES = ['personKeys', 'workers', 'meta'];

/**
 * The cipher, loaded when first needed rather than with the first paint. Every path that seals
 * or opens waits for it before its transaction (an import cannot be awaited inside one):
 * commands (`transact`), what is received, restores, the demo, the factory, and queries that
 * open texts.
 */
let cipher: typeof import('../../domain/privacy/sealing') | null = null;

export async function loadSealing(): Promise<void> {
  cipher ??= await import('../../domain/privacy/sealing');
}

function loaded(): typeof import('../../domain/privacy/sealing') {
  if (!cipher) throw new Error('loadSealing() has not run');
  return cipher;
}
const keys = new Map<string, Uint8Array>();
/** Keys made here that are not stored yet (the command that made them stores them). */
const unsaved = new Map<string, Uint8Array>();
const commitments = new Map<string, string>();
let forgotten = new Set<string>();
let loadedSizes = '';

export const keyRing: KeyRing = {
  keyOf: (id) => keys.get(id) ?? unsaved.get(id),
  isForgotten: (id) => forgotten.has(id),
};

/** Reloads the ring when keys, people or the forgotten changed; call inside a transaction that includes them. */
export async function refreshKeyRing(force = false): Promise<void> {
  // A narrower transaction (a projection rebuild of some tables) goes on with the ring as it is.
  const scope = Dexie.currentTransaction?.storeNames;
  if (scope && !RING_TABLES.every((t) => scope.includes(t))) return;
  const [keyCount, workerCount, gone] = await Promise.all([db.personKeys.count(), db.workers.count(), getMeta('forgottenPeople')]);
  const sizes = `${keyCount}:${workerCount}:${gone?.length ?? 0}`;
  if (!force && sizes === loadedSizes) return;
  const [rows, workers] = await Promise.all([db.personKeys.toArray(), db.workers.toArray()]);
  commitments.clear();
  for (const w of workers) if (w.sealKey) commitments.set(w.id, w.sealKey);
  forgotten = new Set(gone ?? []);
  keys.clear();
  for (const row of rows) {
    const bytes = fromBase64Url(row.key);
    const committed = commitments.get(row.workerId);
    if (forgotten.has(row.workerId) || (committed !== undefined && committed !== keyCommitment(bytes))) continue;
    keys.set(row.workerId, bytes);
  }
  loadedSizes = sizes;
}

/** Makes a key for a person being created; the event commits to it, `saveNewKeys` stores it. */
export function newPersonKey(workerId: string): string {
  const key = crypto.getRandomValues(new Uint8Array(PERSON_KEY_BYTES));
  unsaved.set(workerId, key);
  commitments.set(workerId, keyCommitment(key));
  return keyCommitment(key);
}

/** Stores the keys made for the events just appended (inside their transaction). */
export async function saveNewKeys(events: readonly VaardigEvent[]): Promise<void> {
  const rows: PersonKeyRow[] = [];
  for (const e of events) {
    if (e.type !== 'worker.created') continue;
    const key = unsaved.get(e.payload.id);
    if (key) rows.push({ workerId: e.payload.id, key: toBase64Url(key), pushed: 0 });
  }
  if (!rows.length) return;
  await db.personKeys.bulkPut(rows);
  for (const row of rows) {
    keys.set(row.workerId, unsaved.get(row.workerId)!);
    unsaved.delete(row.workerId);
  }
  loadedSizes = '';
}

/**
 * The payload with its person's texts sealed. A person created before sealing existed has no
 * key anywhere: their texts are written as before. One whose key has not reached this device
 * cannot be written about until it has (their texts are never written in the open).
 */
export function sealPayload<T extends EventType>(type: T, payload: Payload<T>): Payload<T> {
  const sealed = mapPersonalTexts({ type, payload } as { type: EventType; payload: Payload<EventType> } as never, (text: string, owner: string) => {
    if (forgotten.has(owner)) throw new ForgottenPerson(owner);
    const key = keyRing.keyOf(owner);
    if (key) return loaded().seal(text, key, owner, crypto.getRandomValues(new Uint8Array(NONCE_LENGTH)));
    if (commitments.has(owner)) throw new MissingPersonKey(owner);
    return text;
  }) as { payload: Payload<T> };
  return sealed.payload;
}

/** The event as people read it: its texts opened; a forgotten person's (or unopenable) texts empty. */
export function openEvent<E extends VaardigEvent>(event: E): E {
  return mapPersonalTexts(event as VaardigEvent, (text, owner) => {
    if (forgotten.has(owner)) return '';
    if (!isSealed(text)) return text;
    return loaded().unseal(text, keyRing.keyOf(owner), owner) ?? '';
  }) as E;
}

/** For tests: forget the ring (a new database). */
export function resetKeyRingForTests(): void {
  keys.clear();
  unsaved.clear();
  commitments.clear();
  forgotten = new Set();
  loadedSizes = '';
}
