import { KEY_DOC_PREFIX } from '../../src/domain/privacy/keyDocument';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as cmd from '../../src/data/commands';
import { deviceStanding } from '../../src/data/queries';
import { ROOT_EVENT_ID } from '../../src/domain/identity/eventIdentity';
import { toDoc } from '../../src/data/sync/couchTransport';
import { useSyncStatus, type SyncPhase } from '../../src/data/sync/syncStatus';
import { checkWithServer, connect, disconnect, joinPlan, stopSync, syncOnce } from '../../src/data/sync/syncEngine';
import { db, getMeta, setMeta, storedLevel } from '../../src/data/store';
import { couch, startProxy, wipeDatabase } from './couchServer';
import { couchForFile, phoneEdit, smallWorkshop, type WorkshopIds } from './syncWorkshop';
import { freshDatabase } from './helpers';

/**
 * A server that lost its data, was rolled back, or lacks some events: the device notices and
 * repairs it; "Controleren" compares ids and repairs both ways. Plus: retry at once when the
 * browser is online again, http:// only to this computer, and what connecting will keep.
 */
let dbName: string;
let ids: WorkshopIds;

const env = couchForFile();

async function workshop() {
  ids = await smallWorkshop();
}

const otherDevice = (level: 'I' | 'L' | 'U' | 'O', wall: number, actor?: string) => phoneEdit(ids, level, wall, actor);

const put = (docs: object[]) => couch(env.server.url, `/${dbName}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs, new_edits: false }) });
/** The events on the server (people's keys are documents of their own beside them). */
const serverIds = async () =>
  ((await couch(env.server.url, `/${dbName}/_all_docs`)).body.rows as { id: string }[])
    .map((r) => r.id)
    .filter((id) => !id.startsWith(KEY_DOC_PREFIX))
    .sort();
const localIds = async () => (await db.events.toCollection().primaryKeys()).sort();
const wipe = () => wipeDatabase(env.server.url, dbName);

/** Resolves when the sync status reaches this phase: waits for the event, not for time. */
function phase(wanted: SyncPhase): Promise<void> {
  return new Promise((resolve) => {
    if (useSyncStatus.getState().phase === wanted) return resolve();
    const stop = useSyncStatus.subscribe((s) => {
      if (s.phase !== wanted) return;
      stop();
      resolve();
    });
  });
}

describe('a device repairs the company server', () => {
  beforeEach(async () => {
    await disconnect();
    await freshDatabase();
    dbName = `heal-${Math.random().toString(36).slice(2, 8)}`;
    expect((await couch(env.server.url, `/${dbName}`, { method: 'PUT' })).status).toBe(201);
    await workshop();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    stopSync();
  });

  const connectHere = (url = env.server.url) => connect({ url, db: dbName, user: '', password: '' });

  it('a server wiped mid-life (database deleted and created again) is refilled, and both devices converge', async () => {
    expect(await connectHere()).toEqual({ ok: true });
    stopSync(); // the test drives the rounds itself
    await syncOnce();
    const phoneBefore = await otherDevice('L', Date.now() + 1000);
    await put([toDoc(phoneBefore)]);
    await syncOnce();
    expect(await db.events.get(phoneBefore.id)).toBeDefined();
    const mark = await getMeta('syncInstance');
    expect(mark).toBeTruthy();

    await wipe();
    expect(await serverIds()).toEqual([]);
    await syncOnce();
    // Everything this device has — the phone's earlier edit included — is back on the server.
    expect(await serverIds()).toEqual(await localIds());
    expect(useSyncStatus.getState().repaired).toMatchObject({ reason: 'replaced', pushed: (await localIds()).length });
    expect(await getMeta('syncInstance')).not.toBe(mark);
    expect(useSyncStatus.getState().phase).toBe('online');

    // The phone carries on after the wipe; the tablet sees it, and the server holds both logs.
    const phoneAfter = await otherDevice('O', Date.now() + 2000);
    await put([toDoc(phoneAfter)]);
    await syncOnce();
    expect(await storedLevel(ids.jan, ids.skill)).toMatchObject({ level: 'O' });
    expect(await serverIds()).toEqual(await localIds());
  });

  it('a checkpoint beyond the server’s sequence (a server rolled back) pulls again from the start', async () => {
    expect(await connectHere()).toEqual({ ok: true });
    stopSync();
    await syncOnce();
    await put([toDoc(await otherDevice('U', Date.now() + 1000))]);
    await setMeta('syncSince', '999999');
    await syncOnce();
    expect(await storedLevel(ids.jan, ids.skill)).toMatchObject({ level: 'U' });
    expect(useSyncStatus.getState().repaired).toMatchObject({ reason: 'behind', pulled: 1 });
    expect(Number(await getMeta('syncSince'))).toBeLessThan(999999);
  });

  it('"Controleren" repairs a server missing 3 events and a device missing 2', async () => {
    for (const level of ['I', 'L', 'U'] as const) await cmd.setLevel({ workerId: ids.jan, skillId: ids.skill, level, status: 'confirmed' }, { actor: ids.lead });
    expect(await connectHere()).toEqual({ ok: true });
    stopSync();
    await syncOnce();
    const all = await localIds();
    // The server is restored from a backup that lacks two of them, and one more was deleted.
    const { body } = await couch(env.server.url, `/${dbName}/_all_docs?include_docs=true`);
    const mark = (await couch(env.server.url, `/${dbName}/_local/vaardig-instance`)).body;
    const [gone1, gone2, deleted] = all.slice(-3);
    await wipe();
    await couch(env.server.url, `/${dbName}/_local/vaardig-instance`, { method: 'PUT', body: JSON.stringify({ mark: mark.mark }) });
    await put(body.rows.map((r: { doc: object }) => r.doc).filter((d: { _id: string }) => d._id !== gone1 && d._id !== gone2));
    const rev = (await couch(env.server.url, `/${dbName}/${deleted}`)).body._rev;
    expect((await couch(env.server.url, `/${dbName}/${deleted}?rev=${rev}`, { method: 'DELETE' })).status).toBe(200);
    // Two events from the phone that this device's checkpoint has already passed.
    const phone = [await otherDevice('O', Date.now() + 1000), await otherDevice('L', Date.now() + 2000)];
    await put(phone.map(toDoc));
    await setMeta('syncSince', String((await couch(env.server.url, `/${dbName}`)).body.update_seq));
    expect((await serverIds()).length).toBe(all.length - 3 + 2);

    expect(await checkWithServer()).toEqual({ pushed: 3, pulled: 2 });
    expect(await serverIds()).toEqual(await localIds());
    expect(await storedLevel(ids.jan, ids.skill)).toMatchObject({ level: 'L' });
    expect(useSyncStatus.getState().repaired).toMatchObject({ reason: 'check', pushed: 3, pulled: 2 });
    // A second check finds nothing to do.
    expect(await checkWithServer()).toEqual({ pushed: 0, pulled: 0 });
  });

  it('a server holding fewer documents than this device sent is compared and repaired by itself', async () => {
    expect(await connectHere()).toEqual({ ok: true });
    stopSync();
    await syncOnce();
    const victim = (await localIds())[0]!;
    const rev = (await couch(env.server.url, `/${dbName}/${victim}`)).body._rev;
    await couch(env.server.url, `/${dbName}/${victim}?rev=${rev}`, { method: 'DELETE' });
    await syncOnce();
    expect(await serverIds()).toContain(victim);
    expect(useSyncStatus.getState().repaired).toMatchObject({ reason: 'missing', pushed: 1, pulled: 0 });
  });

  it('another company’s database at the same address gets nothing', async () => {
    expect(await connectHere()).toEqual({ ok: true });
    stopSync();
    await syncOnce();
    await wipe();
    await put([toDoc(await otherDevice('U', Date.now()))]); // someone else's log, under no mark of ours
    await couch(env.server.url, `/${dbName}/_local/vaardig-instance`, { method: 'PUT', body: JSON.stringify({ mark: 'iemand-anders' }) });
    await expect(syncOnce()).rejects.toMatchObject({ kind: 'otherDatabase' });
    expect((await serverIds()).length).toBe(1);
  });

  it('retries at once when the browser says it is online again, not at the next backoff step', async () => {
    vi.stubGlobal('window', new EventTarget());
    const proxy = await startProxy(env.server.url);
    expect(await connectHere(proxy.url)).toEqual({ ok: true });
    await phase('online');
    // From here no timer fires: only the online event can bring the loop back.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const offline = phase('offline');
    proxy.cut(); // also breaks the long poll in flight
    await offline;
    await proxy.restore();
    const online = phase('online');
    window.dispatchEvent(new Event('online'));
    await online;
    await proxy.close();
  });

  it('http:// is refused except to this computer itself', async () => {
    expect(await connect({ url: 'http://couch.veerman.nl', db: dbName, user: '', password: '' })).toEqual({ ok: false, problem: 'insecureUrl' });
    expect(await connect({ url: 'http://192.168.1.20:5984', db: dbName, user: '', password: '' })).toEqual({ ok: false, problem: 'insecureUrl' });
    expect(await db.meta.get('sync')).toBeUndefined();
    // localhost and 127.0.0.1 pass the address check (and then meet the server, or not).
    expect(await connect({ url: 'http://localhost:9', db: dbName, user: '', password: '' })).toEqual({ ok: false, problem: 'unreachable' });
    expect(await connect({ url: 'https://127.0.0.1:9', db: dbName, user: '', password: '' })).toEqual({ ok: false, problem: 'unreachable' });
    expect(await connectHere()).toEqual({ ok: true });
  });
});

describe('joining a company', () => {
  beforeEach(async () => {
    await disconnect();
    await freshDatabase();
    dbName = `join-${Math.random().toString(36).slice(2, 8)}`;
    await couch(env.server.url, `/${dbName}`, { method: 'PUT' });
  });
  afterEach(() => stopSync());

  it('an untouched demo is dropped without asking; own additions are asked about, and kept', async () => {
    await cmd.ensureStarted();
    expect(await joinPlan()).toEqual({ dropsDemo: true, keeps: 0 });
    const asked: number[] = [];
    const confirm = async (plan: { keeps: number }) => (asked.push(plan.keeps), false);
    // Untouched: connects without asking.
    expect(await connect({ url: env.server.url, db: dbName, user: '', password: '' }, { confirm })).toEqual({ ok: true });
    expect(asked).toEqual([]);
    // Only this device's own enrolment stays: with an empty server it is the company's first device.
    expect((await db.events.toArray()).map((e) => e.id)).toEqual([ROOT_EVENT_ID]);
  });

  it('a device with its own additions asks first; "Annuleren" changes nothing, "Koppelen" keeps them', async () => {
    await cmd.ensureStarted();
    const kees = (await db.workers.toArray()).find((w) => w.role === 'lead')!;
    await cmd.createTeam({ name: 'Nachtploeg' }, { actor: kees.id });
    const before = await db.events.count();
    expect(await joinPlan()).toEqual({ dropsDemo: true, keeps: 1 });
    const asked: number[] = [];
    const no = async (plan: { keeps: number }) => (asked.push(plan.keeps), false);
    expect(await connect({ url: env.server.url, db: dbName, user: '', password: '' }, { confirm: no })).toEqual({ ok: false, problem: 'cancelled' });
    expect(asked).toEqual([1]);
    expect(await db.events.count()).toBe(before);
    expect(await db.meta.get('sync')).toBeUndefined();

    expect(await connect({ url: env.server.url, db: dbName, user: '', password: '' }, { confirm: async () => true })).toEqual({ ok: true });
    stopSync();
    await syncOnce();
    expect((await db.teams.toArray()).map((t) => t.name)).toEqual(['Nachtploeg']);
    expect((await serverIds()).sort()).toEqual([ROOT_EVENT_ID, (await db.events.where('type').equals('team.created').first())!.id].sort());
  });

  it('a device with its own workshop asks too, and loses nothing', async () => {
    await workshop();
    const mine = await localIds();
    expect(await joinPlan()).toEqual({ dropsDemo: false, keeps: mine.length - 1 }); // all but its own enrolment
    expect(await connect({ url: env.server.url, db: dbName, user: '', password: '' }, { confirm: async () => true })).toEqual({ ok: true });
    stopSync();
    await syncOnce();
    expect(await localIds()).toEqual(mine);
    expect(await serverIds()).toEqual(mine);
  });

  it('a company already on the server: a demo device joins it, a device with its own workshop is told it cannot', async () => {
    // The company: set up on another device, on the server.
    await workshop();
    expect(await connect({ url: env.server.url, db: dbName, user: '', password: '' })).toEqual({ ok: true });
    stopSync();
    await syncOnce();
    const company = await serverIds();
    // A tablet with its own workshop: refused, nothing changes on either side.
    await disconnect();
    await freshDatabase();
    await workshop();
    const own = await localIds();
    expect(await connect({ url: env.server.url, db: dbName, user: '', password: '' }, { confirm: async () => true })).toEqual({ ok: false, problem: 'otherCompany' });
    expect(await localIds()).toEqual(own);
    expect(await db.meta.get('sync')).toBeUndefined();
    // A tablet with the untouched demo: joins, and waits to be let in.
    await freshDatabase();
    await cmd.ensureStarted();
    expect(await connect({ url: env.server.url, db: dbName, user: '', password: '' })).toEqual({ ok: true });
    stopSync();
    await syncOnce();
    expect(await serverIds()).toEqual(company);
    expect(await localIds()).toEqual(company);
    expect(await deviceStanding()).toBe('waiting');
  });
});
