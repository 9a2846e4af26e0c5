import { KEY_DOC_PREFIX } from '../../src/domain/privacy/keyDocument';
import { beforeEach, describe, expect, it } from 'vitest';
import * as cmd from '../../src/data/commands';
import { CouchTransport, toDoc } from '../../src/data/sync/couchTransport';
import { connect, disconnect, pull, pushOutbox, stopSync, syncOnce } from '../../src/data/sync/syncEngine';
import { db, allLevels, storedLevel } from '../../src/data/store';
import { foldEvents } from '../../src/domain/projection';
import { parseEvent, type VaardigEvent } from '../../src/domain/events';
import { hlcMillis } from '../../src/domain/hlc';
import { couch, startProxy } from './couchServer';
import { couchForFile, phoneEdit, smallWorkshop, type WorkshopIds } from './syncWorkshop';
import { eventOf, makeDevice, sign } from './testDevices';
import { freshDatabase, snapshotProjections, canonicalJson } from './helpers';

let dbName: string;
let ids: WorkshopIds;

const env = couchForFile();

async function workshop() {
  ids = await smallWorkshop();
}

const otherDevice = (level: 'I' | 'L' | 'U' | 'O', wall: number, actor?: string) => phoneEdit(ids, level, wall, actor);
/** Documents written straight to the server, as another device's sync (or someone else) would. */
const put = (docs: unknown[]) => couch(env.server.url, `/${dbName}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs, new_edits: false }) });

async function remoteEvents(name = dbName): Promise<VaardigEvent[]> {
  const { body } = await couch(env.server.url, `/${name}/_all_docs?include_docs=true`);
  // People's keys are documents of their own beside the events (keySync.ts).
  return body.rows
    .filter((r: { id: string }) => !r.id.startsWith(KEY_DOC_PREFIX))
    .map((r: { doc: Record<string, unknown> }) => {
      const { _id, _rev, ...rest } = r.doc;
      const parsed = parseEvent(rest);
      if (!parsed.ok) throw new Error(`bad remote doc ${_id}`);
      return parsed.event;
    });
}

describe('sync through a CouchDB-compatible server', () => {
  beforeEach(async () => {
    await disconnect();
    await freshDatabase();
    dbName = `veerman-${Math.random().toString(36).slice(2, 8)}`;
    expect((await couch(env.server.url, `/${dbName}`, { method: 'PUT' })).status).toBe(201);
    await workshop();
  });

  const connectHere = (url = env.server.url) => connect({ url, db: dbName, user: '', password: '' });

  it('device A ticks, device B sees it; B ticks, A sees it', async () => {
    expect(await connectHere()).toEqual({ ok: true });
    stopSync(); // the test drives the steps itself
    await syncOnce();
    const local = await db.events.count();
    expect((await remoteEvents()).length).toBe(local);

    await cmd.setLevel({ workerId: ids.jan, skillId: ids.skill, level: 'L', status: 'confirmed' }, { actor: ids.lead });
    expect(await db.outbox.count()).toBe(1);
    await syncOnce();
    expect(await db.outbox.count()).toBe(0);
    expect((await remoteEvents()).filter((e) => e.type === 'level.set')).toHaveLength(1);

    const b = await otherDevice('U', Date.now() + 1000);
    await put([toDoc(b)]);
    await syncOnce();
    expect(await storedLevel(ids.jan, ids.skill)).toMatchObject({ level: 'U' });
  });

  it('both edit offline, reconnect, and converge to the fold of all events', async () => {
    const proxy = await startProxy(env.server.url);
    await connectHere(proxy.url);
    stopSync();
    await syncOnce();
    proxy.cut();
    await cmd.setLevel({ workerId: ids.jan, skillId: ids.skill, level: 'I', status: 'confirmed' }, { actor: ids.lead });
    const firstEdit = (await db.events.orderBy('at').last())!.at;
    await cmd.setLevel({ workerId: ids.jan, skillId: ids.skill, level: 'O', status: 'confirmed' }, { actor: ids.lead });
    await expect(syncOnce()).rejects.toMatchObject({ kind: 'unreachable' });
    expect(await db.outbox.count()).toBe(2);
    // Meanwhile the phone wrote to the same cell, stamped just after the tablet's first edit (taken from
    // that edit, not from the wall clock: on a fast machine the whole workshop fits in a few ms, and a
    // stamp before it would rightly be refused as acting on people who did not exist yet).
    const b = await otherDevice('L', hlcMillis(firstEdit) + 1);
    await put([toDoc(b)]);
    await proxy.restore();
    await syncOnce();
    const all = await remoteEvents();
    expect(all).toHaveLength(await db.events.count());
    const folded = foldEvents(all);
    expect(canonicalJson((await allLevels()).sort())).toBe(canonicalJson([...folded.levels.values()].sort()));
    await proxy.close();
  });

  // 1,200 commands through fake-indexeddb: seconds on a loaded machine, hence its own budget.
  it('the server going away in the middle of a push loses nothing and doubles nothing', { timeout: 120_000 }, async () => {
    const proxy = await startProxy(env.server.url);
    await db.meta.put({ key: 'sync', value: { url: proxy.url, db: dbName, user: '' } });
    const lead = { actor: ids.lead };
    const levels = ['I', 'L', 'U', 'O'] as const;
    for (let i = 0; i < 1200; i++) await cmd.setLevel({ workerId: ids.jan, skillId: ids.skill, level: levels[i % 4]!, status: 'confirmed', note: `ronde ${i}` }, lead);
    await db.outbox.bulkPut((await db.events.toArray()).map((e) => ({ id: e.id, at: e.at })));
    const client = new CouchTransport({ url: proxy.url, db: dbName, user: '', password: '' });
    // The server goes away while the second batch is on its way (the people's keys and the first batch are already there).
    const cutDone = proxy.cutOnRequest(`POST /${dbName}/_bulk_docs`, 3);
    await expect(pushOutbox(client)).rejects.toMatchObject({ kind: 'unreachable' });
    await cutDone;
    const left = await db.outbox.count();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(await db.events.count());
    await proxy.restore();
    await pushOutbox(client);
    await pull(client);
    const remote = await remoteEvents();
    const local = await db.events.toArray();
    expect(new Set(remote.map((e) => e.id)).size).toBe(remote.length);
    expect(remote.map((e) => e.id).sort()).toEqual(local.map((e) => e.id).sort());
    expect(await db.outbox.count()).toBe(0);
    console.log(`mid-push cut: ${local.length - left} of ${local.length} events pushed before the cut; all ${remote.length} there after the restart`);
    await proxy.close();
  });

  it('private events (wishes) never leave the device', async () => {
    await db.meta.put({ key: 'sync', value: { url: env.server.url, db: dbName, user: '' } });
    await cmd.setWish({ workerId: ids.jan, skillId: ids.skill, wished: true }, { actor: ids.jan });
    expect(await db.outbox.count()).toBe(0);
    await db.outbox.bulkPut((await db.events.toArray()).filter((e) => e.type !== 'wish.set').map((e) => ({ id: e.id, at: e.at })));
    await syncOnce();
    expect((await remoteEvents()).some((e) => e.type === 'wish.set')).toBe(false);
  });

  it('a bad message from the server is skipped and counted, the rest applied', async () => {
    await db.meta.put({ key: 'sync', value: { url: env.server.url, db: dbName, user: '' } });
    const good = await otherDevice('O', Date.now() + 5000);
    await put([toDoc(good), { _id: 'rommel', _rev: '1-abc', type: 'level.set', payload: { level: 'X' } }]);
    const before = await snapshotProjections();
    await syncOnce();
    expect(await storedLevel(ids.jan, ids.skill)).toMatchObject({ level: 'O' });
    expect(await db.events.get('rommel')).toBeUndefined();
    expect(await db.refused.where('code').equals('malformed').toArray()).toMatchObject([{ type: 'level.set', source: 'sync' }]);
    expect((await snapshotProjections()).workers).toEqual(before.workers);
  });

  it('a forged far-future event is refused, never moves the clock, and later edits flow both ways', async () => {
    expect(await connectHere()).toEqual({ ok: true });
    stopSync();
    await syncOnce();
    // Another device's event stamped in 2099, then one stamped past the clock's format.
    const forged = [await otherDevice('O', Date.UTC(2099, 0, 1)), await otherDevice('I', 999_999_999_999_999)];
    await put(forged.map(toDoc));
    await syncOnce();
    expect((await db.refused.toArray()).map((r) => r.code)).toEqual(['future', 'future']);
    expect(await storedLevel(ids.jan, ids.skill)).toBeUndefined();
    // This tablet's next edit is stamped now, goes out, and the phone's honest edit comes in.
    await cmd.setLevel({ workerId: ids.jan, skillId: ids.skill, level: 'L', status: 'confirmed' }, { actor: ids.lead });
    const mine = (await db.events.orderBy('at').last())!;
    expect(Math.abs(Number(mine.at.slice(0, 15)) - Date.now())).toBeLessThan(60_000);
    await syncOnce();
    expect((await remoteEvents()).some((e) => e.id === mine.id)).toBe(true);
    await put([toDoc(await otherDevice('U', Date.now() + 1000))]);
    await syncOnce();
    expect(await storedLevel(ids.jan, ids.skill)).toMatchObject({ level: 'U' });
  });

  it('a worker confirming their own level on another device is refused; the rest of the batch is applied', async () => {
    await db.meta.put({ key: 'sync', value: { url: env.server.url, db: dbName, user: '' } });
    const own = await otherDevice('O', Date.now() + 1, ids.jan);
    const honest = await otherDevice('L', Date.now() + 10);
    await put([toDoc(own), toDoc(honest)]);
    await syncOnce();
    expect(await db.refused.get(own.id)).toMatchObject({ code: 'self', actor: ids.jan, device: 'phone' });
    expect(await storedLevel(ids.jan, ids.skill)).toMatchObject({ level: 'L' });
  });

  it('connecting a demo device drops the demo and takes along what was added on it', async () => {
    await disconnect();
    await freshDatabase();
    await cmd.ensureStarted();
    const kees = (await db.workers.toArray()).find((w) => w.role === 'lead')!;
    const team = await cmd.createTeam({ name: 'Nachtploeg' }, { actor: kees.id });
    expect(team.ok).toBe(true);
    expect(await connectHere()).toEqual({ ok: true });
    stopSync();
    await syncOnce();
    expect((await db.teams.toArray()).map((t) => t.name)).toEqual(['Nachtploeg']);
    expect(await db.workers.count()).toBe(0);
    // The demo's own first-device enrolment stays: this device becomes the company's first.
    expect((await remoteEvents()).map((e) => e.type).sort()).toEqual(['device.enrolled', 'team.created']);
  });

  it('says what is wrong: no server, no database, wrong password, a refused write', async () => {
    expect(await connect({ url: 'niet een adres', db: dbName, user: '', password: '' })).toEqual({ ok: false, problem: 'badUrl' });
    expect(await connect({ url: 'http://127.0.0.1:9', db: dbName, user: '', password: '' })).toEqual({ ok: false, problem: 'unreachable' });
    expect(await connect({ url: env.server.url, db: 'bestaat-niet', user: '', password: '' })).toEqual({ ok: false, problem: 'missingDatabase' });
    expect(await db.meta.get('sync')).toBeUndefined();

    // A database only its members may use, and a server admin (the end of "admin party").
    const secured = `${dbName}-geheim`;
    await couch(env.server.url, `/${secured}`, { method: 'PUT' });
    await couch(env.server.url, '/_config/admins/beheer', { method: 'PUT', body: JSON.stringify('geheim') });
    await couch(env.server.url, `/${secured}/_security`, { method: 'PUT', body: JSON.stringify({ admins: { names: ['beheer'] }, members: { names: ['beheer'] } }) }, 'beheer:geheim');
    expect(await connect({ url: env.server.url, db: secured, user: 'beheer', password: 'fout' })).toEqual({ ok: false, problem: 'credentials' });
    expect(await connect({ url: env.server.url, db: secured, user: 'beheer', password: 'geheim' })).toEqual({ ok: true });
    await disconnect();

    // A server that refuses writes (a validation function that forbids everything).
    await couch(
      env.server.url,
      `/${dbName}/_design/alleen-lezen`,
      { method: 'PUT', body: JSON.stringify({ validate_doc_update: 'function(){ throw({forbidden: "alleen lezen"}); }' }) },
      'beheer:geheim',
    );
    await db.meta.put({ key: 'sync', value: { url: env.server.url, db: dbName, user: 'beheer' } });
    await db.outbox.bulkPut((await db.events.limit(3).toArray()).map((e) => ({ id: e.id, at: e.at })));
    const client = new CouchTransport({ url: env.server.url, db: dbName, user: 'beheer', password: 'geheim' });
    await expect(client.push(await db.events.limit(3).toArray())).rejects.toMatchObject({ kind: 'rejected' });
    // Refused one by one: they never block the outbox; they stay here, remembered as not on the server.
    expect(await pushOutbox(client)).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.meta.get('notOnServer'))?.value).toHaveLength(3);
    expect(await db.events.count()).toBeGreaterThanOrEqual(3);
    await couch(env.server.url, '/_config/admins/beheer', { method: 'DELETE' }, 'beheer:geheim');
  });

  it('a member writing under another device, a rewritten and a deleted document: refused and listed; the devices converge', async () => {
    expect(await connectHere()).toEqual({ ok: true });
    stopSync();
    await syncOnce();
    // A thief's device, never let in, writes as the phone (same device name, its own key).
    const thief = { ...(await makeDevice('phone')) };
    const [asPhone] = await sign(
      [thief],
      [eventOf(thief, 'level.set', { workerId: ids.jan, skillId: ids.skill, level: 'O', status: 'confirmed', note: '' }, ids.lead, { wall: Date.now() + 1, counter: 0 })],
    );
    // The phone's honest edit, and then the same document rewritten on the server (a higher _rev).
    const honest = await otherDevice('L', Date.now() + 2);
    await put([
      { ...toDoc(asPhone!), _rev: '1-aaaa' },
      { ...toDoc(honest), _rev: '1-bbbb' },
    ]);
    await syncOnce();
    expect(await storedLevel(ids.jan, ids.skill)).toMatchObject({ level: 'L' });
    const rewritten = { ...toDoc(honest), _rev: '2-cccc', payload: { ...honest.payload, level: 'O' } };
    await put([rewritten]);
    // A device that joins now reads the rewritten copy: it refuses it, and the others' tables stay as they were.
    await disconnect();
    const tablet = await snapshotProjections();
    await freshDatabase();
    expect(await connectHere()).toEqual({ ok: true });
    stopSync();
    await syncOnce();
    const codes = (await db.refused.toArray()).map((r) => r.code).sort();
    expect(codes).toEqual(['badId', 'notEnrolled']);
    expect(await storedLevel(ids.jan, ids.skill)).toBeUndefined();
    expect((await snapshotProjections()).workers).toEqual(tablet.workers);
    // Deleting a document: the devices that have it keep it (events are never taken back by the server).
    await couch(env.server.url, `/${dbName}/${honest.id}?rev=2-cccc`, { method: 'DELETE' });
    await syncOnce();
    expect((await snapshotProjections()).workers).toEqual(tablet.workers);
  });

  it('a revoked device: what it writes after the lead took it out is refused everywhere, what it wrote before stays', async () => {
    expect(await connectHere()).toEqual({ ok: true });
    stopSync();
    await syncOnce();
    await put([toDoc(await otherDevice('U', Date.now() + 1))]);
    await syncOnce();
    expect(await storedLevel(ids.jan, ids.skill)).toMatchObject({ level: 'U' });
    expect(await cmd.revokeDevice(ids.phone.id, { actor: ids.lead })).toMatchObject({ ok: true });
    await syncOnce();
    const revokedAt = hlcMillis((await db.events.where('type').equals('device.revoked').first())!.at);
    // The stolen phone, not knowing, writes on.
    const after = await otherDevice('O', revokedAt + 5);
    await put([toDoc(after)]);
    await syncOnce();
    expect(await db.refused.get(after.id)).toMatchObject({ code: 'revoked', device: 'phone' });
    expect(await storedLevel(ids.jan, ids.skill)).toMatchObject({ level: 'U' });
    // A device that joins later sees the same.
    await disconnect();
    await freshDatabase();
    expect(await connectHere()).toEqual({ ok: true });
    stopSync();
    await syncOnce();
    expect(await db.refused.get(after.id)).toMatchObject({ code: 'revoked' });
    expect((await db.devices.get('phone'))?.revokedAt).toBeTruthy();
  });
});
