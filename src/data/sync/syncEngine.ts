import { PRIVATE_EVENT_TYPES, type VaardigEvent } from '../../domain/events';
import { qualificationId } from '../../domain/qualification';
import { admitReceived, releaseHeld, type Admission } from '../gate';
import { PROGRESS_FROM, useSyncStatus, type RepairReason } from './syncStatus';
import { ROOT_EVENT_ID } from '../../domain/identity/rootEvent';
import { loadSealing, db, deleteMeta, dropDemo, refoldAll, getMeta, newId, setMeta, type SyncConfig } from '../store';
import { CouchTransport, type CouchTarget } from './couchTransport';
import { compareAndRepair, expectedOnServer, sharesHistory, type RepairCounts } from './repair';
import { connectionKey, listenToTabs, tellTabs, type TabMessage } from './tabs';
import { PUSH_BATCH, sendEvents } from './sendEvents';
import { admitPhotos, erasePhotos, isPhotoDocId, pushPhotos, queueAllPhotos } from './photoSync';
import { isKeyDoc } from '../../domain/privacy/keyDocument';
import { admitKeyDocs, eraseKeys, pushKeys, resendAllKeys } from './keySync';
import { SyncError, type SyncTransport } from './transport';

/**
 * Several devices, one matrix: every device pushes its new events to the company's CouchDB
 * (`_bulk_docs`) and pulls everyone's from `_changes`, from a stored checkpoint, with a
 * long poll while online. Events are immutable and uniquely identified, and the fold does not
 * care about order or duplicates, so there is nothing to merge by hand.
 * Private events (wishes) never leave the device. The password is kept for this browser
 * session only (sessionStorage, and the other tabs ask for it), never in IndexedDB.
 *
 * Self-healing: before each round the loop looks at the server. A database without this
 * device's mark (`_local/vaardig-instance`) was wiped or replaced, a sequence below the
 * checkpoint was rolled back, fewer documents than this device has sent means some went
 * missing; then the device sends its whole log again and pulls from the start (or, for missing
 * documents, compares ids and repairs both ways).
 */
const SESSION_KEY = 'vaardig-sync-password';
const MAX_BACKOFF_MS = 60_000;
const LOCK = 'vaardig-sync';

let running: { stop: () => void; key: string } | null = null;
let pushing: Promise<void> | null = null;
let repairing = 0;
let memoryPassword = '';

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

function keepPassword(password: string): void {
  try {
    sessionStorage.setItem(SESSION_KEY, password);
  } catch {
    // No session storage (private mode): the password lives in memory until the tab closes.
  }
  memoryPassword = password;
}

function forgetPassword(): void {
  try {
    sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // nothing to forget
  }
  memoryPassword = '';
}

const password = () => sessionPassword() || memoryPassword;

async function target(): Promise<CouchTarget | null> {
  const config = await syncConfig();
  if (!config) return null;
  return { ...config, password: password() };
}

/** The next batch of the outbox, in stamp order, after `after` (a stamp); with the events it names. */
async function outboxBatch(after: string | null): Promise<{ rows: { id: string; at: string }[]; events: VaardigEvent[] }> {
  const rows = await (after === null ? db.outbox.orderBy('at') : db.outbox.where('at').above(after)).limit(PUSH_BATCH).toArray();
  const events = (await db.events.bulkGet(rows.map((r) => r.id))).filter((e): e is VaardigEvent => Boolean(e));
  return { rows, events };
}

/**
 * Pushes the outbox in batches; an event leaves the outbox only once the server has it. While
 * one batch is on its way the next is read, so the device and the server work side by side;
 * at the end the outbox is read again from the start, for anything added or passed over meanwhile.
 */
export async function pushOutbox(client: SyncTransport, isStopped: () => boolean = () => false): Promise<number> {
  // Forgotten people's keys go first; new people's keys before the events sealed with them.
  await eraseKeys(client);
  await erasePhotos(client);
  await pushKeys(client);
  let pushed = 0;
  let sent = 0;
  const total = await db.outbox.count();
  const progress = (finished: boolean) => total >= PROGRESS_FROM && status().set({ progress: { direction: 'push', done: Math.min(sent, total), total, finished } });
  progress(false);
  let batch = await outboxBatch(null);
  for (;;) {
    // A loop stopped meanwhile (disconnected, or connected elsewhere) sends nothing more.
    if (isStopped()) return pushed;
    if (!batch.rows.length) {
      batch = await outboxBatch(null);
      if (isStopped()) return pushed;
      // The events first; then the photos they name (a receiver shows "on its way" meanwhile).
      if (!batch.rows.length) {
        progress(true);
        await pushPhotos(client, isStopped);
        return pushed;
      }
    }
    const { rows, events } = batch;
    const found = new Set(events.map((e) => e.id));
    const missing = rows.map((r) => r.id).filter((id) => !found.has(id));
    const sending = sendEvents(client, events);
    const next = outboxBatch(rows.at(-1)!.at);
    next.catch(() => undefined); // a failure surfaces when it is awaited, or not at all if the send fails first
    pushed += await sending;
    await db.outbox.bulkDelete(missing);
    sent += rows.length;
    progress(false);
    batch = await next;
  }
}

/**
 * Pulled events pass the gate (src/data/gate): what fails is kept apart with its reason and
 * counted, what is stamped too far ahead waits; neither ever stops the checkpoint moving on.
 */
export async function applyRemote(docs: unknown[]): Promise<Admission> {
  await releaseHeld();
  const isPhoto = (d: unknown) => isPhotoDocId((d as { id?: unknown } | null)?.id);
  const photos = docs.filter(isPhoto);
  const taken = photos.length ? await admitPhotos(photos) : { applied: 0, refused: 0 };
  await admitKeyDocs(docs.filter(isKeyDoc));
  const events = await admitReceived(
    docs.filter((d) => !isKeyDoc(d) && !isPhoto(d)),
    'sync',
  );
  return { ...events, refused: events.refused + taken.refused };
}

/** The number a CouchDB sequence starts with ("12-g1AAA…" or 12); NaN when there is none. */
const seqNumber = (seq: string) => Number.parseInt(seq, 10);

/**
 * Changes per `_changes` page: each page is screened, verified and judged as a whole, in one
 * transaction with the log and its projections, so fewer, larger pages cost less per event.
 */
export const PULL_PAGE = 5000;

/**
 * Pulls everything since the checkpoint (or waits for news with a long poll). The server's
 * sequence says how many changes there are to fetch: the progress of a long pull.
 */
export async function pull(client: SyncTransport, options: { longpoll?: boolean; signal?: AbortSignal } = {}): Promise<number> {
  let total = 0;
  let seen = 0;
  let expected = 0;
  if (!options.longpoll) {
    const left = seqNumber((await client.info()).updateSeq) - seqNumber((await getMeta('syncSince')) ?? '0');
    expected = Number.isFinite(left) ? Math.max(0, left) : 0;
  }
  const progress = (finished: boolean) =>
    expected >= PROGRESS_FROM && status().set({ progress: { direction: 'pull', done: finished ? expected : Math.min(seen, expected), total: expected, finished } });
  progress(false);
  let since = (await getMeta('syncSince')) ?? '0';
  let page = client.changes(since, { ...options, limit: PULL_PAGE });
  for (;;) {
    const { docs, lastSeq } = await page;
    const finished = options.longpoll || docs.length === 0 || lastSeq === since;
    // The next page is on its way while this one is judged; the checkpoint moves only after it is in.
    if (!finished) {
      page = client.changes(lastSeq, { limit: PULL_PAGE });
      page.catch(() => undefined); // a failure surfaces when it is awaited, or not at all if this page fails first
    }
    const { applied } = await applyRemote(docs);
    await setMeta('syncSince', lastSeq);
    total += applied;
    seen += docs.length;
    since = lastSeq;
    // What this device made meanwhile goes out between pages, not after thousands of changes:
    // a joining tablet's request to take part reaches the lead while it is still fetching.
    if (!finished && (await db.outbox.count()) > 0) await pushNow(client, () => false);
    progress(finished);
    if (finished) return total;
  }
}

/**
 * Looks at the server before a round and repairs what it finds: another mark (wiped, or a new
 * database at the address) or a sequence below the checkpoint → the whole log again and a pull
 * from the start; fewer documents than this device has sent → compare ids, repair both ways.
 * A server that holds none of this device's history under another mark gets nothing: that is
 * another company's database, not this one emptied.
 */
export async function healIfNeeded(client: SyncTransport, isStopped: () => boolean = () => false): Promise<RepairReason | null> {
  const expected = await expectedOnServer(); // counted first: the server can only be ahead of it
  const info = await client.info();
  const known = await getMeta('syncInstance');
  const mark = (await client.instance()) ?? (await client.claimInstance(newId()));
  let reason: RepairReason | null = null;
  if (known && mark !== known) {
    if (info.docCount > 0 && !(await sharesHistory(client))) throw new SyncError('otherDatabase');
    reason = 'replaced';
  } else if (!known) await setMeta('syncInstance', mark);
  const since = (await getMeta('syncSince')) ?? '0';
  if (!reason && seqNumber(info.updateSeq) < seqNumber(since)) reason = 'behind';
  if (!reason && info.docCount < expected) reason = 'missing';
  if (!reason) return null;
  await repair(reason, async () => (reason === 'missing' ? compareAndRepair(client, isStopped) : refill(client, mark, isStopped)));
  return reason;
}

/** The whole log (all but private events) back into the outbox, the checkpoint back to the start; then push and pull. */
async function refill(client: SyncTransport, mark: string, isStopped: () => boolean): Promise<RepairCounts> {
  await db.transaction('rw', [db.events, db.outbox, db.meta, db.photos, db.photoOutbox], async () => {
    const rows: { id: string; at: string }[] = [];
    await db.events.each((e) => {
      if (!PRIVATE_EVENT_TYPES.has(e.type)) rows.push({ id: e.id, at: e.at });
    });
    await db.outbox.bulkPut(rows);
    await queueAllPhotos();
    await deleteMeta('syncSince');
    await setMeta('syncInstance', mark);
  });
  await resendAllKeys();
  const pushed = await pushOutbox(client, isStopped);
  const pulled = await pull(client);
  return { pushed, pulled };
}

/** Runs a repair with the status saying so (never "up to date" meanwhile), then says what it did. */
async function repair(reason: RepairReason, run: () => Promise<RepairCounts>): Promise<RepairCounts> {
  repairing++;
  status().set({ phase: 'repairing', problem: null });
  try {
    const counts = await run();
    status().set({ repaired: { reason, ...counts, at: Date.now() } });
    return counts;
  } finally {
    repairing--;
  }
}

/** "Controleren": compares this device's event ids with the server's and repairs both ways. */
export async function checkWithServer(): Promise<RepairCounts> {
  const t = await target();
  if (!t) return { pushed: 0, pulled: 0 };
  const client = new CouchTransport(t);
  const before = status().phase;
  try {
    const counts = await repair('check', () => compareAndRepair(client));
    await reportUpToDate(before === 'otherTab' ? 'otherTab' : 'online');
    return counts;
  } catch (error) {
    const kind = error instanceof SyncError ? error.kind : 'unreachable';
    status().set({ phase: kind === 'unreachable' ? 'offline' : 'error', problem: kind });
    throw error;
  }
}

/** Says "up to date" only when it is: no repair running and nothing waiting to be sent. */
async function reportUpToDate(phase: 'online' | 'otherTab' = 'online'): Promise<void> {
  if (repairing) return;
  if (phase === 'online' && (await db.outbox.count()) + (await db.photoOutbox.count()) > 0) return status().set({ phase: 'connecting', problem: null });
  status().set({ phase, problem: null, ...(phase === 'online' ? { lastSync: Date.now() } : {}) });
}

export async function syncOnce(): Promise<void> {
  const t = await target();
  if (!t) return;
  const client = new CouchTransport(t);
  await healIfNeeded(client);
  await pushOutbox(client);
  await pull(client);
  await reportUpToDate();
}

export type ConnectProblem = SyncError['kind'] | 'badUrl' | 'insecureUrl' | 'cancelled' | 'otherCompany';

/** What connecting does to this device: whether the demo goes, and how many own changes go along to the server. */
export interface JoinPlan {
  dropsDemo: boolean;
  /** This device's own events (not the demo's, not private) that go to the company database. */
  keeps: number;
}

export async function joinPlan(): Promise<JoinPlan> {
  const dropsDemo = (await getMeta('started')) === 'demo';
  const ids = new Set(dropsDemo ? ((await getMeta('demoIds')) ?? []) : []);
  // The same test as dropDemo: an event about a demo thing goes with the demo.
  const aboutDemo = (ref: string) => ids.has(ref) || ref.split('|').some((part) => ids.has(part));
  const demoQualification = (e: VaardigEvent) => e.type === 'qualification.imported' && ids.has(qualificationId(e.payload.crebo, e.payload.version));
  const keeps = await db.events.filter((e) => e.id !== ROOT_EVENT_ID && !PRIVATE_EVENT_TYPES.has(e.type) && !(ids.size && (e.refs.some(aboutDemo) || demoQualification(e)))).count();
  return { dropsDemo, keeps };
}

/** `http://` only to this computer itself (a test server, a tunnel); anything else needs TLS. */
function secure(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
}

/**
 * Connects this device: checks the server first (nothing changes if that fails). A device with
 * only the untouched demo drops it without asking; one with anything of its own asks first
 * (`confirm`, the dialog) and keeps it: the demo part goes, its own events go to the company
 * database. Without `confirm` (a script, a test) it goes ahead.
 */
export async function connect(input: CouchTarget, options: { confirm?: (plan: JoinPlan) => Promise<boolean> } = {}): Promise<{ ok: true } | { ok: false; problem: ConnectProblem }> {
  let url: URL;
  try {
    url = new URL(input.url.trim());
    if (!/^https?:$/.test(url.protocol)) throw new Error();
  } catch {
    return { ok: false, problem: 'badUrl' };
  }
  if (!secure(url)) return { ok: false, problem: 'insecureUrl' };
  const clean = { ...input, url: url.href.replace(/\/+$/, ''), db: input.db.trim() };
  let serverRoot: unknown;
  try {
    const client = new CouchTransport(clean);
    await client.check();
    serverRoot = (await client.lookup([ROOT_EVENT_ID], true))[0];
  } catch (error) {
    return { ok: false, problem: error instanceof SyncError ? error.kind : 'unreachable' };
  }
  // A company's log has one first device. If the server's is another than this device's own,
  // this device can join only with nothing of its own (the demo aside): two workshops set up
  // apart cannot become one log.
  const localRoot = await db.events.get(ROOT_EVENT_ID);
  const serverKey = (serverRoot as { doc?: { key?: unknown } } | undefined)?.doc?.key;
  const otherRoot = serverRoot !== undefined && localRoot !== undefined && serverKey !== localRoot.key;
  const plan = await joinPlan();
  if (otherRoot && plan.keeps > 0) return { ok: false, problem: 'otherCompany' };
  if (options.confirm && plan.keeps > 0 && !(await options.confirm(plan))) return { ok: false, problem: 'cancelled' };
  stopSync();
  await loadSealing();
  await db.transaction('rw', db.allTables, async () => {
    // The demo stays behind; what the company added on this device goes to the company.
    if (otherRoot) await db.events.delete(ROOT_EVENT_ID);
    if ((await getMeta('started')) === 'demo') await dropDemo();
    else if (otherRoot) await refoldAll();
    await db.outbox.clear();
    const mine = await db.events.toArray();
    await db.outbox.bulkPut(mine.filter((e) => !PRIVATE_EVENT_TYPES.has(e.type)).map((e) => ({ id: e.id, at: e.at })));
    await db.photoOutbox.clear();
    await queueAllPhotos();
    await setMeta('sync', { url: clean.url, db: clean.db, user: clean.user } satisfies SyncConfig);
    await deleteMeta('syncSince', 'syncInstance', 'syncBeforeSigning');
    await db.personKeys.toCollection().modify({ pushed: 0 });
  });
  keepPassword(clean.password);
  status().set({ repaired: null });
  // The other open tabs follow: they get the password and queue for the sync.
  tellTabs({ type: 'password', key: connectionKey(clean), password: clean.password });
  await startSync();
  return { ok: true };
}

export async function disconnect(): Promise<void> {
  stopSync();
  await db.transaction('rw', [db.meta, db.outbox, db.photoOutbox], async () => {
    await deleteMeta('sync', 'syncSince', 'syncInstance');
    await db.outbox.clear();
    await db.photoOutbox.clear();
  });
  forgetPassword();
  tellTabs({ type: 'disconnected' });
  status().set({ phase: 'off', problem: null, repaired: null });
}

export function stopSync(): void {
  running?.stop();
  running = null;
}

/** What another tab of this browser says: a password for this connection, or that it disconnected. */
async function fromOtherTab(message: TabMessage): Promise<void> {
  const config = await syncConfig();
  if (message.type === 'ask') {
    if (config && password()) tellTabs({ type: 'password', key: connectionKey(config), password: password() });
  } else if (message.type === 'password') {
    if (!config || connectionKey(config) !== message.key) return;
    if (running?.key === message.key && password() === message.password) return;
    keepPassword(message.password);
    stopSync();
    await startSync();
  } else if (message.type === 'disconnected') {
    stopSync();
    forgetPassword();
    status().set({ phase: 'off', problem: null, repaired: null });
  }
}

type Locks = LockManager | undefined;

/**
 * The loop: look at the server (and repair), push, pull, then long-poll for news; on a failure
 * wait and try again, longer each time (up to a minute), or at once when the browser says it
 * is online again. Runs in one tab at a time (Web Locks): the other tabs queue for the lock and
 * the first of them takes over when the syncing tab closes. Resumes after a restart.
 */
export async function startSync(): Promise<void> {
  listenToTabs((m) => void fromOtherTab(m));
  if (running) return;
  const config = await syncConfig();
  if (!config) return status().set({ phase: 'off' });
  const pass = password();
  if (config.user && !pass) {
    // Another open tab may have it: it answers, and this tab starts then (see fromOtherTab).
    tellTabs({ type: 'ask' });
    return status().set({ phase: 'needsPassword', problem: null });
  }
  let stopped = false;
  const controller = new AbortController();
  let wake: (() => void) | null = null;
  const onOnline = () => wake?.();
  const win = typeof window === 'undefined' ? undefined : window;
  win?.addEventListener('online', onOnline);
  running = {
    key: connectionKey(config),
    stop: () => {
      stopped = true;
      controller.abort();
      win?.removeEventListener('online', onOnline);
      wake?.();
    },
  };
  const isStopped = () => stopped;
  const client = new CouchTransport({ ...config, password: pass });
  const loop = async () => {
    if (stopped) return;
    let backoff = 1000;
    status().set({ phase: 'connecting', problem: null });
    watchOutbox(client, isStopped, () => wake?.());
    while (!stopped) {
      try {
        await healIfNeeded(client, isStopped);
        await pushNow(client, isStopped);
        await pull(client);
        await reportUpToDate();
        backoff = 1000;
        await pull(client, { longpoll: true, signal: controller.signal });
        status().set({ lastSync: Date.now() });
      } catch (error) {
        if (stopped) break;
        const kind = error instanceof SyncError ? error.kind : 'unreachable';
        status().set({ phase: kind === 'unreachable' ? 'offline' : 'error', problem: kind });
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, backoff);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
    }
  };
  const locks: Locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
  if (!locks) return void loop();
  // Try the lock; if another tab holds it, say so and queue: the request is granted when that tab closes.
  void locks
    .request(LOCK, { ifAvailable: true }, async (lock) => {
      if (lock) return loop();
      status().set({ phase: 'otherTab', problem: null });
      return locks.request(LOCK, { signal: controller.signal }, () => loop());
    })
    .catch(() => undefined); // aborted while queued: stopped
}

async function pushNow(client: SyncTransport, isStopped: () => boolean): Promise<void> {
  if (!pushing)
    pushing = pushOutbox(client, isStopped)
      .then(() => undefined)
      .finally(() => (pushing = null));
  return pushing;
}

/**
 * Pushes soon after a local change, without waiting for the long poll to return. A push that
 * goes through while the loop waits to retry wakes the loop (the server is back).
 */
function watchOutbox(client: SyncTransport, isStopped: () => boolean, wakeLoop: () => void): void {
  const tick = async () => {
    if (isStopped()) return;
    try {
      if ((await db.outbox.count()) + (await db.photoOutbox.count()) > 0 && globalThis.navigator?.onLine !== false && !isStopped()) {
        await pushNow(client, isStopped);
        if (status().phase === 'offline' || status().phase === 'error') wakeLoop();
        else if (status().phase === 'online') await reportUpToDate();
      }
    } catch (error) {
      const kind = error instanceof SyncError ? error.kind : 'unreachable';
      if (!repairing) status().set({ phase: kind === 'unreachable' ? 'offline' : 'error', problem: kind });
    }
    setTimeout(tick, 1000);
  };
  void tick();
}
