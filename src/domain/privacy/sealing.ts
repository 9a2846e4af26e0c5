import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { fromBase64Url, toBase64Url } from '../identity/bytesText';
import { NONCE_LENGTH, SEALED_PATTERN, SEALED_PREFIX, TAG_LENGTH } from './sealedForm';

/**
 * Crypto-shredding: a person's names and free texts go into the signed, replicated log sealed
 * with a key of their own. The log never changes; forgetting the person erases only the key
 * (a record that can be deleted everywhere), and what is sealed with it can never be read
 * again. XChaCha20-Poly1305 (random 24-byte nonces are safe) from @noble/ciphers: synchronous,
 * so the fold can open texts as it goes. The person's id is the associated data: a sealed
 * text copied into another person's event does not open. Its form and sizes: sealedForm.ts.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Seals a text for one person. `nonce`: 24 random bytes (passed in: the domain has no randomness). */
export function seal(text: string, key: Uint8Array, ownerId: string, nonce: Uint8Array): string {
  const box = xchacha20poly1305(key, nonce, encoder.encode(ownerId)).encrypt(encoder.encode(text));
  const out = new Uint8Array(NONCE_LENGTH + box.length);
  out.set(nonce);
  out.set(box, NONCE_LENGTH);
  return SEALED_PREFIX + toBase64Url(out);
}

/** The text, or null when it cannot be opened (no key, the wrong key, another person's text, damaged). */
export function unseal(value: string, key: Uint8Array | undefined, ownerId: string): string | null {
  if (!key || !SEALED_PATTERN.test(value)) return null;
  try {
    const bytes = fromBase64Url(value.slice(SEALED_PREFIX.length));
    if (bytes.length < NONCE_LENGTH + TAG_LENGTH) return null;
    const plain = xchacha20poly1305(key, bytes.subarray(0, NONCE_LENGTH), encoder.encode(ownerId)).decrypt(bytes.subarray(NONCE_LENGTH));
    return decoder.decode(plain);
  } catch {
    return null;
  }
}
