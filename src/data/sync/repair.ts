import { PRIVATE_EVENT_TYPES, type VaardigEvent } from '../../domain/events';
import { admitReceived, releaseHeld } from '../gate';
import { db } from '../store';
import { PUSH_BATCH, sendEvents } from './sendEvents';
import { isPhotoDocId, repairPhotos } from './photoSync';
import { isKeyDoc, KEY_DOC_PREFIX, keyDocId } from '../../domain/privacy/keyDocument';
import { admitKeyDocs, pushKeys } from './keySync';
import type { SyncTransport } from './transport';

/**
 * Comparing this device with the server, id by id, and repairing both ways: what the server
 * lacks is sent again (a deleted document comes back as a later revision), what this device
 * lacks is fetched and goes through the gate like any pulled event.
 */
const ID_PAGE = 1000;
const FETCH_BATCH = 200;
const PRIVATE = [...PRIVATE_EVENT_TYPES];

export interface RepairCounts {
  /** Events the server lacked, sent again. */
  pushed: number;
  /** Events this device lacked, fetched and taken in. */
  pulled: number;
}

/** The ids of this device's events that belong on the server (everything but private ones). */
export function sharedIds(): Promise<string[]> {
  return db.events.where('type').noneOf(PRIVATE).primaryKeys();
}

/** How many documents the server should hold at least: this device's shared events that have left the outbox, and the keys it took. */
export async function expectedOnServer(): Promise<number> {
  const [all, own, waiting, keys] = await Promise.all([db.events.count(), db.events.where('type').anyOf(PRIVATE).count(), db.outbox.count(), db.personKeys.where('pushed').equals(1).count()]);
  return all - own - waiting + keys;
}

async function serverIds(client: SyncTransport): Promise<Set<string>> {
  const ids = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const page = await client.ids(after, ID_PAGE);
    for (const id of page) if (!id.startsWith('_design/')) ids.add(id);
    if (page.length < ID_PAGE) return ids;
    after = page[page.length - 1]!;
  }
}

/** Whether the server holds (or once held) any of this device's oldest shared events. */
export async function sharesHistory(client: SyncTransport): Promise<boolean> {
  const oldest = await db.events
    .orderBy('at')
    .filter((e) => !PRIVATE_EVENT_TYPES.has(e.type))
    .limit(50)
    .primaryKeys();
  if (!oldest.length) return true;
  return (await client.lookup(oldest)).length > 0;
}

/** Sends these events (which the server lacks) and takes them out of the outbox. */
async function resend(client: SyncTransport, ids: string[], isStopped: () => boolean): Promise<number> {
  let sent = 0;
  for (let i = 0; i < ids.length && !isStopped(); i += PUSH_BATCH) {
    const batch = ids.slice(i, i + PUSH_BATCH);
    const tombstones = new Map((await client.lookup(batch)).flatMap((l) => (l.deletedRev ? [[l.id, l.deletedRev] as const] : [])));
    const events = (await db.events.bulkGet(batch)).filter((e): e is VaardigEvent => Boolean(e));
    await db.outbox.bulkDelete(batch.filter((id) => !events.some((e) => e.id === id)));
    sent += await sendEvents(client, events, tombstones);
  }
  return sent;
}

export async function compareAndRepair(client: SyncTransport, isStopped: () => boolean = () => false): Promise<RepairCounts> {
  const all = await serverIds(client);
  // Photos are repaired apart: a deleted photo is never sent back (only events are revived).
  await repairPhotos(client, all, isStopped);
  const there = new Set([...all].filter((id) => !isPhotoDocId(id)));
  const mine = await sharedIds();
  const pushed = await resend(
    client,
    mine.filter((id) => !there.has(id)),
    isStopped,
  );
  // Keys the server lacks are offered again (one deleted there, a forgotten person's, stays deleted).
  const keyIds = (await db.personKeys.toCollection().primaryKeys()).map(keyDocId);
  const keysLacking = keyIds.filter((id) => !there.has(id)).map((id) => id.slice(KEY_DOC_PREFIX.length));
  if (keysLacking.length) {
    await db.personKeys.bulkUpdate(keysLacking.map((key) => ({ key, changes: { pushed: 0 as const } })));
    await pushKeys(client);
  }
  // What was received and judged before (refused, or waiting for its time) is not missing.
  const known = new Set([
    ...mine,
    ...(await db.events.where('type').anyOf(PRIVATE).primaryKeys()),
    ...(await db.refused.toCollection().primaryKeys()),
    ...(await db.held.toCollection().primaryKeys()),
    ...keyIds,
  ]);
  const lacking = [...there].filter((id) => !known.has(id));
  let pulled = 0;
  for (let i = 0; i < lacking.length && !isStopped(); i += FETCH_BATCH) {
    const docs = (await client.lookup(lacking.slice(i, i + FETCH_BATCH), true)).flatMap((l) => (l.doc ? [l.doc] : []));
    await releaseHeld();
    pulled += await admitKeyDocs(docs.filter(isKeyDoc));
    pulled += (
      await admitReceived(
        docs.filter((d) => !isKeyDoc(d)),
        'sync',
      )
    ).applied;
  }
  return { pushed, pulled };
}
