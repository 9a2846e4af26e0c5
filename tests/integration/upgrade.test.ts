import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, SCHEMA_V1, rebuildProjections, resetClockForTests, allLevels, storedLevel } from '../../src/data/store';
import { normaliseLevel } from '../../src/domain/model';
import { snapshotProjections } from './helpers';

/** A database written by release v1 (schema 1), kept as a fixture: tests/fixtures/vaardig-v1.json. */
const fixture = JSON.parse(readFileSync(new URL('../fixtures/vaardig-v1.json', import.meta.url), 'utf8')) as {
  version: number;
  tables: Record<string, unknown[]>;
};

async function writeV1Database() {
  db.close();
  await db.delete();
  const v1 = new Dexie('vaardig');
  v1.version(1).stores(SCHEMA_V1);
  await v1.open();
  await v1.transaction('rw', v1.tables, async () => {
    for (const [name, rows] of Object.entries(fixture.tables)) await v1.table(name).bulkAdd(rows);
  });
  v1.close();
}

describe('schema upgrade from the v1 fixture', () => {
  beforeEach(async () => {
    resetClockForTests();
    await writeV1Database();
  });

  it('keeps every event and refolds the projections into the new shape', async () => {
    expect(fixture.version).toBe(1);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.events.count()).toBe(fixture.tables.events!.length);
    expect(await db.workers.count()).toBe(fixture.tables.workers!.length);
    expect(await db.skills.count()).toBe(24);

    const workers = await db.workers.toArray();
    expect(workers.every((w) => w.role === 'worker' && w.showInitials === false && w.coachSince === null)).toBe(true);

    const levels = (await allLevels()).map(normaliseLevel);
    const oldClaims = (fixture.tables.levels as { status: string }[]).filter((l) => l.status === 'claimed').length;
    expect(levels.filter((l) => l.claim).length).toBe(oldClaims);
    expect(levels.some((l) => 'status' in l)).toBe(false);

    // Nadia's claim (L) was later confirmed at U: confirmed U, no claim left.
    const nadia = workers.find((w) => w.name === 'Nadia Azizi')!;
    const afkorten = (await db.skills.toArray()).find((s) => s.name === 'Afkorten')!;
    expect(normaliseLevel((await storedLevel(nadia.id, afkorten.id))!)).toMatchObject({ level: 'U', claim: null });

    expect(await db.meta.get('started')).toMatchObject({ value: 'demo' });
    const before = await snapshotProjections();
    await rebuildProjections();
    expect(await snapshotProjections()).toEqual(before);
  });
});
