import { toBase64Url } from '../../domain/identity/bytesText';
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

/** The key if it is loaded already (eventSigning.ts signs with it). */
export function loadedDeviceKey(): DeviceKey | undefined {
  return loaded;
}

export function currentPublicKey(): string {
  if (!loaded) throw new Error('loadDeviceKey() has not run');
  return loaded.publicKey;
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
