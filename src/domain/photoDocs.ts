import { storedPhotoProblem } from './photoFiles';
import { PHOTO } from './thresholds';

/**
 * A photo as a CouchDB document of its own, beside the events (which name photos by hash and
 * never carry the bytes): `photo-<sha256 hex>`, the JPEG in base64. Its revision comes from
 * its hash, so sending it twice changes nothing, and a photo deleted on the server (its
 * person forgotten) is never revived by a device sending it again. The server's rules
 * (src/server/designDoc.ts) check the same shape.
 */
export const PHOTO_DOC_PREFIX = 'photo-';
export const PHOTO_HASH = /^[0-9a-f]{64}$/;
/** Base64 of `PHOTO.maxBytes` bytes at most. */
export const PHOTO_DOC_DATA_MAX = Math.ceil(PHOTO.maxBytes / 3) * 4;

export interface PhotoContent {
  hash: string;
  bytes: Uint8Array;
  width: number;
  height: number;
  workerId: string | null;
}

export interface PhotoDoc {
  _id: string;
  _rev: string;
  kind: 'photo';
  hash: string;
  data: string;
  width: number;
  height: number;
  workerId: string | null;
}

export const photoDocId = (hash: string) => `${PHOTO_DOC_PREFIX}${hash}`;
export const photoRev = (hash: string) => `1-${hash.slice(0, 32)}`;
export const isPhotoDocId = (id: unknown) => typeof id === 'string' && id.startsWith(PHOTO_DOC_PREFIX);

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function fromBase64(data: string): Uint8Array | null {
  try {
    const text = atob(data);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

export function toPhotoDoc(photo: PhotoContent): PhotoDoc {
  const { hash, width, height, workerId } = photo;
  return { _id: photoDocId(hash), _rev: photoRev(hash), kind: 'photo', hash, data: toBase64(photo.bytes), width, height, workerId };
}

export type PhotoDocReading = { ok: true; photo: PhotoContent } | { ok: false; detail: string };

const size = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= PHOTO.longSide;

/**
 * Reads a received photo document (from `_changes`, with `id` for `_id`): its shape and its
 * bytes, a JPEG within the limits. Whether the bytes are the ones its hash names is checked by
 * the caller (SHA-256 is WebCrypto, asynchronous).
 */
export function readPhotoDoc(raw: unknown): PhotoDocReading {
  if (!raw || typeof raw !== 'object') return { ok: false, detail: 'not an object' };
  const d = raw as Record<string, unknown>;
  if (typeof d.hash !== 'string' || !PHOTO_HASH.test(d.hash) || (d.id ?? d._id) !== photoDocId(d.hash)) return { ok: false, detail: 'id and hash' };
  if (typeof d.data !== 'string' || d.data.length > PHOTO_DOC_DATA_MAX) return { ok: false, detail: 'data size' };
  if (!size(d.width) || !size(d.height)) return { ok: false, detail: 'width and height' };
  if (d.workerId !== null && (typeof d.workerId !== 'string' || d.workerId.length === 0 || d.workerId.length > 64)) return { ok: false, detail: 'workerId' };
  const bytes = fromBase64(d.data);
  if (!bytes) return { ok: false, detail: 'data is not base64' };
  const problem = storedPhotoProblem(bytes);
  if (problem) return { ok: false, detail: problem };
  return { ok: true, photo: { hash: d.hash, bytes, width: d.width as number, height: d.height as number, workerId: d.workerId as string | null } };
}
