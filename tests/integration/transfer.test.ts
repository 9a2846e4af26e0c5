import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkBackup, createBackup, restoreBackup, importWorkshop, ensureStarted } from '../../src/data/commands';
import * as cmd from '../../src/data/commands';
import { db, storedLevel } from '../../src/data/store';
import { parseCsv } from '../../src/domain/transfer/csv';
import { readMatrix } from '../../src/domain/transfer/matrixImport';
import { guessLayout } from '../../src/domain/transfer/matrixLayout';
import { freshDatabase, snapshotProjections } from './helpers';
import { cellHistory, deviceStanding } from '../../src/data/queries';

let lead: { actor: string };
const defaults = { team: 'Geïmporteerd', station: 'Algemeen' };
const read = (csv: string) => {
  const { grid } = parseCsv(csv);
  return readMatrix(grid, guessLayout(grid)!);
};

const sheet = ['Naam;Team;Afkorten;Lengtezagen', 'Jan de Vries;Machinaal;U;L', 'Fatima El Amrani;Machinaal;O;', 'Lotte Jansen;Montage;;I'].join('\r\n');

describe('importing a matrix', () => {
  beforeEach(async () => {
    await freshDatabase();
    const first = await cmd.createFirstLead({ name: 'Kees', teamName: 'Machinaal', pin: '1234' });
    if (!first.ok) throw new Error();
    lead = { actor: first.value.id };
  });

  it('a dry run says what would change and writes nothing; levels lower than now are kept unless asked', async () => {
    await importWorkshop(read(sheet), defaults, lead);
    const before = await db.events.count();
    const lower = ['Naam;Team;Afkorten;Lengtezagen', 'Jan de Vries;Machinaal;L;O', 'Nieuw Persoon;Nachtploeg;I;'].join('\r\n');
    const dry = await importWorkshop(read(lower), defaults, lead, { keepHigher: true, dryRun: true });
    expect(dry).toEqual({ ok: true, value: { teams: 1, stations: 0, skills: 0, workers: 1, levels: 2, up: 2, down: 0, kept: 1 } });
    expect(await db.events.count()).toBe(before);
    expect(await importWorkshop(read(lower), defaults, lead, { dryRun: true })).toMatchObject({ ok: true, value: { levels: 3, up: 2, down: 1, kept: 0 } });
    await importWorkshop(read(lower), defaults, lead, { keepHigher: true });
    const jan = (await db.workers.toArray()).find((w) => w.name === 'Jan de Vries')!;
    const skill = async (name: string) => (await db.skills.toArray()).find((s) => s.name === name)!.id;
    expect(await storedLevel(jan.id, await skill('Afkorten'))).toMatchObject({ level: 'U' });
    expect(await storedLevel(jan.id, await skill('Lengtezagen'))).toMatchObject({ level: 'O' });
  });

  it('creates people, teams, stations and skills by name, with confirmed levels', async () => {
    const r = await importWorkshop(read(sheet), defaults, lead);
    expect(r).toEqual({ ok: true, value: { teams: 1, stations: 1, skills: 2, workers: 3, levels: 4, up: 4, down: 0, kept: 0 } });
    expect((await db.teams.toArray()).map((t) => t.name).sort()).toEqual(['Machinaal', 'Montage']);
    expect((await db.stations.toArray()).map((s) => s.name)).toEqual(['Algemeen']);
    const jan = (await db.workers.toArray()).find((w) => w.name === 'Jan de Vries')!;
    const afkorten = (await db.skills.toArray()).find((s) => s.name === 'Afkorten')!;
    expect(await storedLevel(jan.id, afkorten.id)).toMatchObject({ level: 'U', by: lead.actor });
    // One event per imported person's row, and each cell's timeline still shows its own part.
    const rows = await db.events.where('type').equals('levels.recorded').toArray();
    expect(rows.map((e) => (e.payload as { cells: unknown[] }).cells.length).sort()).toEqual([1, 1, 2]);
    const timeline = await cellHistory(jan.id, afkorten.id);
    expect(timeline).toHaveLength(1);
    expect(timeline[0]!.payload).toEqual({ workerId: jan.id, cells: [{ skillId: afkorten.id, level: 'U', note: '' }] });
  });

  it('answers a waiting claim when the import confirms that cell', async () => {
    await importWorkshop(read(sheet), defaults, lead);
    const jan = (await db.workers.toArray()).find((w) => w.name === 'Jan de Vries')!;
    const afkorten = (await db.skills.toArray()).find((s) => s.name === 'Afkorten')!;
    await cmd.setLevel({ workerId: jan.id, skillId: afkorten.id, level: 'O', status: 'claimed' }, { actor: jan.id });
    expect(await importWorkshop(read(sheet.replace('Jan de Vries;Machinaal;U;L', 'Jan de Vries;Machinaal;O;L')), defaults, lead)).toMatchObject({ ok: true, value: { levels: 1 } });
    expect(await storedLevel(jan.id, afkorten.id)).toMatchObject({ level: 'O', claim: null, outcome: { kind: 'confirmed', claimedLevel: 'O' } });
  });

  it('a second import updates by name and does not duplicate', async () => {
    await importWorkshop(read(sheet), defaults, lead);
    const again = await importWorkshop(read(sheet.replace('Jan de Vries;Machinaal;U;L', 'JAN DE VRIES;Montage;O;L')), defaults, lead);
    expect(again).toEqual({ ok: true, value: { teams: 0, stations: 0, skills: 0, workers: 0, levels: 1, up: 1, down: 0, kept: 0 } });
    expect(await db.workers.count()).toBe(4);
    const jan = (await db.workers.toArray()).find((w) => w.name === 'Jan de Vries')!;
    expect((await db.teams.get(jan.teamId))!.name).toBe('Montage');
  });

  it('a sheet without a station row finds a skill at its station by name, when only one has that name', async () => {
    await importWorkshop(read(['Zagen;;Afwerking;Voorbewerking', 'Naam;Afkorten;Schuren;Schuren', 'Jan de Vries;U;L;I'].join('\r\n')), defaults, lead);
    const skillsBefore = await db.skills.count();
    const again = await importWorkshop(read(['Naam;Afkorten;Schuren', 'Jan de Vries;O;U'].join('\r\n')), defaults, lead);
    // Afkorten is the one at Zagen; "Schuren" is at two stations, so it is not guessed: a new one under the default station.
    expect(again).toMatchObject({ ok: true, value: { skills: 1, stations: 1 } });
    expect(await db.skills.count()).toBe(skillsBefore + 1);
    const jan = (await db.workers.toArray()).find((w) => w.name === 'Jan de Vries')!;
    const afkorten = (await db.skills.toArray()).filter((s) => s.name === 'Afkorten');
    expect(afkorten).toHaveLength(1);
    expect(await storedLevel(jan.id, afkorten[0]!.id)).toMatchObject({ level: 'O' });
  });

  it('a name typed with a combining accent is the person already there, and is stored precomposed', async () => {
    await importWorkshop(read(['Naam;Afkorten', 'Zo\u00eb de Wit;U'].join('\r\n')), defaults, lead);
    const again = await importWorkshop(read(['Naam;Afkorten', 'Zoe\u0308  de Wit;O'].join('\r\n')), defaults, lead);
    expect(again).toMatchObject({ ok: true, value: { workers: 0, levels: 1 } });
    expect((await db.workers.toArray()).filter((w) => w.name.startsWith('Zo')).map((w) => w.name)).toEqual(['Zo\u00eb de Wit']);
  });

  it('refuses a file with problems and changes nothing', async () => {
    const before = await snapshotProjections();
    const count = await db.events.count();
    const bad = read(sheet + '\r\nPiet;Machinaal;Q;U');
    expect(bad.problems).toHaveLength(1);
    expect(await importWorkshop(bad, defaults, lead)).toEqual({ ok: false, errors: [{ field: '', key: 'import.fixFirst' }] });
    expect(await db.events.count()).toBe(count);
    expect(await snapshotProjections()).toEqual(before);
  });

  it('only the lead imports', async () => {
    expect((await importWorkshop(read(sheet), defaults, { actor: null })).ok).toBe(false);
    expect(await db.workers.count()).toBe(1);
  });
});

describe('backup and restore', () => {
  beforeEach(freshDatabase);

  it('a restored backup gives the same tables; PINs are not in it', async () => {
    await ensureStarted();
    const kees = (await db.workers.toArray()).find((w) => w.role === 'lead')!;
    await cmd.setLevel({ workerId: kees.id, skillId: (await db.skills.toArray())[0]!.id, level: 'O', status: 'claimed' }, { actor: kees.id });
    const before = await snapshotProjections({ signer: false });
    const file = JSON.stringify(await createBackup());
    expect(file).not.toContain((await db.credentials.get(kees.id))!.hash);

    await freshDatabase();
    const check = await checkBackup(file);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.summary).toMatchObject({ people: 14, skills: 24 });
    expect(await restoreBackup(check.backup, { actor: null })).toMatchObject({ ok: true });
    // A new tablet with no other device of the company: it takes the log on as its own.
    expect(await snapshotProjections({ signer: false })).toEqual(before);
    expect(await deviceStanding()).toBe('member');
    const here = (await db.meta.get('deviceId'))!.value;
    expect((await db.events.toArray()).every((e) => e.device === here && e.sig)).toBe(true);
    expect(await db.credentials.count()).toBe(0);
    expect((await db.meta.get('started'))?.value).toBe('demo');
  });

  it('refuses a broken file before touching anything', async () => {
    await ensureStarted();
    const before = await snapshotProjections();
    const good = await createBackup();
    const cases: [string, string][] = [
      ['{ not json', 'backup.notJson'],
      [JSON.stringify({ hello: 1 }), 'backup.notBackup'],
      [JSON.stringify({ ...good, version: 99 }), 'backup.tooNew'],
      [JSON.stringify({ ...good, events: [...good.events.slice(0, 3), { ...good.events[3], type: 'level.set', payload: { level: 'X' } }] }), 'backup.badEvent'],
      [JSON.stringify({ ...good, events: [good.events[0], good.events[0]] }), 'backup.duplicateEvent'],
      [JSON.stringify({ ...good, version: 0 }), 'backup.notBackup'],
      [JSON.stringify({ ...good, createdAt: 'gisteren' }), 'backup.notBackup'],
      [JSON.stringify({ ...good, meta: { ...good.meta, kioskPolicy: { maxAttempts: 1e9, lockMinutes: 0 } } }), 'backup.badSettings'],
      [JSON.stringify({ ...good, meta: { ...good.meta, started: 'hacked' } }), 'backup.badSettings'],
      [JSON.stringify({ ...good, events: [...good.events, { ...good.events.at(-1), id: 'ander-id-1234', actor: 'niemand' }] }), 'backup.refusedEvent'],
    ];
    for (const [text, key] of cases) expect(await checkBackup(text)).toMatchObject({ ok: false, key });
    // Checked by size before it is read (the real limit, 256 MB, is too big for a test).
    expect(await checkBackup(JSON.stringify(good), { maxBytes: 1024 })).toMatchObject({ ok: false, key: 'file.tooBig', params: { mb: 1 / 1024 } });
    expect(await snapshotProjections()).toEqual(before);
  });

  it('any corruption of one event is caught by the check', () => {
    return ensureStarted().then(async () => {
      const good = await createBackup();
      await fc.assert(
        fc.asyncProperty(fc.nat(good.events.length - 1), fc.constantFrom('id', 'at', 'type', 'payload', 'refs', 'actor', 'key', 'sig'), fc.constantFrom(null, 42, '', 'x'), async (i, field, value) => {
          fc.pre((good.events[i] as Record<string, unknown>)[field] !== value);
          const events = good.events.map((e, j) => (j === i ? { ...e, [field]: value } : e));
          expect((await checkBackup(JSON.stringify({ ...good, events }))).ok).toBe(false);
        }),
        { numRuns: 100 },
      );
    });
  });
});
