import type { VaardigEvent } from '../../domain/events';
import { db, getMeta, setMeta } from '../store';
import { SyncError, type SyncTransport } from './transport';

/**
 * Events per `_bulk_docs` request. Larger batches did not push faster against the test server
 * (express-pouchdb over memdown: 17,000 events took 7.7 s in batches of 500, 10 s of 1,000 and
 * 11 s of 2,000), and the next batch is read while one is on its way (pushOutbox).
 */
export const PUSH_BATCH = 500;

/** The most refused ids remembered; more than this is a misconfigured server, and the count says so. */
const NOT_ON_SERVER_MAX = 10_000;

/**
 * Sends one batch and takes it out of the outbox. Events the server's rules refuse one by one
 * (an event of another device, after a restore) never block the rest: they leave the outbox,
 * stay on this device and are remembered as not on the server (Controleren offers them again).
 * Returns how many the server took.
 */
export async function sendEvents(client: SyncTransport, events: VaardigEvent[], after?: ReadonlyMap<string, string>): Promise<number> {
  let refused: readonly string[] = [];
  try {
    await client.push(events, after);
  } catch (error) {
    if (!(error instanceof SyncError) || error.kind !== 'rejected' || !error.refusedIds.length) throw error;
    refused = error.refusedIds;
  }
  const sent = events.map((e) => e.id);
  await db.transaction('rw', [db.outbox, db.meta], async () => {
    await db.outbox.bulkDelete(sent);
    const before = (await getMeta('notOnServer')) ?? [];
    const taken = new Set(sent.filter((id) => !refused.includes(id)));
    const now = [...new Set([...before.filter((id) => !taken.has(id)), ...refused])].slice(-NOT_ON_SERVER_MAX);
    if (now.length !== before.length || refused.length) await setMeta('notOnServer', now);
  });
  return events.length - refused.length;
}
