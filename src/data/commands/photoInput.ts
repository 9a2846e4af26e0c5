import { storedPhotoProblem } from '../../domain/photoFiles';
import { sha256Hex, type PhotoRow } from '../store';
import type { FieldError } from './commandResult';

/** A photo as the screen made it (resized on this device, see ui/photoResize): not trusted yet. */
export interface NewPhoto {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/**
 * Checks photos a command is about to store (a JPEG within the limits, whatever the screen
 * says it is) and names each by its hash. Hashing is WebCrypto: done before the transaction.
 */
export async function preparePhotos(photos: readonly NewPhoto[], workerId: string | null, field: string): Promise<{ rows: PhotoRow[]; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const rows: PhotoRow[] = [];
  for (const p of photos) {
    const problem = storedPhotoProblem(p.bytes);
    if (problem) errors.push({ field, key: problem });
    else rows.push({ hash: await sha256Hex(p.bytes), bytes: p.bytes, width: p.width, height: p.height, workerId, storedAt: Date.now() });
  }
  return { rows, errors };
}
