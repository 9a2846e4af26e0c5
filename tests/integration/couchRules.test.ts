import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchTransport, toDoc } from '../../src/data/sync/couchTransport';
import { jsonBytes } from '../../src/domain/gate/screen';
import { EVENT_TYPES, parseEvent, PRIVATE_EVENT_TYPES, type VaardigEvent } from '../../src/domain/events';
import { LIMITS, PHOTO } from '../../src/domain/thresholds';
import { PHOTO_DOC_DATA_MAX, toPhotoDoc } from '../../src/domain/photoDocs';
import { sha256Hex } from '../../src/data/store';
import { ROOT_EVENT_ID } from '../../src/domain/identity/eventIdentity';
import { Linter } from 'eslint';
import { buildDesignDoc, DESIGN_DOC_ID, DEVICE_ROLE } from '../../src/server/designDoc';
import { setupCouch, type SetupResult } from '../../src/server/couchSetup';
import { couch, startCouch } from './couchServer';
import { db } from '../../src/data/store';
import { pushOutbox } from '../../src/data/sync/syncEngine';
import { freshDatabase } from './helpers';
import { KEY_DOC_KIND, keyDocId } from '../../src/domain/privacy/keyDocument';

/**
 * The company database's rules (`npm run couch:setup`, src/server/): set up on a fresh
 * CouchDB-compatible server with a server admin, then written to by two device users.
 */
const DB = 'veerman';
const ADMIN = 'beheer:geheim';
const TABLET = 'a1b2c3d4e5f60718'; // device ids are 16 hex digits
const PHONE = '0f1e2d3c4b5a6978';
const STRANGER = 'buurman';

let server: Awaited<ReturnType<typeof startCouch>>;
let first: SetupResult;
const setup = () => setupCouch({ url: server.url, db: DB, user: 'beheer', password: 'geheim' });
const json = (body: unknown, method = 'PUT'): RequestInit => ({ method, body: JSON.stringify(body) });
const bulk = (docs: unknown[], auth: string) => couch(server.url, `/${DB}/_bulk_docs`, json({ docs, new_edits: false }, 'POST'), auth);
const user = (name: string) => `${name}:pw-${name}`;

beforeAll(async () => {
  server = await startCouch();
  await couch(server.url, '/_config/admins/beheer', json('geheim'));
  first = await setup();
  for (const [name, roles] of [
    [TABLET, [DEVICE_ROLE]],
    [PHONE, [DEVICE_ROLE]],
    [STRANGER, []],
  ] as const) {
    const created = await couch(server.url, `/_users/org.couchdb.user:${name}`, json({ name, password: `pw-${name}`, roles, type: 'user' }), ADMIN);
    expect(created.status).toBe(201);
  }
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

let n = 0;
/** A valid event from a device (as the app makes them: it passes the app's own parser). */
function event(device: string, overrides: Partial<VaardigEvent> = {}): VaardigEvent {
  n += 1;
  const e = {
    id: `c0ffee${String(n).padStart(2, '0')}-0000-4000-8000-${String(Date.now()).slice(-12)}`,
    type: 'team.created',
    at: `${String(Date.now()).padStart(15, '0')}:${String(n).padStart(5, '0')}:${device}`,
    actor: null,
    device,
    refs: [`team-${n}`],
    payload: { id: `team-${n}`, name: `Ploeg ${n}` },
    // Shaped as signed (the server checks the shape; the app's gate checks the signature).
    key: 'K'.repeat(87),
    sig: 'S'.repeat(86),
    ...overrides,
  } as VaardigEvent;
  return e;
}

const put = (e: Record<string, unknown>, auth: string) => couch(server.url, `/${DB}/${encodeURIComponent(String(e._id ?? e.id))}`, json({ _id: e.id, ...e }), auth);

describe('npm run couch:setup', () => {
  it('creates the database, lets the device role in and installs the rules; running it again changes nothing', async () => {
    expect(first).toEqual({ database: 'created', security: 'set', rules: 'installed' });
    const security = (await couch(server.url, `/${DB}/_security`, {}, ADMIN)).body;
    expect(security).toEqual({ admins: { names: ['beheer'], roles: [] }, members: { names: [], roles: [DEVICE_ROLE] } });
    const ddoc = (await couch(server.url, `/${DB}/${DESIGN_DOC_ID}`, {}, ADMIN)).body;
    expect(ddoc.validate_doc_update).toContain('function');
    const seq = (await couch(server.url, `/${DB}`, {}, ADMIN)).body.update_seq;

    expect(await setup()).toEqual({ database: 'exists', security: 'unchanged', rules: 'unchanged' });
    expect((await couch(server.url, `/${DB}/_security`, {}, ADMIN)).body).toEqual(security);
    expect((await couch(server.url, `/${DB}/${DESIGN_DOC_ID}`, {}, ADMIN)).body._rev).toBe(ddoc._rev);
    expect((await couch(server.url, `/${DB}`, {}, ADMIN)).body.update_seq).toEqual(seq);
  });

  it('refuses a wrong admin password and changes nothing', async () => {
    await expect(setupCouch({ url: server.url, db: 'ander', user: 'beheer', password: 'fout' })).rejects.toThrow(/does not accept/);
    expect((await couch(server.url, '/ander', {}, ADMIN)).status).toBe(404);
  });
});

describe('the rules (_design/vaardig)', () => {
  it('let a device write its own events: one by one, and by _bulk_docs new_edits:false as the app pushes, twice as a no-op', async () => {
    const own = event(TABLET);
    expect(parseEvent(own).ok).toBe(true);
    expect((await put(own as never, user(TABLET))).status).toBe(201);

    const pushed = [event(TABLET), event(TABLET, { type: 'station.created', payload: { id: 'st-1', name: 'Zagen', order: 1 } } as never)];
    expect(await bulk(pushed.map(toDoc), user(TABLET))).toEqual({ status: 201, body: [] });
    expect(await bulk(pushed.map(toDoc), user(TABLET))).toEqual({ status: 201, body: [] });

    // The app's own client, as sync uses it.
    const app = new CouchTransport({ url: server.url, db: DB, user: PHONE, password: `pw-${PHONE}` });
    const fromPhone = [event(PHONE), event(PHONE)];
    await app.push(fromPhone);
    await app.push(fromPhone);
    const { docs } = await app.changes('0');
    expect(docs).toEqual(expect.arrayContaining([...pushed, ...fromPhone, own].map((e) => expect.objectContaining({ id: e.id, device: e.device }))));
  });

  it('let a device write a person’s key once, never change it, delete it when the person is forgotten, and never bring it back', async () => {
    const tablet = new CouchTransport({ url: server.url, db: DB, user: TABLET, password: `pw-${TABLET}` });
    const phone = new CouchTransport({ url: server.url, db: DB, user: PHONE, password: `pw-${PHONE}` });
    const key = { id: keyDocId('persoon-1'), kind: KEY_DOC_KIND, workerId: 'persoon-1', key: 'k'.repeat(43) };
    expect(await tablet.putDocs([key])).toEqual([]);
    // Offered again (another device, a restore): no change, no error.
    expect(await phone.putDocs([key])).toEqual([]);
    // Changed, misshapen, or under another person's id: refused one by one.
    const changed = await couch(server.url, `/${DB}/${key.id}`, json({ ...key, _rev: (await couch(server.url, `/${DB}/${key.id}`, {}, ADMIN)).body._rev, key: 'x'.repeat(43) }), user(PHONE));
    expect(changed).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/cannot be changed/) } });
    expect(await phone.putDocs([{ ...key, id: keyDocId('persoon-2'), key: 'te-kort' }])).toEqual([keyDocId('persoon-2')]);
    expect(await phone.putDocs([{ ...key, id: keyDocId('persoon-3') }])).toEqual([keyDocId('persoon-3')]);
    expect(await phone.putDocs([{ ...key, id: keyDocId('persoon-4'), workerId: 'persoon-4', extra: 'naam' }])).toEqual([keyDocId('persoon-4')]);
    // Forgotten: deleted (a second delete is fine), and offering the key again does not revive it.
    await phone.remove([key.id]);
    await tablet.remove([key.id]);
    expect(await tablet.lookup([key.id])).toEqual([{ id: key.id, deletedRev: expect.any(String) }]);
    await tablet.putDocs([key]);
    expect((await couch(server.url, `/${DB}/${key.id}`, {}, ADMIN)).status).toBe(404);
    const recreate = await couch(server.url, `/${DB}/${key.id}`, json({ kind: key.kind, workerId: key.workerId, key: key.key }), user(TABLET));
    expect(recreate).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/does not come back/) } });
    // An event still cannot be deleted.
    const own = event(TABLET);
    await tablet.push([own]);
    const rev = (await couch(server.url, `/${DB}/${own.id}`, {}, ADMIN)).body._rev;
    expect((await couch(server.url, `/${DB}/${own.id}?rev=${rev}`, { method: 'DELETE' }, user(TABLET))).status).toBe(403);
  });

  it("let a device offer again another device's event the server already has (a reconnect or a restore pushes the whole log)", async () => {
    const tablets = event(TABLET);
    expect((await bulk([toDoc(tablets)], user(TABLET))).body).toEqual([]);
    const phone = new CouchTransport({ url: server.url, db: DB, user: PHONE, password: `pw-${PHONE}` });
    await phone.push([tablets]);
    // The same id with other content is a change, whoever sends it.
    await expect(phone.push([{ ...tablets, refs: ['x'] }])).rejects.toMatchObject({ kind: 'rejected' });
  });

  it('know every shared event type from the app (one source), and refuse the private one', async () => {
    const shared = EVENT_TYPES.filter((t) => !PRIVATE_EVENT_TYPES.has(t));
    const docs = shared.map((type) => toDoc(event(TABLET, { type, payload: {} } as never)));
    expect(await bulk(docs, user(TABLET))).toEqual({ status: 201, body: [] });
    const wish = await put(event(TABLET, { type: 'wish.set', payload: { workerId: 'w', skillId: 's', wished: true } } as never) as never, user(TABLET));
    expect(wish).toMatchObject({ status: 403, body: { error: 'forbidden', reason: expect.stringMatching(/private/) } });
  });

  it("refuse an event that names another device: 403, and the app's push is rejected", async () => {
    const forged = event(PHONE);
    expect(await put(forged as never, user(TABLET))).toMatchObject({ status: 403, body: { error: 'forbidden', reason: expect.stringMatching(/own events/) } });
    expect((await bulk([toDoc(forged)], user(TABLET))).body).toEqual([expect.objectContaining({ id: forged.id, error: 'forbidden' })]);
    const app = new CouchTransport({ url: server.url, db: DB, user: TABLET, password: `pw-${TABLET}` });
    await expect(app.push([forged])).rejects.toMatchObject({ kind: 'rejected' });
    expect((await couch(server.url, `/${DB}/${forged.id}`, {}, ADMIN)).status).toBe(404);
  });

  it('a refused event of another device does not block the outbox: the rest goes, it stays here', async () => {
    await freshDatabase();
    const mine = event(TABLET);
    const theirs = event(PHONE);
    await db.events.bulkAdd([mine, theirs]);
    await db.outbox.bulkPut([mine, theirs].map((e) => ({ id: e.id, at: e.at })));
    const app = new CouchTransport({ url: server.url, db: DB, user: TABLET, password: `pw-${TABLET}` });
    expect(await pushOutbox(app)).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.meta.get('notOnServer'))?.value).toEqual([theirs.id]);
    expect((await couch(server.url, `/${DB}/${mine.id}`, {}, ADMIN)).status).toBe(200);
  });

  it('refuse changing or deleting an event, by anyone but an admin', async () => {
    const e = event(TABLET);
    await bulk([toDoc(e)], user(TABLET));
    const stored = (await couch(server.url, `/${DB}/${e.id}`, {}, user(TABLET))).body;
    const changed = { ...stored, payload: { id: 'x', name: 'Anders' } };

    expect(await couch(server.url, `/${DB}/${e.id}`, json(changed), user(TABLET))).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/cannot be changed/) } });
    expect((await bulk([{ ...toDoc(e), payload: changed.payload }], user(TABLET))).body).toEqual([expect.objectContaining({ error: 'forbidden' })]);
    // A second revision beside the first (new_edits:false) would be a change too.
    expect((await bulk([{ ...toDoc(e), _rev: `1-${'f'.repeat(32)}`, payload: changed.payload }], user(TABLET))).body).toEqual([expect.objectContaining({ error: 'forbidden' })]);
    expect(await couch(server.url, `/${DB}/${e.id}?rev=${stored._rev}`, { method: 'DELETE' }, user(TABLET))).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/deleted/) } });
    expect((await bulk([{ ...toDoc(e), _deleted: true }], user(TABLET))).body).toEqual([expect.objectContaining({ error: 'forbidden' })]);
    expect((await couch(server.url, `/${DB}/${e.id}`, {}, ADMIN)).body).toEqual(stored);

    // A server admin (a migration) may.
    expect((await couch(server.url, `/${DB}/${e.id}?rev=${stored._rev}`, { method: 'DELETE' }, ADMIN)).status).toBe(200);
  });

  it('refuse an event over 256 KB, counted in UTF-8 as the app counts', async () => {
    const sized = (bytes: number) => {
      const e = event(TABLET, { payload: { id: 'team-big', name: '' } } as never);
      return { ...e, payload: { id: 'team-big', name: 'x'.repeat(bytes - jsonBytes(e)) } } as VaardigEvent;
    };
    const atLimit = sized(LIMITS.eventBytes);
    const overLimit = sized(LIMITS.eventBytes + 1);
    expect(jsonBytes(atLimit)).toBe(LIMITS.eventBytes);
    expect((await bulk([toDoc(atLimit)], user(TABLET))).body).toEqual([]);
    expect(await put(overLimit as never, user(TABLET))).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/larger than 256 KB/) } });

    // 300 KB in two-byte characters: 150,000 characters, 300,000 bytes.
    const accents = event(TABLET, { payload: { id: 'team-é', name: 'é'.repeat(150_000) } } as never);
    expect((await bulk([toDoc(accents)], user(TABLET))).body).toEqual([expect.objectContaining({ error: 'forbidden', reason: expect.stringMatching(/larger/) })]);
  });

  it('refuse what is not an event', async () => {
    const ok = event(TABLET);
    const bad: [string, Record<string, unknown>, RegExp][] = [
      ['no type', { ...ok, type: undefined }, /no type/],
      ['unknown type', { ...ok, type: 'team.burned' }, /unknown type/],
      ['id other than _id', { ...ok, _id: `${ok.id}-x` }, /id must be the document id/],
      ['short id', { ...ok, id: 'abc', _id: 'abc' }, /id must be the document id/],
      ['bad stamp', { ...ok, at: '2024-01-01T00:00:00Z' }, /time stamp is not valid/],
      ['stamp of another device', { ...ok, at: ok.at.replace(TABLET, PHONE) }, /stamp names another device/],
      ['no device', { ...ok, device: '' }, /names no device/],
      ['refs not a list', { ...ok, refs: 'team-1' }, /refs must be a list/],
      ['no payload', { ...ok, payload: undefined }, /no payload/],
      ['payload a list', { ...ok, payload: [] }, /no payload/],
      ['actor a number', { ...ok, actor: 7 }, /actor/],
      ['unsigned', { ...ok, sig: undefined }, /not signed/],
      ['no key', { ...ok, key: undefined }, /not signed/],
      ['an attachment', { ...ok, _attachments: { 'a.txt': { content_type: 'text/plain', data: 'aGFsbG8=' } } }, /attachments/],
    ];
    for (const [what, doc, reason] of bad) {
      const res = await put({ _id: ok.id, ...doc }, user(TABLET));
      expect({ what, status: res.status, error: res.body?.error, reason: res.body?.reason }).toEqual({ what, status: 403, error: 'forbidden', reason: expect.stringMatching(reason) });
    }
    // A revision the app does not make, on a new event.
    expect((await bulk([{ ...toDoc(ok), _rev: '1-abcdef' }], user(TABLET))).body).toEqual([expect.objectContaining({ error: 'forbidden' })]);
    expect((await couch(server.url, `/${DB}/${ok.id}`, {}, ADMIN)).status).toBe(404);
    // The well-formed one itself passes.
    expect((await put(ok as never, user(TABLET))).status).toBe(201);
  });

  it('hold one first device: its enrolment under the fixed id is written once, with a revision CouchDB reads as hex, and a second never replaces it', async () => {
    const root = event(PHONE, { id: ROOT_EVENT_ID, type: 'device.enrolled', refs: [PHONE], payload: { deviceId: PHONE, key: 'K'.repeat(87), name: '', pinFor: null } } as Partial<VaardigEvent>);
    const doc = toDoc(root);
    expect(doc._rev).toMatch(/^1-[0-9a-f]{32}$/);
    expect(toDoc(event(TABLET, { id: 'ab'.repeat(32) }))._rev).toBe(`1-${'ab'.repeat(16)}`);
    expect((await bulk([doc], user(PHONE))).body).toEqual([]);
    const other = toDoc(
      event(TABLET, { id: ROOT_EVENT_ID, type: 'device.enrolled', refs: [TABLET], payload: { deviceId: TABLET, key: 'T'.repeat(87), name: '', pinFor: null } } as Partial<VaardigEvent>),
    );
    expect((await bulk([other], user(TABLET))).body).toEqual([expect.objectContaining({ error: 'forbidden' })]);
    expect((await couch(server.url, `/${DB}/${ROOT_EVENT_ID}`, {}, ADMIN)).body).toMatchObject({ device: PHONE });
  });

  it('let only admins write design documents', async () => {
    const ddoc = { _id: '_design/eigen', validate_doc_update: 'function () {}' };
    expect((await couch(server.url, `/${DB}/_design/eigen`, json(ddoc), user(TABLET))).status).toBeGreaterThanOrEqual(401);
    const current = (await couch(server.url, `/${DB}/${DESIGN_DOC_ID}`, {}, ADMIN)).body;
    expect((await couch(server.url, `/${DB}/${DESIGN_DOC_ID}`, json({ ...current, validate_doc_update: 'function () {}' }), user(TABLET))).status).toBeGreaterThanOrEqual(401);
    expect((await couch(server.url, `/${DB}/${DESIGN_DOC_ID}`, {}, ADMIN)).body._rev).toBe(current._rev);
  });

  it('keep out anyone who is not a device: no reading, no writing', async () => {
    for (const auth of [user(STRANGER), undefined]) {
      expect((await couch(server.url, `/${DB}`, {}, auth)).status).toBeGreaterThanOrEqual(401);
      expect((await couch(server.url, `/${DB}/_changes?include_docs=true`, {}, auth)).status).toBeGreaterThanOrEqual(401);
      expect((await couch(server.url, `/${DB}/_all_docs`, {}, auth)).status).toBeGreaterThanOrEqual(401);
    }
    const theirs = event(STRANGER);
    expect((await put(theirs as never, user(STRANGER))).status).toBeGreaterThanOrEqual(401);
    expect((await couch(server.url, `/${DB}/${theirs.id}`, {}, ADMIN)).status).toBe(404);
    const app = new CouchTransport({ url: server.url, db: DB, user: STRANGER, password: `pw-${STRANGER}` });
    await expect(app.check()).rejects.toBeTruthy();
  });
});

describe('the validate function itself, as CouchDB calls it', () => {
  const source = buildDesignDoc().validate_doc_update;
  const validate = new Function(`return ${source}`)() as (newDoc: unknown, oldDoc: unknown, userCtx: unknown, secObj: unknown) => void;
  const device = { name: TABLET, roles: [DEVICE_ROLE] };
  const security = { admins: { names: ['beheer'], roles: [] }, members: { names: [], roles: [DEVICE_ROLE] } };

  it('is plain ES5, which every CouchDB JavaScript engine runs', () => {
    const messages = new Linter().verify(`var validate = ${source};`, { languageOptions: { ecmaVersion: 5, sourceType: 'script' } });
    expect(messages.filter((m) => m.fatal)).toEqual([]);
  });

  it('refuses a design document from a device (CouchDB refuses it first; the rules do not rely on that)', () => {
    expect(() => validate({ _id: '_design/eigen', validate_doc_update: 'function () {}' }, null, device, security)).toThrow(
      expect.objectContaining({ forbidden: expect.stringMatching(/admin/) }) as never,
    );
    expect(() => validate({ _id: '_design/eigen' }, null, { name: 'beheer', roles: [] }, security)).not.toThrow();
    expect(() => validate({ _id: '_design/eigen' }, null, { name: 'migratie', roles: ['_admin'] }, security)).not.toThrow();
  });

  it('refuses a second revision of an event, which CouchDB (new_edits:false) shows as new (no oldDoc)', () => {
    const e = toDoc(event(TABLET));
    expect(() => validate(e, null, device, security)).not.toThrow();
    expect(() => validate({ ...e, _rev: `1-${'f'.repeat(32)}` }, null, device, security)).toThrow(expect.objectContaining({ forbidden: expect.stringMatching(/revision/) }) as never);
    expect(() => validate({ ...e, _rev: `2-${e._rev.slice(2)}` }, null, device, security)).toThrow(expect.objectContaining({ forbidden: expect.stringMatching(/revision/) }) as never);
  });
});

describe('photos on the server (photo-<sha256>)', () => {
  /** The start of a JPEG (SOI, a frame header of 120 × 80) and some bytes: what the rules and the app's checks read. */
  const jpeg = (fill: number) => new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0, 80, 0, 120, 3, ...new Array(200).fill(fill)]);
  const photoOf = async (fill: number, workerId: string | null = null) => {
    const bytes = jpeg(fill);
    return toPhotoDoc({ hash: await sha256Hex(bytes), bytes, width: 120, height: 80, workerId });
  };
  const get = (id: string) => couch(server.url, `/${DB}/${id}`, {}, ADMIN);

  it('a device adds a photo; sending it again is a no-op; changing it is refused', async () => {
    const photo = await photoOf(1, 'w-1');
    expect(await bulk([photo], user(TABLET))).toEqual({ status: 201, body: [] });
    expect(await bulk([photo], user(PHONE))).toEqual({ status: 201, body: [] });
    expect((await get(photo._id)).body).toMatchObject({ hash: photo.hash, workerId: 'w-1', data: photo.data });
    const app = new CouchTransport({ url: server.url, db: DB, user: PHONE, password: `pw-${PHONE}` });
    expect(await app.pushPhotos([photo])).toEqual([]);
    expect(await app.pushPhotos([{ ...photo, workerId: 'w-2' }])).toEqual([photo._id]);
    expect((await get(photo._id)).body.workerId).toBe('w-1');
  });

  it('a photo may be deleted (a forgotten person) and never comes back', async () => {
    const photo = await photoOf(2, 'w-9');
    expect((await bulk([photo], user(TABLET))).body).toEqual([]);
    const deleted = await couch(server.url, `/${DB}/${photo._id}?rev=${photo._rev}`, { method: 'DELETE' }, user(PHONE));
    expect(deleted.status).toBe(200);
    // A device that still has it sends it again, as its outbox or a repair would: it stays deleted.
    const app = new CouchTransport({ url: server.url, db: DB, user: TABLET, password: `pw-${TABLET}` });
    await app.pushPhotos([photo]);
    expect((await get(photo._id)).status).toBe(404);
    const again = await couch(server.url, `/${DB}/${photo._id}`, json({ ...photo, _rev: deleted.body.rev }), user(TABLET));
    expect(again).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/revision|does not come back/) } });
  });

  it('refuses what is not a photo as the app makes them: another format, too large, another revision, an id that is not its hash', async () => {
    const photo = await photoOf(3);
    const png = { ...photo, data: 'iVBORw0KGgo' + photo.data.slice(11) };
    const large = { ...photo, data: '/9j/' + 'A'.repeat(PHOTO_DOC_DATA_MAX) };
    const wide = { ...photo, width: PHOTO.longSide + 1 };
    const rev = { ...photo, _rev: `1-${'0'.repeat(32)}` };
    const id = { ...photo, _id: `photo-${'a'.repeat(64)}` };
    for (const doc of [png, large, wide, rev, id]) {
      expect((await bulk([doc], user(TABLET))).body, JSON.stringify(doc).slice(0, 120)).toEqual([expect.objectContaining({ error: 'forbidden' })]);
    }
  });
});
