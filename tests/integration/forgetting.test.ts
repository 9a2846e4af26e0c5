import { beforeEach, describe, expect, it } from 'vitest';
import * as cmd from '../../src/data/commands';
import { admitReceived } from '../../src/data/gate';
import { coachingOverview, fundReportRows, matrixSheet, peopleSheet } from '../../src/data/queries';
import { readAll } from '../../src/data/queries/readTables';
import { db, storedLevel } from '../../src/data/store';
import { connect, disconnect, stopSync, syncOnce } from '../../src/data/sync/syncEngine';
import { keyDocId } from '../../src/domain/privacy/keyDocument';
import { EXAMPLE_QUALIFICATION } from '../../src/domain/exampleQualification';
import { periodOfDays } from '../../src/domain/fundReport';
import { qualificationId } from '../../src/domain/qualification';
import { localDay } from '../../src/ui/format';
import { couch } from './couchServer';
import { freshDatabase } from './helpers';
import { couchForFile, smallWorkshop, type WorkshopIds } from './syncWorkshop';
import { eventOf, sign } from './testDevices';

/**
 * Forgetting a person on a log that never forgets: their name and texts are sealed with their
 * own key (crypto-shredding), so erasing the key everywhere erases them, while the facts stay.
 * Names and notes here are long and unusual, so that finding them is never chance.
 */
const NAME = 'Jannigje Zwartkruis';
const CLAIM_NOTE = 'rugpijn-bij-het-tillen';
const LEAD_NOTE = 'Jannigje-werkt-secuur';
const PRACTISED = 'oefende-pen-en-gat-verbinding';
const TRACES = [NAME, 'Jannigje', CLAIM_NOTE, LEAD_NOTE, PRACTISED];

let ids: WorkshopIds & { person: string };
const env = couchForFile();
let dbName: string;

/** Every table of this device's IndexedDB, as one text. */
async function everythingStored(): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return JSON.stringify(tables);
}

const tracesIn = (text: string) => TRACES.filter((trace) => text.includes(trace));

async function personWithHistory() {
  const lead = { actor: ids.lead };
  const made = await cmd.createWorker({ name: NAME, teamId: (await db.workers.get(ids.lead))!.teamId }, lead);
  if (!made.ok) throw new Error('not made');
  const person = made.value.id;
  await cmd.setPin(person, '4321', lead);
  await cmd.setLevel({ workerId: person, skillId: ids.skill, level: 'L', status: 'claimed', note: CLAIM_NOTE }, { actor: person });
  await cmd.confirmClaim({ workerId: person, skillId: ids.skill, level: 'U', note: LEAD_NOTE }, lead);
  await cmd.setLevel({ workerId: ids.jan, skillId: ids.skill, level: 'O', status: 'confirmed' }, lead);
  await cmd.changeWorker({ id: ids.jan, coachSince: '2025-01-01' }, lead);
  const session = await cmd.recordSession(
    { coachId: ids.jan, learnerId: person, skillId: ids.skill, assignmentId: null, date: new Date().toISOString().slice(0, 10), minutes: 45, practised: PRACTISED, levelReached: null },
    '4321',
    { actor: ids.jan },
  );
  if (!session.ok) throw new Error(`session: ${JSON.stringify(session.errors)}`);
  return person;
}

describe('forgetting a person', () => {
  beforeEach(async () => {
    await disconnect();
    await freshDatabase();
    const workshop = await smallWorkshop();
    ids = { ...workshop, person: '' };
    ids.person = await personWithHistory();
    dbName = `vergeet-${Math.random().toString(36).slice(2, 8)}`;
    await couch(env.server.url, `/${dbName}`, { method: 'PUT' });
  });

  it('the log holds their name and texts only sealed; the screens read them', async () => {
    expect(tracesIn(JSON.stringify(await db.events.toArray()))).toEqual([]);
    expect((await readAll('workers')).find((w) => w.id === ids.person)?.name).toBe(NAME);
    expect(await storedLevel(ids.person, ids.skill)).toMatchObject({ level: 'U', note: LEAD_NOTE });
    expect((await db.sessions.toArray()).find((s) => s.learnerId === ids.person)?.practised).toBe(PRACTISED);
  });

  it('leaves no trace of them on this device, and the facts still add up', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const at = Date.now() + 60_000; // after every event so far
    const overview = await coachingOverview('2000-01-01', today, '', at);
    const forgot = await cmd.forgetWorker({ id: ids.person, reason: 'request' }, { actor: ids.lead });
    expect(forgot.ok).toBe(true);
    expect(tracesIn(await everythingStored())).toEqual([]);
    // Nor in what leaves the device: the sheets for Excel and the matrix as printed.
    const sheets = [await matrixSheet(null, { name: 'Naam', team: 'Team' }), await peopleSheet({ name: 'Naam', team: 'Team', role: 'Rol', lead: 'Teamleider', worker: 'Medewerker' })];
    expect(tracesIn(JSON.stringify(sheets))).toEqual([]);
    // The facts stay: the level, the session's minutes, the coaching overview; the person is an "oud-medewerker".
    expect(await coachingOverview('2000-01-01', today, '', at)).toEqual(overview);
    expect(await storedLevel(ids.person, ids.skill)).toMatchObject({ level: 'U', note: '' });
    expect((await db.sessions.toArray()).find((s) => s.learnerId === ids.person)).toMatchObject({ minutes: 45, practised: '' });
    const shown = (await readAll('workers')).find((w) => w.id === ids.person)!;
    expect(shown).toMatchObject({ name: 'Oud-medewerker', archived: true, forgotten: true });
    expect(await db.personKeys.get(ids.person)).toBeUndefined();
    expect(await db.credentials.get(ids.person)).toBeUndefined();
    // Forgetting is final: nobody changes them again, nobody forgets them twice, and nobody forgets themself.
    expect(await cmd.changeWorker({ id: ids.person, archived: false }, { actor: ids.lead })).toMatchObject({ ok: false });
    expect(await cmd.forgetWorker({ id: ids.person, reason: 'left' }, { actor: ids.lead })).toMatchObject({ ok: false, errors: [{ key: 'forget.already' }] });
    expect(await cmd.forgetWorker({ id: ids.lead, reason: 'left' }, { actor: ids.lead })).toMatchObject({ ok: false, errors: [{ key: 'forget.notYourself' }] });
    expect(await cmd.forgetWorker({ id: ids.jan, reason: 'left' }, { actor: ids.jan })).toMatchObject({ ok: false, errors: [{ key: 'error.leadOnly' }] });
  });

  it('a backup made after holds nothing of them; one made before, restored after, does not bring them back', async () => {
    const assigned = await cmd.createAssignments([{ workerId: ids.person, skillId: ids.skill, coachId: ids.jan, targetLevel: 'O', dueDate: null }], { actor: ids.lead });
    if (!assigned.ok) throw new Error('not assigned');
    const older = await cmd.createBackup();
    expect(tracesIn(JSON.stringify(older))).toEqual([]); // sealed even there; the key travels beside
    expect(older.keys?.some((k) => k.workerId === ids.person)).toBe(true);
    await cmd.forgetWorker({ id: ids.person, reason: 'left' }, { actor: ids.lead });
    const newer = await cmd.createBackup();
    expect(newer.keys?.some((k) => k.workerId === ids.person)).toBe(false);
    expect(tracesIn(JSON.stringify(newer))).toEqual([]);

    const check = await cmd.checkBackup(JSON.stringify(older));
    if (!check.ok) throw new Error(check.key);
    expect(await cmd.restoreBackup(check.backup, { actor: ids.lead }, check.held)).toMatchObject({ ok: true });
    expect(tracesIn(await everythingStored())).toEqual([]);
    expect(await db.workers.get(ids.person)).toMatchObject({ forgotten: true, name: '' });
    expect(await db.personKeys.get(ids.person)).toBeUndefined();
    // Her leeropdracht, stopped when she was forgotten, stays stopped.
    expect(await db.assignments.get(assigned.value[0]!)).toMatchObject({ status: 'cancelled' });

    // Keys that are not the people's, or missing: refused before anything changes.
    const withKeys = (keys: unknown) => JSON.stringify({ ...older, keys });
    const [a, b] = older.keys!;
    expect(await cmd.checkBackup(withKeys([{ workerId: ids.jan, key: 'not-a-key' }]))).toMatchObject({ ok: false, key: 'backup.badKeys' });
    expect(
      await cmd.checkBackup(
        withKeys([
          { ...a, key: b!.key },
          { ...b, key: a!.key },
        ]),
      ),
    ).toMatchObject({ ok: false, key: 'backup.badKeys' });
    expect(await cmd.checkBackup(withKeys([...older.keys!, { workerId: 'niemand', key: a!.key }]))).toMatchObject({ ok: false, key: 'backup.badKeys' });
    // Without keys, on this device: the keys it has are kept, every name still reads.
    const keyless = await cmd.checkBackup(withKeys([]));
    expect(keyless).toMatchObject({ ok: true });
    // On a new tablet that has none: refused, naming how many.
    await freshDatabase();
    expect(await cmd.checkBackup(withKeys([]))).toMatchObject({ ok: false, key: 'backup.missingKeys', params: { count: 3 } });
  });

  it('the server holds their key until they are forgotten, then neither key nor name; another device’s forgetting is honoured here', async () => {
    expect(await connect({ url: env.server.url, db: dbName, user: '', password: '' })).toEqual({ ok: true });
    stopSync();
    await syncOnce();
    const onServer = async () => JSON.stringify((await couch(env.server.url, `/${dbName}/_all_docs?include_docs=true`)).body.rows);
    expect(await onServer()).toContain(keyDocId(ids.person));
    expect(tracesIn(await onServer())).toEqual([]);
    // Kees forgets her on his phone; the phone's sync brings the signed event here.
    const [forget] = await sign([ids.phone], [eventOf(ids.phone, 'worker.forgotten', { id: ids.person, reason: 'left' }, ids.lead, { wall: Date.now() + 500, counter: 0 })]);
    expect(await admitReceived([forget], 'sync')).toMatchObject({ applied: 1 });
    expect(tracesIn(await everythingStored())).toEqual([]);
    await syncOnce();
    const rows = (await couch(env.server.url, `/${dbName}/_all_docs`)).body.rows as { id: string }[];
    expect(rows.map((r) => r.id)).not.toContain(keyDocId(ids.person));
    expect(await onServer()).not.toContain(keyDocId(ids.person));
    expect(await db.meta.get('keysToErase')).toMatchObject({ value: [] });
    // A forged key for another person, received by sync, is refused; a known one is kept.
    const badKey = { id: keyDocId(ids.jan), kind: 'personKey', workerId: ids.jan, key: 'A'.repeat(43) };
    await couch(env.server.url, `/${dbName}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs: [{ _id: badKey.id, _rev: '9-0', ...badKey, id: undefined }], new_edits: false }) });
    await syncOnce();
    expect((await readAll('workers')).find((w) => w.id === ids.jan)?.name).toBe('Jan');
  });
});

describe('forgetting on the demo workshop', () => {
  it('the fund report of a period before stays the same to the figure', async () => {
    await disconnect();
    await freshDatabase();
    await cmd.ensureStarted();
    const lead = { actor: (await db.workers.toArray()).find((w) => w.role === 'lead')!.id };
    const q = (await db.qualifications.get(qualificationId(EXAMPLE_QUALIFICATION.crebo, EXAMPLE_QUALIFICATION.version)))!;
    const period = periodOfDays(localDay(Date.now() - 13 * 7 * 86_400_000), localDay(Date.now() - 86_400_000))!;
    const labels = { total: 'Totaal', noTeam: 'Zonder team' };
    const before = await fundReportRows(q, period, labels);
    expect(before.at(-1)!.figures!.participants).toBeGreaterThan(0);
    const someone = (await db.workers.toArray()).find((w) => w.role === 'worker' && w.name === 'Ruud Visser')!;
    expect((await cmd.forgetWorker({ id: someone.id, reason: 'left' }, lead)).ok).toBe(true);
    expect(await fundReportRows(q, period, labels)).toEqual(before);
    expect(JSON.stringify(await db.events.toArray())).not.toContain('Ruud Visser');
  });
});
