import { describe, expect, it } from 'vitest';
import { browserForFile, openApp, readLevels, readStore } from './chromium';

const env = browserForFile();

describe('the synthetic factory in the browser', () => {
  it('loads with every event signed (on the signing worker) and the matrix filled from the packed level documents', async () => {
    // 60 × 40: some 900 events, enough to be signed on the worker thread (signEvents).
    const { page, context, errors } = await openApp(env.browser, '/?factory=60x40&seed=1');
    await page.getByRole('grid').waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('vaardig:factory-load').length === 1);
    // A cell named for its person and skill: the rows were read from their packed documents.
    await page
      .getByRole('gridcell', { name: /^[A-Z][a-z]+ [^,]+, Taak 001: / })
      .first()
      .waitFor();
    const events = (await readStore(page, 'events')) as { id: string; key: string; sig: string }[];
    expect(events.length).toBeGreaterThan(500);
    // So many are signed on a worker thread: its script was fetched.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /signWorker/.test(e.name)))).toBe(true);
    // Each signature checked here by WebCrypto: over the event's id, which is its content hash.
    const bad = await page.evaluate(
      async (list) => {
        const bytes = (b64: string) => Uint8Array.from(atob(b64.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
        const hex = (h: string) => Uint8Array.from(h.match(/../g)!, (x) => parseInt(x, 16));
        const key = await crypto.subtle.importKey('raw', bytes(list[0]!.key), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
        const out: string[] = [];
        for (const e of list) if (!(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, bytes(e.sig), hex(e.id)))) out.push(e.id);
        return out;
      },
      events.filter((e) => e.id !== 'vaardig-root'),
    );
    expect(bad).toEqual([]);
    expect((await readLevels(page)).length).toBeGreaterThan(60 * 40 * 0.5);
    expect(errors).toEqual([]);
    await context.close();
  });
});
