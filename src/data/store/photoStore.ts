import { db, type PhotoRow } from './database';
import { getMeta } from './meta';

/**
 * The photo store: photos by the SHA-256 of their bytes, apart from the event log. Writes are
 * made inside a command's transaction (with the event that names the photo), so a photo and
 * its event are stored together or not at all.
 */

/** SHA-256 of the bytes, as 64 hex digits (WebCrypto: call it before a transaction, never inside). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Stores photos not stored yet (the same bytes are one photo, whoever brought them) and, while
 * this device syncs, queues them for the server. Call inside a transaction over `db.allTables`.
 */
export async function putPhotos(rows: readonly PhotoRow[]): Promise<PhotoRow[]> {
  if (!rows.length) return [];
  const there = await db.photos.bulkGet(rows.map((r) => r.hash));
  const fresh = [...new Map(rows.filter((_, i) => !there[i]).map((r) => [r.hash, r])).values()];
  await db.photos.bulkAdd(fresh);
  if (fresh.length && (await getMeta('sync'))) await db.photoOutbox.bulkPut(fresh.map((r) => ({ hash: r.hash })));
  return fresh;
}

/**
 * Deletes every photo that is evidence about this person, on this device (for "forget me":
 * the server's copies are deleted by their documents, see data/sync/photoSync). Returns how
 * many went. Runs in its own transaction unless called inside one.
 */
export async function deletePhotosOf(workerId: string): Promise<number> {
  return db.transaction('rw', [db.photos, db.photoOutbox], async () => {
    const hashes = await db.photos.where('workerId').equals(workerId).primaryKeys();
    await db.photos.bulkDelete(hashes);
    await db.photoOutbox.bulkDelete(hashes);
    return hashes.length;
  });
}
