import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as cmd from '../../src/data/commands';
import { CouchTransport, toDoc } from '../../src/data/sync/couchTransport';
import { applyRemote, checkWithServer, connect, disconnect, stopSync, syncOnce } from '../../src/data/sync/syncEngine';
import { db, deletePhotosOf, sha256Hex } from '../../src/data/store';
import { photoDocId, toPhotoDoc } from '../../src/domain/photoDocs';
import { couch } from './couchServer';
import { couchForFile, phoneEdit, smallWorkshop, type WorkshopIds } from './syncWorkshop';
import { freshDatabase } from './helpers';

/**
 * Photos beside the events: stored with the event that names them (or not at all), pushed and
 * pulled as documents of their own, judged on arrival, and a deleted one never sent back.
 */
let dbName: string;
let ids: WorkshopIds;
const env = couchForFile();

/** The start of a JPEG (a 120 × 80 frame header) and some bytes: what the checks read (nothing decodes it here). */
const jpeg = (fill: number) => new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0, 80, 0, 120, 3, ...new Array(300).fill(fill)]);
const photo = (fill: number) => ({ bytes: jpeg(fill), width: 120, height: 80 });
const put = (docs: unknown[]) => couch(env.server.url, `/${dbName}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs, new_edits: false }) });
const serverDoc = (id: string) => couch(env.server.url, `/${dbName}/${id}`);
const lead = () => ({ actor: ids.lead });

beforeEach(async () => {
  await disconnect();
  await freshDatabase();
  dbName = `fotos-${Math.random().toString(36).slice(2, 8)}`;
  expect((await couch(env.server.url, `/${dbName}`, { method: 'PUT' })).status).toBe(201);
  ids = await smallWorkshop();
});

async function connectHere() {
  expect(await connect({ url: env.server.url, db: dbName, user: '', password: '' })).toEqual({ ok: true });
  stopSync(); // the test drives the rounds itself
  await syncOnce();
}

describe('a work instruction and its photos', () => {
  it('are stored together; the event names the photo by its hash and carries no bytes', async () => {
    const result = await cmd.saveInstruction(
      ids.skill,
      [
        { title: 'Meten', keyPoints: 'Twee keer', reasons: '', photo: photo(1) },
        { title: 'Zagen', keyPoints: '', reasons: '' },
      ],
      lead(),
    );
    expect(result.ok).toBe(true);
    const [event] = await db.events.where('type').equals('instruction.saved').toArray();
    const hash = await sha256Hex(jpeg(1));
    expect(event!.payload).toEqual({
      skillId: ids.skill,
      version: 1,
      steps: [
        { title: 'Meten', keyPoints: 'Twee keer', reasons: '', photo: hash },
        { title: 'Zagen', keyPoints: '', reasons: '' },
      ],
    });
    expect(JSON.stringify(event).length).toBeLessThan(2000);
    expect(await db.photos.get(hash)).toMatchObject({ workerId: null, width: 120, height: 80 });
    // The next save is the next version; the photo kept by its hash.
    expect(await cmd.saveInstruction(ids.skill, [{ title: 'Meten', keyPoints: '', reasons: '', photo: hash }], lead())).toMatchObject({ ok: true, value: { version: 2 } });
    // Saved again as it is: no new version, no event.
    expect(await cmd.saveInstruction(ids.skill, [{ title: 'Meten ', keyPoints: '', reasons: '', photo: hash }], lead())).toMatchObject({ ok: true, value: { version: 2 } });
    expect(await db.events.where('type').equals('instruction.saved').count()).toBe(2);
  });

  it('refuses an empty step, a photo that is no JPEG, and someone who may not write it; nothing stored', async () => {
    expect(
      await cmd.saveInstruction(
        ids.skill,
        [
          { title: 'Meten', keyPoints: '', reasons: '' },
          { title: ' ', keyPoints: '', reasons: '' },
        ],
        lead(),
      ),
    ).toEqual({
      ok: false,
      errors: [{ field: 'steps.1.title', key: 'instruction.error.emptyStep', params: { n: 2 } }],
    });
    expect(await cmd.saveInstruction(ids.skill, [], lead())).toMatchObject({ ok: false, errors: [{ key: 'instruction.error.noSteps' }] });
    const png = { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), width: 1, height: 1 };
    expect(await cmd.saveInstruction(ids.skill, [{ title: 'Meten', keyPoints: '', reasons: '', photo: png }], lead())).toMatchObject({
      ok: false,
      errors: [{ field: 'steps.0.photo', key: 'photo.error.notImage' }],
    });
    expect(await cmd.saveInstruction(ids.skill, [{ title: 'Meten', keyPoints: '', reasons: '' }], { actor: ids.jan })).toMatchObject({ ok: false, errors: [{ key: 'instruction.error.mayNotWrite' }] });
    expect(await db.events.where('type').equals('instruction.saved').count()).toBe(0);
    expect(await db.photos.count()).toBe(0);
  });

  it('a colleague at O for the skill may write it, as the gate judges it too', async () => {
    expect((await cmd.setLevel({ workerId: ids.jan, skillId: ids.skill, level: 'O', status: 'confirmed' }, lead())).ok).toBe(true);
    const saved = await cmd.saveInstruction(ids.skill, [{ title: 'Meten', keyPoints: '', reasons: '' }], { actor: ids.jan });
    expect(saved).toMatchObject({ ok: true, value: { version: 1 } });
    const [event] = await db.events.where('type').equals('instruction.saved').toArray();
    expect(event!.actor).toBe(ids.jan);
  });

  it('a full disk: a clear message, and neither the photo nor the event is stored', async () => {
    const spy = vi.spyOn(db.photos, 'bulkAdd').mockImplementation(() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) as never);
    try {
      expect(await cmd.saveInstruction(ids.skill, [{ title: 'Meten', keyPoints: '', reasons: '', photo: photo(2) }], lead())).toEqual({ ok: false, errors: [{ field: '', key: 'error.storageFull' }] });
    } finally {
      spy.mockRestore();
    }
    expect(await db.events.where('type').equals('instruction.saved').count()).toBe(0);
    expect(await db.photos.count()).toBe(0);
  });

  it("deletePhotosOf removes a person's evidence photos on this device, not the company's", async () => {
    await db.photos.bulkPut([
      { hash: 'a'.repeat(64), bytes: jpeg(3), width: 120, height: 80, workerId: ids.jan, storedAt: 1 },
      { hash: 'b'.repeat(64), bytes: jpeg(4), width: 120, height: 80, workerId: null, storedAt: 1 },
    ]);
    expect(await deletePhotosOf(ids.jan)).toBe(1);
    expect(await db.photos.toCollection().primaryKeys()).toEqual(['b'.repeat(64)]);
  });
});

describe('photos through the server', () => {
  it('go up as photo documents after their events, and come down to a device that lacks them', async () => {
    await connectHere();
    expect((await cmd.saveInstruction(ids.skill, [{ title: 'Meten', keyPoints: '', reasons: '', photo: photo(5) }], lead())).ok).toBe(true);
    expect(await db.photoOutbox.count()).toBe(1);
    await syncOnce();
    expect(await db.photoOutbox.count()).toBe(0);
    const hash = await sha256Hex(jpeg(5));
    expect((await serverDoc(photoDocId(hash))).body).toMatchObject({ kind: 'photo', hash, width: 120, height: 80, workerId: null });

    // This device loses the photo (a new tablet would not have it): "Controleren" fetches it.
    await db.photos.clear();
    await checkWithServer();
    expect(await db.photos.get(hash)).toMatchObject({ hash, width: 120 });
  });

  it('a bad photo from the server is refused with why, and does not stop what comes after', async () => {
    await connectHere();
    const good = toPhotoDoc({ hash: await sha256Hex(jpeg(6)), bytes: jpeg(6), width: 120, height: 80, workerId: null });
    const wrongHash = { ...toPhotoDoc({ hash: await sha256Hex(jpeg(7)), bytes: jpeg(8), width: 120, height: 80, workerId: null }) };
    const notJpeg = { ...toPhotoDoc({ hash: 'c'.repeat(64), bytes: new TextEncoder().encode('Naam;Team'), width: 120, height: 80, workerId: null }) };
    const later = await phoneEdit(ids, 'U', Date.now());
    expect((await put([wrongHash, notJpeg, good, toDoc(later)])).status).toBe(201);
    await syncOnce();
    expect(await db.photos.get(good.hash)).toBeTruthy();
    expect(await db.photos.get(wrongHash.hash)).toBeUndefined();
    expect(await db.events.get(later.id)).toBeTruthy();
    const refused = await db.refused.where('code').anyOf('badId', 'malformed').toArray();
    expect(refused.filter((r) => r.type === 'photo').map((r) => [r.code, r.detail])).toEqual(
      expect.arrayContaining([
        ['badId', 'bytes are not what the hash names'],
        ['malformed', 'photo.error.notImage'],
      ]),
    );
  });

  it('a device deletes a person\'s photos on the server (for "forget me"); the company\'s stay', async () => {
    await connectHere();
    const evidence = { hash: await sha256Hex(jpeg(10)), bytes: jpeg(10), width: 120, height: 80, workerId: ids.jan, storedAt: 1 };
    const material = { hash: await sha256Hex(jpeg(11)), bytes: jpeg(11), width: 120, height: 80, workerId: null, storedAt: 1 };
    await db.photos.bulkPut([evidence, material]);
    await db.photoOutbox.bulkPut([{ hash: evidence.hash }, { hash: material.hash }]);
    await syncOnce();
    const client = new CouchTransport({ url: env.server.url, db: dbName, user: '', password: '' });
    expect(await client.deletePhotos([evidence.hash, 'f'.repeat(64)])).toBe(1);
    expect(await deletePhotosOf(ids.jan)).toBe(1);
    expect((await serverDoc(photoDocId(evidence.hash))).status).toBe(404);
    expect((await serverDoc(photoDocId(material.hash))).status).toBe(200);
    expect(await client.deletePhotos([evidence.hash])).toBe(0);
  });

  it('forgetting a person deletes their photos here and on the server; one of theirs arriving later is not kept', async () => {
    await connectHere();
    const evidence = { hash: await sha256Hex(jpeg(12)), bytes: jpeg(12), width: 120, height: 80, workerId: ids.jan, storedAt: 1 };
    const material = { hash: await sha256Hex(jpeg(13)), bytes: jpeg(13), width: 120, height: 80, workerId: null, storedAt: 1 };
    await db.photos.bulkPut([evidence, material]);
    await db.photoOutbox.bulkPut([{ hash: evidence.hash }, { hash: material.hash }]);
    await syncOnce();
    expect((await serverDoc(photoDocId(evidence.hash))).status).toBe(200);
    expect((await cmd.forgetWorker({ id: ids.jan, reason: 'request' }, lead())).ok).toBe(true);
    expect(await db.photos.get(evidence.hash)).toBeUndefined();
    await syncOnce();
    expect((await serverDoc(photoDocId(evidence.hash))).status).toBe(404);
    expect((await serverDoc(photoDocId(material.hash))).status).toBe(200);
    // Another device that had not heard yet sends it again: this device does not keep it.
    await applyRemote([{ ...toPhotoDoc(evidence), id: photoDocId(evidence.hash) }]);
    expect(await db.photos.get(evidence.hash)).toBeUndefined();
  });

  it('the same picture as a session photo and in a work instruction: forgetting the person keeps the instruction’s', async () => {
    const shared = { hash: await sha256Hex(jpeg(14)), bytes: jpeg(14), width: 120, height: 80, workerId: ids.jan, storedAt: 1 };
    await db.photos.put(shared);
    expect(await cmd.saveInstruction(ids.skill, [{ title: 'Meten', keyPoints: '', reasons: '', photo: shared.hash }], lead())).toMatchObject({ ok: true });
    expect((await cmd.forgetWorker({ id: ids.jan, reason: 'left' }, lead())).ok).toBe(true);
    expect(await db.photos.get(shared.hash)).toMatchObject({ workerId: null });
    expect((await db.meta.get('photosToErase'))?.value ?? []).not.toContain(shared.hash);
  });

  it('a photo deleted on the server (its person forgotten) is not sent back by a device that still has it', async () => {
    await connectHere();
    const evidence = { hash: await sha256Hex(jpeg(9)), bytes: jpeg(9), width: 120, height: 80, workerId: ids.jan, storedAt: 1 };
    await db.photos.put(evidence);
    await db.photoOutbox.put({ hash: evidence.hash });
    await syncOnce();
    const doc = await serverDoc(photoDocId(evidence.hash));
    expect(doc.status).toBe(200);
    expect((await couch(env.server.url, `/${dbName}/${photoDocId(evidence.hash)}?rev=${doc.body._rev}`, { method: 'DELETE' })).status).toBe(200);
    // The whole outbox again (as after a reconnect), and a repair that compares ids.
    await db.photoOutbox.put({ hash: evidence.hash });
    await syncOnce();
    await checkWithServer();
    expect((await serverDoc(photoDocId(evidence.hash))).status).toBe(404);
  });
});
