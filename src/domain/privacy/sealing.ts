import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { fromBase64Url, toBase64Url } from '../identity/eventIdentity';

/**
 * Crypto-shredding: a person's names and free texts go into the signed, replicated log sealed
 * with a key of their own. The log never changes; forgetting the person erases only the key
 * (a record that can be deleted everywhere), and what is sealed with it can never be read
 * again. XChaCha20-Poly1305 (random 24-byte nonces are safe) from @noble/ciphers: synchronous,
 * so the fold can open texts as it goes. The person's id is the associated data: a sealed
 * text copied into another person's event does not open.
 */
const PREFIX = '~1.';
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
export const PERSON_KEY_BYTES = 32;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** A sealed text as it stands in an event: the prefix, then nonce and ciphertext in base64url. */
export const SEALED_PATTERN = /^~1\.[A-Za-z0-9_-]+$/;

export const isSealed = (value: string): boolean => value.startsWith(PREFIX);

/** The longest sealed form of a text of at most `chars` characters (4 UTF-8 bytes each at most). */
export function sealedLength(chars: number): number {
  return PREFIX.length + Math.ceil(((chars * 4 + NONCE_BYTES + TAG_BYTES) * 4) / 3);
}

/** A sealed text is well-formed and no longer than the sealed form of `chars` characters. */
export function sealedFits(value: string, chars: number): boolean {
  return SEALED_PATTERN.test(value) && value.length <= sealedLength(chars);
}

/** The hex SHA-256 of a person's key: the signed log commits to it when the person is created. */
export function keyCommitment(key: Uint8Array): string {
  return bytesToHex(sha256(key));
}

/** Seals a text for one person. `nonce`: 24 random bytes (passed in: the domain has no randomness). */
export function seal(text: string, key: Uint8Array, ownerId: string, nonce: Uint8Array): string {
  const box = xchacha20poly1305(key, nonce, encoder.encode(ownerId)).encrypt(encoder.encode(text));
  const out = new Uint8Array(NONCE_BYTES + box.length);
  out.set(nonce);
  out.set(box, NONCE_BYTES);
  return PREFIX + toBase64Url(out);
}

/** The text, or null when it cannot be opened (no key, the wrong key, another person's text, damaged). */
export function unseal(value: string, key: Uint8Array | undefined, ownerId: string): string | null {
  if (!key || !SEALED_PATTERN.test(value)) return null;
  try {
    const bytes = fromBase64Url(value.slice(PREFIX.length));
    if (bytes.length < NONCE_BYTES + TAG_BYTES) return null;
    const plain = xchacha20poly1305(key, bytes.subarray(0, NONCE_BYTES), encoder.encode(ownerId)).decrypt(bytes.subarray(NONCE_BYTES));
    return decoder.decode(plain);
  } catch {
    return null;
  }
}

export const NONCE_LENGTH = NONCE_BYTES;
