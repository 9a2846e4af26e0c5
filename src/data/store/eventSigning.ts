import Dexie from 'dexie';
import type { VaardigEvent } from '../../domain/events';
import { contentHash, hexToBytes, ROOT_EVENT_ID, toBase64Url } from '../../domain/identity/eventIdentity';
import { loadDeviceKey, loadedDeviceKey, SIGNING } from './deviceKey';

// Apart from deviceKey.ts: the first paint loads the key (the clock needs it), not the hashing
// that signing events needs.
/**
 * Signs events in place (their `sig`); safe inside a Dexie transaction. An event's id is the hash
 * of its content (it was just built here), so that is what is signed — only the first device's
 * enrolment, under its fixed id, has its hash computed again.
 */
export async function signEvents(events: readonly VaardigEvent[]): Promise<void> {
  if (!events.length) return;
  const key = loadedDeviceKey() ?? (await Dexie.waitFor(loadDeviceKey()));
  const sign = (e: VaardigEvent) => crypto.subtle.sign({ name: SIGNING.name, hash: SIGNING.hash }, key.privateKey, hexToBytes(e.id === ROOT_EVENT_ID ? contentHash(e) : e.id));
  const signatures = Dexie.currentTransaction ? await Dexie.waitFor(Promise.all(events.map(sign))) : await Promise.all(events.map(sign));
  events.forEach((e, i) => (e.sig = toBase64Url(new Uint8Array(signatures[i]!))));
}
