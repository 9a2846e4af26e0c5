import { base58 } from '@scure/base';
import { fromBase64Url } from '../identity/bytesText';

/**
 * `did:key` for a P-256 public key (W3C CCG did:key, multicodec `p256-pub` 0x1200, the point
 * compressed, multibase base58btc): an issuer id that resolves offline to the key itself — no
 * website, nothing to look up, and it stays the same when the company renames itself.
 */
const P256_PUB = [0x80, 0x24]; // varint of 0x1200

/** The did of a device's public key (raw uncompressed point, base64url, as in events). */
export function didKeyOf(publicKey: string): string {
  const raw = fromBase64Url(publicKey);
  if (raw.length !== 65 || raw[0] !== 4) throw new Error('not an uncompressed P-256 point');
  const compressed = new Uint8Array(33);
  compressed[0] = (raw[64]! & 1) === 0 ? 2 : 3;
  compressed.set(raw.subarray(1, 33), 1);
  return `did:key:z${base58.encode(Uint8Array.from([...P256_PUB, ...compressed]))}`;
}

/** The verification method of a did:key: the did, `#`, its own key part. */
export function verificationMethodOf(did: string): string {
  return `${did}#${did.slice('did:key:'.length)}`;
}

/**
 * The P-256 public key a did:key (or its verification method) names, as an uncompressed point
 * (what WebCrypto's "raw" import takes everywhere), or null when it is not one.
 */
export function p256KeyOfDid(didOrMethod: string): Uint8Array<ArrayBuffer> | null {
  const did = didOrMethod.split('#')[0]!;
  if (!did.startsWith('did:key:z')) return null;
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(did.slice('did:key:z'.length));
  } catch {
    return null;
  }
  if (bytes.length !== 35 || bytes[0] !== P256_PUB[0] || bytes[1] !== P256_PUB[1] || (bytes[2] !== 2 && bytes[2] !== 3)) return null;
  return decompress(bytes.subarray(2));
}

// The curve P-256 (FIPS 186-4 D.1.2.3): y² = x³ − 3x + b over the prime p.
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = base % P;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}

/** y from x and the sign byte; p ≡ 3 (mod 4), so the root is a power. Null if x is not on the curve. */
function decompress(compressed: Uint8Array): Uint8Array<ArrayBuffer> | null {
  const x = BigInt(`0x${Array.from(compressed.subarray(1), (b) => b.toString(16).padStart(2, '0')).join('')}`);
  if (x >= P) return null;
  const rhs = (((power(x, 3n) - 3n * x + B) % P) + P) % P;
  let y = power(rhs, (P + 1n) / 4n);
  if ((y * y) % P !== rhs) return null;
  if (Number(y & 1n) !== (compressed[0]! & 1)) y = P - y;
  const out = new Uint8Array(65);
  out[0] = 4;
  out.set(compressed.subarray(1), 1);
  const yHex = y.toString(16).padStart(64, '0');
  for (let i = 0; i < 32; i++) out[33 + i] = parseInt(yHex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
