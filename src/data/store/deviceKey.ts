import Dexie from 'dexie';
import type { VaardigEvent } from '../../domain/events';
import { contentHash, hexToBytes, ROOT_EVENT_ID, toBase64Url } from '../../domain/identity/eventIdentity';
import { db } from './database';
import { getMeta, setMeta } from './meta';

/**
 * This device's signing key: an ECDSA P-256 pair made by WebCrypto on first start. The private
 * half is not extractable — IndexedDB keeps the key object, no script can read its bytes — so
 * what this device signs can only have come from this browser profile. The public half, as
 * text, goes in every event the device writes.
 */
export const SIGNING = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface DeviceKey {
  publicKey: string;
  privateKey: CryptoKey;
}

let loaded: DeviceKey | undefined;

/** Loads the key, making it the first time (two tabs starting at once end up with the same one). */
export async function loadDeviceKey(): Promise<DeviceKey> {
  const stored = await getMeta('deviceKey');
  if (stored) return (loaded = stored);
  const pair = await crypto.subtle.generateKey({ name: SIGNING.name, namedCurve: SIGNING.namedCurve }, false, ['sign', 'verify']);
  const made: DeviceKey = { publicKey: toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))), privateKey: pair.privateKey };
  loaded = await db.transaction('rw', db.meta, async () => {
    const other = await getMeta('deviceKey');
    if (other) return other;
    await setMeta('deviceKey', made);
    return made;
  });
  return loaded;
}

export function currentPublicKey(): string {
  if (!loaded) throw new Error('loadDeviceKey() has not run');
  return loaded.publicKey;
}

/**
 * Signs events in place (their `sig`); safe inside a Dexie transaction. An event's id is the hash
 * of its content (it was just built here), so that is what is signed — only the first device's
 * enrolment, under its fixed id, has its hash computed again.
 */
export async function signEvents(events: readonly VaardigEvent[]): Promise<void> {
  if (!events.length) return;
  const key = loaded ?? (await Dexie.waitFor(loadDeviceKey()));
  const sign = (e: VaardigEvent) => crypto.subtle.sign({ name: SIGNING.name, hash: SIGNING.hash }, key.privateKey, hexToBytes(e.id === ROOT_EVENT_ID ? contentHash(e) : e.id));
  const signatures = Dexie.currentTransaction ? await Dexie.waitFor(Promise.all(events.map(sign))) : await Promise.all(events.map(sign));
  events.forEach((e, i) => (e.sig = toBase64Url(new Uint8Array(signatures[i]!))));
}

/** This device's ES256 signature (r‖s, 64 bytes) over some bytes: a credential it issues. */
export async function signBytes(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const key = loaded ?? (await loadDeviceKey());
  return new Uint8Array(await crypto.subtle.sign({ name: SIGNING.name, hash: SIGNING.hash }, key.privateKey, bytes));
}

/** For tests only. */
export function forgetDeviceKeyForTests(): void {
  loaded = undefined;
}
