import { PRIVATE_EVENT_TYPES, type VaardigEvent } from '../../domain/events';
import { admitReceived, releaseHeld, type Admission } from '../gate';
import { useSyncStatus } from './syncStatus';
import { db, deleteMeta, dropDemo, getMeta, setMeta, type SyncConfig } from '../store';
import { CouchTransport, type CouchTarget } from './couchTransport';
import { SyncError, type SyncTransport } from './transport';

/**
 * Several devices, one matrix: every device pushes its new events to the company's CouchDB
 * (`_bulk_docs`) and pulls everyone's from `_changes`, from a stored checkpoint, with a
 * long poll while online. Events are immutable and uniquely identified, and the fold does not
 * care about order or duplicates, so there is nothing to merge by hand.
 * Private events (wishes) never leave the device. The password is kept for this browser
 * session only (sessionStorage), never in IndexedDB.
 */
const SESSION_KEY = 'vaardig-sync-password';
const PUSH_BATCH = 500;
const MAX_BACKOFF_MS = 60_000;

let running: { stop: () => void } | null = null;
let pushing: Promise<void> | null = null;

const status = () => useSyncStatus.getState();

export async function syncConfig(): Promise<SyncConfig | undefined> {
  return getMeta('sync');
}

function sessionPassword(): string {
  try {
    return sessionStorage.getItem(SESSION_KEY) ?? '';
  } catch {
    return '';
  }
}

async function target(): Promise<CouchTarget | null> {
  const config = await syncConfig();
  if (!config) return null;
  return { ...config, password: sessionPassword() };
}

/** Pushes the outbox in batches; an event leaves the outbox only once the server has it. */
export async function pushOutbox(client: SyncTransport, isStopped: () => boolean = () => false): Promise<number> {
  let pushed = 0;
  for (;;) {
    const batch = await db.outbox.orderBy('at').limit(PUSH_BATCH).toArray();
    // A loop stopped meanwhile (disconnected, or connected elsewhere) sends nothing more.
    if (!batch.length || isStopped()) return pushed;
    const events = (await db.events.bulkGet(batch.map((b) => b.id))).filter((e): e is VaardigEvent => Boolean(e));
    await client.push(events);
    await db.outbox.bulkDelete(batch.map((b) => b.id));
    pushed += events.length;
  }
}

/**
 * Pulled events pass the gate (src/data/gate): what fails is kept apart with its reason and
 * counted, what is stamped too far ahead waits; neither ever stops the checkpoint moving on.
 */
export async function applyRemote(docs: unknown[]): Promise<Admission> {
  await releaseHeld();
  return admitReceived(docs, 'sync');
}

/** Pulls everything since the checkpoint (or waits for news with a long poll). */
export async function pull(client: SyncTransport, options: { longpoll?: boolean; signal?: AbortSignal } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const since = (await getMeta('syncSince')) ?? '0';
    const { docs, lastSeq } = await client.changes(since, options);
    const { applied } = await applyRemote(docs);
    await setMeta('syncSince', lastSeq);
    total += applied;
    if (options.longpoll || docs.length === 0 || lastSeq === since) return total;
  }
}

export async function syncOnce(): Promise<void> {
  const t = await target();
  if (!t) return;
  const client = new CouchTransport(t);
  await pushOutbox(client);
  await pull(client);
  status().set({ phase: 'online', problem: null, lastSync: Date.now() });
}

/**
 * Connects this device: checks the server first (nothing changes if that fails), then
 * — if the device only holds the demo — drops the demo, queues this device's own events for
 * the company database, and starts syncing.
 */
export async function connect(input: CouchTarget): Promise<{ ok: true } | { ok: false; problem: SyncError['kind'] | 'badUrl' }> {
  let url: URL;
  try {
    url = new URL(input.url);
    if (!/^https?:$/.test(url.protocol)) throw new Error();
  } catch {
    return { ok: false, problem: 'badUrl' };
  }
  const clean = { ...input, url: url.href.replace(/\/+$/, ''), db: input.db.trim() };
  try {
    await new CouchTransport(clean).check();
  } catch (error) {
    return { ok: false, problem: error instanceof SyncError ? error.kind : 'unreachable' };
  }
  stopSync();
  await db.transaction('rw', db.allTables, async () => {
    // The demo stays behind; what the company added on this device goes to the company.
    if ((await getMeta('started')) === 'demo') await dropDemo();
    await db.outbox.clear();
    const mine = await db.events.toArray();
    await db.outbox.bulkPut(mine.filter((e) => !PRIVATE_EVENT_TYPES.has(e.type)).map((e) => ({ id: e.id, at: e.at })));
    await setMeta('sync', { url: clean.url, db: clean.db, user: clean.user } satisfies SyncConfig);
    await deleteMeta('syncSince');
  });
  try {
    sessionStorage.setItem(SESSION_KEY, clean.password);
  } catch {
    // No session storage (private mode): the password lives in memory until the tab closes.
  }
  memoryPassword = clean.password;
  await startSync();
  return { ok: true };
}

let memoryPassword = '';

export async function disconnect(): Promise<void> {
  stopSync();
  await db.transaction('rw', [db.meta, db.outbox], async () => {
    await deleteMeta('sync');
    await deleteMeta('syncSince');
    await db.outbox.clear();
  });
  try {
    sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // nothing to forget
  }
  memoryPassword = '';
  status().set({ phase: 'off', problem: null });
}

export function stopSync(): void {
  running?.stop();
  running = null;
}

/**
 * The loop: push, pull, then long-poll for news; on a failure wait and try again, longer
 * each time (up to a minute). Runs in one tab at a time (Web Locks), resumes after a restart.
 */
export async function startSync(): Promise<void> {
  if (running) return;
  const config = await syncConfig();
  if (!config) return status().set({ phase: 'off' });
  const password = sessionPassword() || memoryPassword;
  if (config.user && !password) return status().set({ phase: 'needsPassword', problem: null });
  let stopped = false;
  const controller = new AbortController();
  running = {
    stop: () => {
      stopped = true;
      controller.abort();
    },
  };
  const client = new CouchTransport({ ...config, password });
  const loop = async () => {
    let backoff = 1000;
    status().set({ phase: 'connecting', problem: null });
    while (!stopped) {
      try {
        await pushNow(client, () => stopped);
        await pull(client);
        status().set({ phase: 'online', problem: null, lastSync: Date.now() });
        backoff = 1000;
        await pull(client, { longpoll: true, signal: controller.signal });
        status().set({ lastSync: Date.now() });
      } catch (error) {
        if (stopped) break;
        const kind = error instanceof SyncError ? error.kind : 'unreachable';
        status().set({ phase: kind === 'unreachable' ? 'offline' : 'error', problem: kind });
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
    }
  };
  const lock = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
  if (lock) void lock.request('vaardig-sync', () => loop());
  else void loop();
  watchOutbox(client, () => stopped);
}

async function pushNow(client: SyncTransport, isStopped: () => boolean): Promise<void> {
  if (!pushing)
    pushing = pushOutbox(client, isStopped)
      .then(() => undefined)
      .finally(() => (pushing = null));
  return pushing;
}

/** Pushes soon after a local change, without waiting for the long poll to return. */
function watchOutbox(client: SyncTransport, isStopped: () => boolean): void {
  const tick = async () => {
    if (isStopped()) return;
    try {
      if ((await db.outbox.count()) > 0 && globalThis.navigator?.onLine !== false && !isStopped()) {
        await pushNow(client, isStopped);
        status().set({ phase: 'online', problem: null, lastSync: Date.now() });
      }
    } catch (error) {
      const kind = error instanceof SyncError ? error.kind : 'unreachable';
      status().set({ phase: kind === 'unreachable' ? 'offline' : 'error', problem: kind });
    }
    setTimeout(tick, 1000);
  };
  void tick();
}
