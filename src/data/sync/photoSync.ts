import { fingerprint } from '../../domain/identity/eventIdentity';
import { isPhotoDocId, photoDocId, readPhotoDoc, toPhotoDoc } from '../../domain/photoDocs';
import { db, forgottenPeople, getMeta, setMeta, sha256Hex, type PhotoRow, type RefusedRow } from '../store';
import type { SyncTransport } from './transport';

/**
 * Photos travel as documents of their own through the same loop as the events: pushed from
 * their outbox after the events, pulled from `_changes` with them. A received photo passes
 * its own gate — the shape, the size, a real JPEG, bytes that are what its hash names — and
 * what fails is kept apart in the refused list with why; it never stops what comes after.
 * A photo deleted on the server (its person forgotten) is not sent back: see `missingPhotos`.
 */
const PUSH_PHOTOS = 8;

export { isPhotoDocId };

/** Pushes the photo outbox a few at a time (each up to 300 KB). A photo the server refuses stays on this device only. */
export async function pushPhotos(client: SyncTransport, isStopped: () => boolean = () => false): Promise<number> {
  let pushed = 0;
  for (;;) {
    const batch = await db.photoOutbox.limit(PUSH_PHOTOS).primaryKeys();
    if (!batch.length || isStopped()) return pushed;
    const rows = (await db.photos.bulkGet(batch)).filter((r): r is PhotoRow => Boolean(r));
    const refused = await client.pushPhotos(rows.map(toPhotoDoc));
    await db.photoOutbox.bulkDelete(batch);
    pushed += rows.length - refused.length;
  }
}

function refusedPhoto(raw: unknown, code: RefusedRow['code'], detail: string): RefusedRow {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const id = typeof r.id === 'string' ? r.id.slice(0, 80) : 'photo';
  return {
    id: `refused:${id}:${fingerprint({ ...r, data: typeof r.data === 'string' ? r.data.length : null }).slice(0, 16)}`,
    at: '',
    device: '',
    actor: null,
    type: 'photo',
    code,
    detail,
    source: 'sync',
    receivedAt: Date.now(),
  };
}

/** Deletes forgotten people's photos on the server (see store/forgetting), then forgets having to. */
export async function erasePhotos(client: SyncTransport): Promise<void> {
  const hashes = (await getMeta('photosToErase')) ?? [];
  if (!hashes.length) return;
  await client.deletePhotos(hashes);
  await db.transaction('rw', db.meta, async () => {
    const now = (await getMeta('photosToErase')) ?? [];
    await setMeta(
      'photosToErase',
      now.filter((h) => !hashes.includes(h)),
    );
  });
}

/** Takes in received photo documents: the good ones stored, the bad ones refused with why; a forgotten person's are not kept. */
export async function admitPhotos(docs: readonly unknown[]): Promise<{ applied: number; refused: number }> {
  const good: PhotoRow[] = [];
  const bad: RefusedRow[] = [];
  const forgotten = await forgottenPeople();
  for (const doc of docs) {
    const read = readPhotoDoc(doc);
    if (read.ok && read.photo.workerId !== null && forgotten.has(read.photo.workerId)) continue;
    if (!read.ok) {
      bad.push(refusedPhoto(doc, 'malformed', read.detail));
      continue;
    }
    // Hashed before the transaction (WebCrypto would end it).
    if ((await sha256Hex(read.photo.bytes)) !== read.photo.hash) bad.push(refusedPhoto(doc, 'badId', 'bytes are not what the hash names'));
    else good.push({ ...read.photo, storedAt: Date.now() });
  }
  return db.transaction('rw', [db.photos, db.refused], async () => {
    const there = await db.photos.bulkGet(good.map((g) => g.hash));
    const fresh = good.filter((_, i) => !there[i]);
    await db.photos.bulkPut(fresh);
    await db.refused.bulkPut(bad);
    return { applied: fresh.length, refused: bad.length };
  });
}

/**
 * For "Controleren": this device's photos the server lacks and never deleted (a tombstone
 * means deleted on purpose: that photo is not sent back), and the server's photos this
 * device lacks, fetched and taken in.
 */
export async function repairPhotos(client: SyncTransport, serverIds: ReadonlySet<string>, isStopped: () => boolean): Promise<{ pushed: number; pulled: number }> {
  if (!(await getMeta('sync'))) return { pushed: 0, pulled: 0 };
  const mine = await db.photos.toCollection().primaryKeys();
  const lacking = mine.filter((hash) => !serverIds.has(photoDocId(hash)));
  const deleted = new Set((await client.lookup(lacking.map(photoDocId))).filter((l) => l.deletedRev).map((l) => l.id));
  await db.photoOutbox.bulkPut(lacking.filter((h) => !deleted.has(photoDocId(h))).map((hash) => ({ hash })));
  const pushed = await pushPhotos(client, isStopped);
  const have = new Set(mine.map(photoDocId));
  const wanted = [...serverIds].filter((id) => isPhotoDocId(id) && !have.has(id));
  let pulled = 0;
  for (let i = 0; i < wanted.length && !isStopped(); i += PUSH_PHOTOS) {
    const docs = (await client.lookup(wanted.slice(i, i + PUSH_PHOTOS), true)).flatMap((l) => (l.doc ? [l.doc] : []));
    pulled += (await admitPhotos(docs)).applied;
  }
  return { pushed, pulled };
}

/** Every photo into the outbox (connecting, or a server that lost its data). */
export async function queueAllPhotos(): Promise<void> {
  await db.photoOutbox.bulkPut((await db.photos.toCollection().primaryKeys()).map((hash) => ({ hash })));
}
