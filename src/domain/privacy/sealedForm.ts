import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * What a sealed text looks like and how big it may be, and a key's commitment — everything
 * about sealing but the cipher itself (sealing.ts), which is loaded only when a text is sealed
 * or opened: the first paint needs none of it.
 */
export const SEALED_PREFIX = '~1.';
export const NONCE_LENGTH = 24;
export const TAG_LENGTH = 16;
export const PERSON_KEY_BYTES = 32;

/** A sealed text as it stands in an event: the prefix, then nonce and ciphertext in base64url. */
export const SEALED_PATTERN = /^~1\.[A-Za-z0-9_-]+$/;

export const isSealed = (value: string): boolean => value.startsWith(SEALED_PREFIX);

/** The longest sealed form of a text of at most `chars` characters (4 UTF-8 bytes each at most). */
export function sealedLength(chars: number): number {
  return SEALED_PREFIX.length + Math.ceil(((chars * 4 + NONCE_LENGTH + TAG_LENGTH) * 4) / 3);
}

/** A sealed text is well-formed and no longer than the sealed form of `chars` characters. */
export function sealedFits(value: string, chars: number): boolean {
  return SEALED_PATTERN.test(value) && value.length <= sealedLength(chars);
}

/** The hex SHA-256 of a person's key: the signed log commits to it when the person is created. */
export function keyCommitment(key: Uint8Array): string {
  return bytesToHex(sha256(key));
}
