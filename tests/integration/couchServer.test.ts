import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchTransport } from '../../src/data/sync/couchTransport';
import { couch, startCouch } from './couchServer';

/**
 * What the tests (and the next issues) rely on from the CouchDB stand-in
 * (tests/couch/server.mjs): the CouchDB behaviour itself, checked here once.
 */
let server: Awaited<ReturnType<typeof startCouch>>;
beforeAll(async () => {
  server = await startCouch();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const json = (body: unknown): RequestInit => ({ method: 'PUT', body: JSON.stringify(body) });

describe('the CouchDB-compatible test server', () => {
  it('has databases, _bulk_docs with new_edits:false, _changes since a checkpoint and _all_docs', async () => {
    expect((await couch(server.url, '/werkplaats', { method: 'PUT' })).status).toBe(201);
    expect((await couch(server.url, '/werkplaats', { method: 'PUT' })).status).toBe(412);
    const docs = [1, 2, 3].map((i) => ({ _id: `e${i}`, _rev: `1-${String(i).repeat(32)}`, n: i }));
    const first = await couch(server.url, '/werkplaats/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs: docs.slice(0, 2), new_edits: false }) });
    expect(first.status).toBe(201);
    const since = (await couch(server.url, '/werkplaats/_changes?since=0')).body.last_seq;
    // The same documents again change nothing; a new one comes after the checkpoint.
    await couch(server.url, '/werkplaats/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs, new_edits: false }) });
    const changes = await couch(server.url, `/werkplaats/_changes?since=${encodeURIComponent(JSON.stringify(since))}&include_docs=true`);
    expect(changes.body.results.map((r: { id: string }) => r.id)).toEqual(['e3']);
    expect(changes.body.results[0].doc).toMatchObject({ _id: 'e3', n: 3 });
    const all = await couch(server.url, '/werkplaats/_all_docs?include_docs=true');
    expect(all.body.rows.map((r: { id: string }) => r.id)).toEqual(['e1', 'e2', 'e3']);
    expect((await couch(server.url, '/werkplaats')).body).toMatchObject({ db_name: 'werkplaats', doc_count: 3 });
    expect((await couch(server.url, '/bestaat-niet')).status).toBe(404);
  });

  it('answers a browser preflight from another origin (CORS)', async () => {
    const res = await fetch(`${server.url}/werkplaats/_bulk_docs`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:4173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const get = await fetch(`${server.url}/werkplaats`, { headers: { Origin: 'http://127.0.0.1:4173' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173');
  });

  it('runs validate_doc_update: a refused document gets 403 forbidden, per document in _bulk_docs too', async () => {
    const db = 'gevalideerd';
    await couch(server.url, `/${db}`, { method: 'PUT' });
    const ddoc = {
      validate_doc_update: `function (newDoc, oldDoc, userCtx) {
        if (newDoc._deleted) return;
        if (typeof newDoc.type !== 'string') throw({ forbidden: 'een gebeurtenis heeft een type' });
        if (newDoc.type === 'geheim' && userCtx.name !== 'beheer') throw({ unauthorized: 'alleen beheer' });
      }`,
    };
    expect((await couch(server.url, `/${db}/_design/regels`, json(ddoc))).status).toBe(201);

    const refused = await couch(server.url, `/${db}/zonder-type`, json({ n: 1 }));
    expect(refused).toEqual({ status: 403, body: { error: 'forbidden', reason: 'een gebeurtenis heeft een type' } });
    expect((await couch(server.url, `/${db}/zonder-type`)).status).toBe(404);
    expect((await couch(server.url, `/${db}/met-type`, json({ type: 'level.set' }))).status).toBe(201);

    // _bulk_docs (how sync pushes) answers per document.
    const bulk = await couch(server.url, `/${db}/_bulk_docs`, {
      method: 'POST',
      body: JSON.stringify({
        docs: [
          { _id: 'a', _rev: '1-aaaa', type: 'level.set' },
          { _id: 'b', _rev: '1-bbbb' },
        ],
        new_edits: false,
      }),
    });
    expect(bulk.body).toEqual([{ id: 'b', error: 'forbidden', reason: 'een gebeurtenis heeft een type' }]);
    expect((await couch(server.url, `/${db}/a`)).status).toBe(200);
    expect((await couch(server.url, `/${db}/b`)).status).toBe(404);

    // The function sees who writes (userCtx).
    expect((await couch(server.url, `/${db}/geheim-1`, json({ type: 'geheim' }))).status).toBe(401);
    await couch(server.url, '/_config/admins/beheer', json('geheim'));
    expect((await couch(server.url, `/${db}/geheim-1`, json({ type: 'geheim' }), 'beheer:geheim')).status).toBe(201);
    await couch(server.url, '/_config/admins/beheer', { method: 'DELETE' }, 'beheer:geheim');

    // And the app's client reports such a refusal as 'rejected'.
    const client = new CouchTransport({ url: server.url, db, user: '', password: '' });
    const event = { id: 'c0ffee00-0000-4000-8000-000000000000', type: undefined } as never;
    await expect(client.push([event])).rejects.toMatchObject({ kind: 'rejected' });
  });
});
