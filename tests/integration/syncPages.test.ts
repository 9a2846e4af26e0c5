import { beforeEach, describe, expect, it } from 'vitest';
import { CouchTransport, toDoc } from '../../src/data/sync/couchTransport';
import { applyRemote, disconnect, pull, PULL_PAGE, pushOutbox } from '../../src/data/sync/syncEngine';
import { PUSH_BATCH } from '../../src/data/sync/sendEvents';
import { admitReceived } from '../../src/data/gate';
import * as cmd from '../../src/data/commands';
import { useSyncStatus } from '../../src/data/sync/syncStatus';
import { db, storedLevel } from '../../src/data/store';
import type { VaardigEvent } from '../../src/domain/events';
import { KEY_DOC_PREFIX } from '../../src/domain/privacy/keyDocument';
import { couch } from './couchServer';
import { couchForFile, smallWorkshop, type WorkshopIds } from './syncWorkshop';
import { eventOf, sign } from './testDevices';
import { freshDatabase } from './helpers';

/**
 * Sync in large pages (issue 19): a page of thousands of changes is screened, verified and
 * judged as a whole, yet a bad document in it is refused alone; copies of events the log
 * already holds are taken as known; the progress says how far a long pull is.
 */
const env = couchForFile();
let dbName: string;
let ids: WorkshopIds;
let client: CouchTransport;

const put = (docs: unknown[]) => couch(env.server.url, `/${dbName}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs, new_edits: false }) });

/** The lead's level edits for Jan on the phone, a millisecond apart, signed by the phone. */
async function phoneEdits(n: number, from: number): Promise<VaardigEvent[]> {
  const levels = ['I', 'L', 'U', 'O'] as const;
  return sign(
    [ids.phone],
    Array.from({ length: n }, (_, i) =>
      eventOf(ids.phone, 'level.set', { workerId: ids.jan, skillId: ids.skill, level: levels[i % 4]!, status: 'confirmed', note: `ronde ${i}` }, ids.lead, { wall: from + i, counter: 0 }),
    ),
  );
}

describe('sync in large pages', () => {
  beforeEach(async () => {
    await disconnect();
    await freshDatabase();
    dbName = `pages-${Math.random().toString(36).slice(2, 8)}`;
    expect((await couch(env.server.url, `/${dbName}`, { method: 'PUT' })).status).toBe(201);
    ids = await smallWorkshop();
    client = new CouchTransport({ url: env.server.url, db: dbName, user: '', password: '' });
    useSyncStatus.getState().set({ progress: null });
  });

  it('a forged and a malformed document in pages of thousands are refused alone; every other change comes in, with its progress', { timeout: 120_000 }, async () => {
    const edits = await phoneEdits(PULL_PAGE + 500, Date.now() + 1);
    // One in the middle of the first page carries another event's signature; one is no event at all.
    const victim = edits[PULL_PAGE / 2]!;
    const forged = { ...edits[PULL_PAGE / 2 + 1]!, sig: victim.sig };
    const docs = edits.map((e) => toDoc(e));
    docs[PULL_PAGE / 2 + 1] = toDoc(forged);
    docs.splice(PULL_PAGE / 4, 0, { _id: 'rommel', _rev: '1-abc', type: 'level.set', payload: { level: 'X' } } as never);
    expect((await put(docs)).status).toBe(201);

    const seen: { done: number; total: number; finished: boolean }[] = [];
    const unsubscribe = useSyncStatus.subscribe((s) => s.progress && seen.push({ ...s.progress }));
    const applied = await pull(client);
    unsubscribe();

    expect(applied).toBe(edits.length - 1);
    expect(await db.events.get(forged.id)).toBeUndefined();
    expect(await db.events.get(victim.id)).toBeDefined();
    expect(await db.events.get('rommel')).toBeUndefined();
    const refused = await db.refused.toArray();
    expect(refused.map((r) => r.code).sort()).toEqual(['badSignature', 'malformed']);
    // The last edit counts (they are a millisecond apart): every page was folded in.
    expect(await storedLevel(ids.jan, ids.skill)).toMatchObject({ level: (['I', 'L', 'U', 'O'] as const)[(edits.length - 1) % 4] });
    // The progress went up page by page, from nothing to all of it.
    expect(seen[0]).toMatchObject({ done: 0, finished: false });
    expect(seen.at(-1)).toMatchObject({ done: docs.length, total: docs.length, finished: true });
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    expect(seen.some((p) => !p.finished && p.done > 0 && p.done < p.total)).toBe(true);
  });

  it('the device pulls its own pushed events back as known ones; a copy with another signature is still refused', { timeout: 120_000 }, async () => {
    await db.outbox.bulkPut((await db.events.toArray()).map((e) => ({ id: e.id, at: e.at })));
    await pushOutbox(client);
    const before = await db.events.count();
    expect(await pull(client)).toBe(0);
    expect(await db.events.count()).toBe(before);
    expect(await db.refused.count()).toBe(0);

    // A copy of one of them that differs in its signature is no copy: checked, and refused apart.
    const [own, other] = await db.events.orderBy('at').reverse().limit(2).toArray();
    const result = await applyRemote([{ ...own!, sig: other!.sig }]);
    expect(result).toMatchObject({ applied: 0, refused: 1 });
    expect((await db.refused.toArray()).map((r) => r.code)).toEqual(['badSignature']);
    expect(await db.events.get(own!.id)).toEqual(own);
  });
  it('a push of several batches sends every event once, says how far it is, and takes along one made meanwhile', { timeout: 120_000 }, async () => {
    // Connected: what is made on this tablet goes into the outbox.
    await db.meta.put({ key: 'sync', value: { url: env.server.url, db: dbName, user: '' } });
    await admitReceived(await phoneEdits(PUSH_BATCH * 2 + 500, Date.now() + 1), 'sync');
    await db.outbox.bulkPut((await db.events.toArray()).map((e) => ({ id: e.id, at: e.at })));
    const total = await db.outbox.count();
    // While the first batch is on its way, the lead sets a level on this tablet.
    let batches = 0;
    const spy = Object.assign(Object.create(client) as CouchTransport, {
      push: async (events: VaardigEvent[]) => {
        if (++batches === 1) await cmd.setLevel({ workerId: ids.jan, skillId: ids.skill, level: 'U', status: 'confirmed' }, { actor: ids.lead });
        return client.push(events);
      },
    });
    const seen: { done: number; total: number; finished: boolean }[] = [];
    const unsubscribe = useSyncStatus.subscribe((s) => s.progress && seen.push({ ...s.progress }));
    await pushOutbox(spy);
    unsubscribe();

    expect(batches).toBeGreaterThanOrEqual(3);
    expect(await db.outbox.count()).toBe(0);
    const { body } = await couch(env.server.url, `/${dbName}/_all_docs`);
    const remote = (body.rows as { id: string }[]).map((r) => r.id).filter((id) => !id.startsWith(KEY_DOC_PREFIX));
    expect(remote.sort()).toEqual((await db.events.toArray()).map((e) => e.id).sort());
    expect(seen[0]).toMatchObject({ done: 0, total, finished: false });
    expect(seen.at(-1)).toMatchObject({ done: total, total, finished: true });
    expect(seen.some((p) => p.done > 0 && p.done < total)).toBe(true);
  });
});
