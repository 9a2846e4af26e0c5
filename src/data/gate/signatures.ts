import type { VaardigEvent } from '../../domain/events';
import { contentHash, fromBase64Url, hexToBytes } from '../../domain/identity/eventIdentity';
import { SIGNING } from '../store';

/**
 * The second look at what was received, after `screen`: does the signature fit the content
 * and the key the event names? (Whether that key belongs to a device the company let in is
 * for the rules, which know the log.) WebCrypto verifies natively; keys are imported once.
 */
const imported = new Map<string, Promise<CryptoKey | null>>();
const KEY_CACHE = 256;

function publicKey(text: string): Promise<CryptoKey | null> {
  let key = imported.get(text);
  if (!key) {
    if (imported.size >= KEY_CACHE) imported.delete(imported.keys().next().value!);
    key = crypto.subtle.importKey('raw', fromBase64Url(text), { name: SIGNING.name, namedCurve: SIGNING.namedCurve }, false, ['verify']).catch(() => null);
    imported.set(text, key);
  }
  return key;
}

/**
 * Whether the event's signature is its key's, over its content. Never throws. `hash`: the
 * content's hash when the caller has it already (a screened event's id is that hash).
 */
export async function signatureHolds(event: VaardigEvent, hash?: string): Promise<boolean> {
  if (!event.key || !event.sig) return false;
  try {
    const key = await publicKey(event.key);
    if (!key) return false;
    return await crypto.subtle.verify({ name: SIGNING.name, hash: SIGNING.hash }, key, fromBase64Url(event.sig), hexToBytes(hash ?? contentHash(event)));
  } catch {
    return false;
  }
}
