import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, SCHEMA_V1, initClock, rebuildProjections, resetClockForTests, allLevels, storedLevel } from '../../src/data/store';
import { checkBackup, createBackup, ensureStarted, restoreBackup } from '../../src/data/commands';
import { admitReceived } from '../../src/data/gate';
import { ROOT_EVENT_ID } from '../../src/domain/identity/eventIdentity';
import { normaliseLevel } from '../../src/domain/model';
import { freshDatabase, snapshotProjections } from './helpers';

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

describe('a log from before events were signed', () => {
  beforeEach(async () => {
    resetClockForTests();
    await writeV1Database();
  });

  it('is taken on by this device at the next start: every event signed here, the same tables', async () => {
    await db.open();
    await initClock();
    expect(await db.meta.get('unsignedLog')).toMatchObject({ value: true });
    const before = await snapshotProjections({ signer: false });
    await db.meta.put({ key: 'sync', value: { url: 'https://couch.veerman.nl', db: 'veerman', user: 'tablet' } });
    await ensureStarted();
    const events = await db.events.toArray();
    const here = (await db.meta.get('deviceId'))!.value;
    expect(events).toHaveLength(fixture.tables.events!.length + 1); // and its own enrolment as the first device
    expect(events.every((e) => e.device === here && e.sig && e.key)).toBe(true);
    expect(await db.events.get(ROOT_EVENT_ID)).toMatchObject({ type: 'device.enrolled', actor: null });
    expect(await snapshotProjections({ signer: false })).toEqual(before);
    expect(await db.meta.get('unsignedLog')).toBeUndefined();
    // It synced before: it is disconnected, and told why (its old server holds the unsigned log).
    expect(await db.meta.get('sync')).toBeUndefined();
    expect(await db.meta.get('syncBeforeSigning')).toMatchObject({ value: { db: 'veerman' } });
    // Another device admits the log as it is now.
    const log = await db.events.toArray();
    await freshDatabase();
    expect(await admitReceived(log, 'backup')).toMatchObject({ applied: log.length, refused: 0 });
  });

  it('a backup from before signing still restores, taken on by the restoring device', async () => {
    await freshDatabase();
    const old = { format: 'vaardig-backup', version: 1, createdAt: '2026-01-15T10:00:00.000Z', events: fixture.tables.events, meta: { started: 'demo' } };
    const check = await checkBackup(JSON.stringify(old));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(await restoreBackup(check.backup, { actor: null }, check.held)).toMatchObject({ ok: true });
    expect(await db.workers.count()).toBe(fixture.tables.workers!.length);
    expect((await db.events.toArray()).every((e) => e.sig)).toBe(true);
    // Half signed is not a Vaardig backup: one unsigned event among signed ones is refused.
    const signed = await createBackup();
    const { sig: _sig, ...bare } = signed.events.at(-1)!;
    expect(await checkBackup(JSON.stringify({ ...signed, events: [...signed.events.slice(0, -1), bare] }))).toMatchObject({ ok: false, params: { reason: 'gate.reason.unsigned' } });
  });
});

describe('level documents from schema 10 (cells as objects)', () => {
  it('are packed into one text each by the upgrade, and read the same', async () => {
    resetClockForTests();
    await freshDatabase();
    await ensureStarted();
    const records = await allLevels();
    const rows = await db.levelsByWorker.toArray();
    const columns = await db.levelsBySkill.toArray();
    expect(records.length).toBeGreaterThan(20);
    // The same documents as schema 10 stored them: their cells as objects.
    db.close();
    await Dexie.delete('vaardig');
    const v10 = new Dexie('vaardig');
    v10.version(10).stores({ levelsByWorker: 'workerId', levelsBySkill: 'skillId' });
    await v10.open();
    await v10.transaction('rw', v10.tables, async () => {
      await v10.table('levelsByWorker').bulkPut(rows.map((d) => ({ workerId: d.workerId, cells: JSON.parse(d.packed) as object })));
      await v10.table('levelsBySkill').bulkPut(columns.map((d) => ({ skillId: d.skillId, cells: JSON.parse(d.packed) as object })));
    });
    expect(typeof (await v10.table('levelsByWorker').toArray())[0].cells).toBe('object');
    v10.close();
    await db.open();
    expect(await db.levelsByWorker.toArray()).toEqual(rows);
    expect(await db.levelsBySkill.toArray()).toEqual(columns);
    expect(await allLevels()).toEqual(records);
  });
});
