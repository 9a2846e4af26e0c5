import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { VaardigEvent } from '../events';
import { stableJson } from '../stableJson';
import { ROOT_EVENT_ID } from './rootEvent';

// Kept apart so the first screen's code can use them without the hashing (see bytesText, rootEvent).
export { fromBase64Url, hexToBytes, toBase64Url } from './bytesText';
export { ROOT_EVENT_ID } from './rootEvent';

/**
 * What makes an event itself: its content, hashed. An event's id is the SHA-256 of its
 * canonical content (everything but the id and the signature), so a copy that differs in one
 * byte is another event, and the device signs the hash. Computed synchronously (the hash is a
 * pure function) so commands know an event's id the moment they build it.
 */
const encoder = new TextEncoder();

export type EventContent = Omit<VaardigEvent, 'id' | 'sig'>;

export function contentOf(event: VaardigEvent): EventContent {
  const { id: _id, sig: _sig, ...content } = event;
  return content;
}

/** Hex SHA-256 of the event's canonical content: what its id must be, and what is signed. */
export function contentHash(event: EventContent | VaardigEvent): string {
  return bytesToHex(sha256(canonicalBytes(event)));
}

/** What an event's hash is taken of: its content as stable JSON, in UTF-8. */
function canonicalBytes(event: EventContent | VaardigEvent): Uint8Array<ArrayBuffer> {
  return encoder.encode(stableJson('id' in event ? contentOf(event) : event));
}

/**
 * `contentHash` of many events at once, by WebCrypto: the same SHA-256 of the same bytes,
 * computed natively — a 200,000-cell factory's 16,000 events hash in 0.2 s instead of 1 s.
 */
export async function contentHashes(events: readonly (EventContent | VaardigEvent)[]): Promise<string[]> {
  const digests = await Promise.all(events.map((e) => crypto.subtle.digest('SHA-256', canonicalBytes(e))));
  return digests.map((d) => bytesToHex(new Uint8Array(d)));
}

/** Hex SHA-256 of any value's stable JSON: to tell apart things that claim the same name. */
export function fingerprint(value: unknown): string {
  return bytesToHex(sha256(encoder.encode(stableJson(value) ?? '')));
}

/** The id an event must have: its hash, or the root's fixed id. */
export function expectedId(event: VaardigEvent): string {
  return event.id === ROOT_EVENT_ID && event.type === 'device.enrolled' ? ROOT_EVENT_ID : contentHash(event);
}
