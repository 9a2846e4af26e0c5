import { beforeEach, describe, expect, it } from 'vitest';
import { db, rebuildProjections, allLevels } from '../../src/data/store';
import { loadFactory, signIn, ensureStarted } from '../../src/data/commands';
import { planFactory } from '../../src/domain/factoryPlan';
import { normaliseLevel } from '../../src/domain/model';
import { signatureHolds } from '../../src/data/gate';
import { contentHash, contentHashes, ROOT_EVENT_ID } from '../../src/domain/identity/eventIdentity';
import { freshDatabase, snapshotProjections } from './helpers';

describe('loading the synthetic factory', () => {
  beforeEach(freshDatabase);

  it('fills an empty database, projections and all, with a lead who can sign in', async () => {
    const spec = { workers: 40, skills: 25, seed: 3 };
    const written = await loadFactory(spec);
    const plan = planFactory(spec);
    expect(await db.workers.count()).toBe(40);
    expect(await db.skills.count()).toBe(25);
    const confirmed = (await allLevels()).map(normaliseLevel).filter((l) => l.level !== '-');
    expect(confirmed).toHaveLength(plan.cells.filter((c) => c.level !== '-').length);
    // Every cell with a level or a claim is one level record.
    expect(written).toBe(plan.cells.length);
    expect(await allLevels()).toHaveLength(plan.cells.length);
    // Confirmed rows are a few events per person, not one per cell.
    expect(await db.events.where('type').equals('levels.recorded').count()).toBeLessThanOrEqual(40 * 13);
    // The fast first load writes exactly what folding the log gives.
    const loaded = await snapshotProjections();
    expect(loaded.columnsMatchRows).toBe(true);
    await rebuildProjections();
    expect(await snapshotProjections()).toEqual(loaded);
    const lead = (await db.workers.toArray()).find((w) => w.role === 'lead')!;
    expect(await signIn(lead.id, '1234')).toEqual({ kind: 'ok' });
    expect((await db.meta.get('started'))?.value).toBe('own');
  });

  it('a factory of more events than one signed chunk: every event stored once, named by its hash and signed', async () => {
    // 150 × 80: some 2,600 events, more than one chunk that is signed and then written.
    await loadFactory({ workers: 150, skills: 80, seed: 5 });
    const events = await db.events.toArray();
    expect(events.length).toBeGreaterThan(2_000);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.filter((e) => e.id !== ROOT_EVENT_ID && e.id !== contentHash(e))).toEqual([]);
    const unsigned = [];
    for (const e of events) if (!(await signatureHolds(e))) unsigned.push(e.id);
    expect(unsigned).toEqual([]);
    // The hashes taken all at once (WebCrypto) are the ones taken one by one.
    expect(await contentHashes(events.slice(0, 50))).toEqual(events.slice(0, 50).map((e) => contentHash(e)));
  });

  it('never writes over data that is there', async () => {
    await ensureStarted();
    const before = await db.events.count();
    expect(await loadFactory({ workers: 5, skills: 5, seed: 1 })).toBeNull();
    expect(await db.events.count()).toBe(before);
  });
});
