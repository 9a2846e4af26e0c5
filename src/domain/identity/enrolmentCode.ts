import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64Url } from './bytesText';

/**
 * The short code a new device shows and its team lead types to let it in: 40 bits of the
 * hash of the device's public key, in Crockford's base32 (no I, L, O, U: nothing to misread).
 * The full key travels with the device's request through the server; the code proves the lead
 * is looking at that device. Finding another key with the same code takes about 2^40 tries.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ENROLMENT_CODE_LENGTH = 8;

export function enrolmentCode(publicKey: string): string {
  const hash = sha256(fromBase64Url(publicKey));
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of hash) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && code.length < ENROLMENT_CODE_LENGTH) {
      code += ALPHABET[(value >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (code.length === ENROLMENT_CODE_LENGTH) break;
    value &= (1 << bits) - 1;
  }
  return code;
}

/** The code as shown: two groups of four. */
export function showCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a person typed, as a code: case, spaces and dashes ignored, look-alikes read as meant. */
export function readCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1').replace(/U/g, 'V');
}
