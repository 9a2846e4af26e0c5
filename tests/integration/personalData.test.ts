import { beforeEach, describe, expect, it } from 'vitest';
import * as cmd from '../../src/data/commands';
import { collectPersonalData } from '../../src/data/queries';
import { db } from '../../src/data/store';
import { EXAMPLE_QUALIFICATION } from '../../src/domain/exampleQualification';
import { localDay } from '../../src/domain/dates';
import { qualificationId } from '../../src/domain/qualification';
import { personalDataPdf } from '../../src/exports/personalDataPdf';
import { myDataFileBase, myDataJson, personalSummary } from '../../src/features/mine/myDataFile';
import { translate } from '../../src/i18n';
import { freshDatabase } from './helpers';
import { pdfPagesText, prose } from './pdfText';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('nl', key, params);
const qid = qualificationId(EXAMPLE_QUALIFICATION.crebo, EXAMPLE_QUALIFICATION.version);
let ids: { lead: string; jan: string; fatima: string; piotr: string; afkorten: string; schuren: string; heftruck: string };

/** Runs a command that must succeed and gives its value. */
async function must<T>(run: Promise<{ ok: true; value: T } | { ok: false; errors: unknown }>): Promise<T> {
  const r = await run;
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** For one worker and for another: the same kinds of records, so the file must tell them apart. */
async function recordsFor(workerId: string, note: string, recipient: string) {
  const lead = { actor: ids.lead };
  const me = { actor: workerId };
  await cmd.setPin(workerId, workerId === ids.jan ? '1111' : '2222', me);
  const before = new Set((await db.events.toArray()).map((e) => e.id));
  await must(cmd.setLevel({ workerId, skillId: ids.afkorten, level: 'U', status: 'claimed', note: `${note}: zelf gedaan` }, me));
  await must(cmd.confirmClaim({ workerId, skillId: ids.afkorten, level: 'L', note: `${note}: nog met hulp` }, lead));
  const [assignmentId] = await must(cmd.createAssignments([{ workerId, skillId: ids.schuren, coachId: ids.fatima, targetLevel: 'U', dueDate: null }], lead));
  const session = await cmd.recordSession(
    {
      coachId: ids.fatima,
      learnerId: workerId,
      skillId: ids.schuren,
      assignmentId: assignmentId!,
      date: localDay(Date.now()),
      minutes: 40,
      practised: `${note}: schuurpapier kiezen`,
      levelReached: null,
    },
    workerId === ids.jan ? '1111' : '2222',
    { actor: ids.fatima },
  );
  if (!session.ok) throw new Error('session');
  await must(cmd.setWish({ workerId, skillId: ids.heftruck, wished: true }, me));
  const consentId = await must(cmd.giveConsent({ workerId, qualificationId: qid, recipient, purpose: 'EVC' }, workerId === ids.jan ? '1111' : '2222'));
  const events = (await db.events.toArray()).filter((e) => !before.has(e.id));
  return { assignmentId: assignmentId!, sessionId: (await db.sessions.where('learnerId').equals(workerId).first())!.id, consentId, eventIds: events.map((e) => e.id) };
}

describe('see and take my data', () => {
  beforeEach(async () => {
    await freshDatabase();
    const first = await must(cmd.createFirstLead({ name: 'Kees Veerman', teamName: 'Machinaal', pin: '1234' }));
    const lead = { actor: first.id };
    const station = await must(cmd.createStation({ name: 'Zagen' }, lead));
    const skill = (name: string) => must(cmd.createSkill({ name, stationId: station.id }, lead));
    const worker = async (name: string) => (await must(cmd.createWorker({ name, teamId: first.teamId }, lead))).id;
    ids = {
      lead: first.id,
      jan: await worker('Jan de Vries'),
      fatima: await worker('Fatima El Amrani'),
      piotr: await worker('Piotr Nowak'),
      afkorten: (await skill('Afkorten')).id,
      schuren: (await skill('Schuren')).id,
      heftruck: (await skill('Heftruck')).id,
    };
    await must(cmd.setLevel({ workerId: ids.fatima, skillId: ids.schuren, level: 'O', status: 'confirmed' }, lead));
    await must(cmd.importQualification(EXAMPLE_QUALIFICATION, lead));
  });

  it('holds every record made for the worker, by id, and nothing about another worker', async () => {
    const jan = await recordsFor(ids.jan, 'jan', 'Stichting OOM');
    const piotr = await recordsFor(ids.piotr, 'piotr', 'ROC Twente');
    const data = (await collectPersonalData(ids.jan, Date.parse('2026-11-30T08:00:00Z')))!;

    expect(data).toMatchObject({ format: 'vaardig-personal-data', version: 1, madeAt: '2026-11-30T08:00:00.000Z' });
    expect(data.person).toMatchObject({ id: ids.jan, name: 'Jan de Vries', team: { name: 'Machinaal' }, role: 'worker', archived: false });
    // The claim, and its confirmation at another level with the lead's note.
    expect(data.levels.find((l) => l.skill.id === ids.afkorten)).toMatchObject({
      skill: { name: 'Afkorten' },
      station: { name: 'Zagen' },
      level: 'L',
      note: 'jan: nog met hulp',
      confirmedBy: { id: ids.lead, name: 'Kees Veerman' },
      claim: null,
      lastOutcome: { kind: 'adjusted', claimedLevel: 'U', by: { name: 'Kees Veerman' } },
    });
    expect(data.assignments.asLearner.map((a) => a.id)).toEqual([jan.assignmentId]);
    expect(data.assignments.asLearner[0]).toMatchObject({ skill: { name: 'Schuren' }, coach: { id: ids.fatima, name: 'Fatima El Amrani' }, targetLevel: 'U' });
    expect(data.sessions.asLearner.map((s) => s.id)).toEqual([jan.sessionId]);
    expect(data.sessions.asLearner[0]).toMatchObject({ minutes: 40, practised: 'jan: schuurpapier kiezen', coach: { name: 'Fatima El Amrani' } });
    expect(data.sessions.asCoach).toEqual([]);
    expect(data.wishes).toEqual([{ skill: { id: ids.heftruck, name: 'Heftruck' }, wished: true }]);
    expect(data.consents).toEqual([
      expect.objectContaining({ id: jan.consentId, recipient: 'Stichting OOM', purpose: 'EVC', withdrawn: false, qualification: { id: qid, name: EXAMPLE_QUALIFICATION.title } }),
    ]);
    expect(data.pin).toEqual({ storedOnThisDevice: true });
    expect(data.credentials).toEqual({ kept: 0 });
    expect(data.names[ids.fatima]).toEqual({ kind: 'person', name: 'Fatima El Amrani' });
    expect(data.names[ids.schuren]).toEqual({ kind: 'skill', name: 'Schuren' });

    // Every event the test made for Jan is in the history, with who did it and when.
    const history = new Set(data.history.map((h) => h.eventId));
    expect(jan.eventIds.length).toBeGreaterThanOrEqual(6);
    const all = await db.events.toArray();
    for (const id of jan.eventIds) expect(history, JSON.stringify(all.find((e) => e.id === id))).toContain(id);
    const created = (await db.events.where('type').equals('worker.created').toArray()).find((e) => e.type === 'worker.created' && e.payload.id === ids.jan)!;
    expect(history).toContain(created.id);
    const claim = data.history.find((h) => h.type === 'level.set' && h.by?.id === ids.jan)!;
    expect(claim).toMatchObject({ by: { name: 'Jan de Vries' }, payload: { status: 'claimed', level: 'U', note: 'jan: zelf gedaan' } });
    expect(claim.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(data.history.map((h) => h.stamp)).toEqual(data.history.map((h) => h.stamp).sort());

    // Nothing of Piotr's: not his records, his events, his notes, nor even his name or id.
    const file = JSON.stringify(data);
    for (const x of [ids.piotr, 'Piotr', 'piotr:', 'ROC Twente', piotr.assignmentId, piotr.sessionId, piotr.consentId, ...piotr.eventIds]) expect(file).not.toContain(x);
    // And never the PIN's hash or salt.
    const pin = (await db.credentials.get(ids.jan))!;
    expect(file).not.toContain(pin.hash);
    expect(file).not.toContain(pin.salt);
  });

  it('a coach finds the sessions they gave and the assignments they coach; a withdrawn consent says so', async () => {
    const jan = await recordsFor(ids.jan, 'jan', 'Stichting OOM');
    await must(cmd.withdrawConsent(jan.consentId, { actor: ids.jan }));
    const fatima = (await collectPersonalData(ids.fatima, Date.now()))!;
    expect(fatima.sessions.asCoach.map((s) => s.id)).toEqual([jan.sessionId]);
    expect(fatima.sessions.asCoach[0]!.learner).toEqual({ id: ids.jan, name: 'Jan de Vries' });
    expect(fatima.assignments.asCoach.map((a) => a.id)).toEqual([jan.assignmentId]);
    expect(fatima.levels.find((l) => l.skill.id === ids.schuren)).toMatchObject({ level: 'O', confirmedBy: { name: 'Kees Veerman' } });
    expect(fatima.pin.storedOnThisDevice).toBe(false);
    // Jan's wish is private to Jan: his coach's file does not hold it.
    expect(JSON.stringify(fatima)).not.toContain(ids.heftruck);

    const janData = (await collectPersonalData(ids.jan, Date.now()))!;
    expect(janData.consents[0]).toMatchObject({ id: jan.consentId, withdrawn: true, withdrawnAt: expect.stringMatching(/Z$/) });
    expect(janData.history.some((h) => h.type === 'consent.withdrawn')).toBe(true);
  });

  it('the files: the JSON holds every record in readable words, the PDF sums it up for the worker', async () => {
    const jan = await recordsFor(ids.jan, 'jan', 'Stichting OOM');
    const now = Date.parse('2026-11-30T08:00:00Z');
    const data = (await collectPersonalData(ids.jan, now))!;
    expect(myDataFileBase(data, now)).toBe('vaardig-mijn-gegevens-jan-de-vries-2026-11-30');

    const file = JSON.parse(myDataJson(data, t, 'nl')) as {
      about: string;
      legend: { levels: { code: string; label: string }[] };
      history: { eventId: string; line: string }[];
      person: { name: string };
    };
    expect(file.about).toBe('Alles wat Vaardig op dit apparaat over Jan de Vries bewaart. Gemaakt op 30 november 2026.');
    expect(file.legend.levels).toContainEqual(expect.objectContaining({ code: 'U', label: 'kan het zelfstandig' }));
    for (const id of jan.eventIds) expect(file.history.map((h) => h.eventId)).toContain(id);
    expect(file.history.map((h) => h.line)).toContain('Jan de Vries zegt bij Afkorten: kan het zelfstandig (U)');
    expect(file.history.every((h) => h.line && !h.line.includes('(onbekend)'))).toBe(true);

    const summary = personalSummary(data, t, 'nl');
    expect(summary.kinds.map((k) => k.title)).toEqual([
      '1 vaardigheid',
      '1 keer samen geoefend',
      '1 leeropdracht',
      '1 wens',
      '1 toestemming',
      '0 apparaten',
      expect.stringMatching(/^\d+ regels in het logboek$/),
    ]);
    const text = prose(await pdfPagesText(await personalDataPdf(summary, 'vaardig-mijn-gegevens-jan-de-vries-2026-11-30.json', t, 'nl')));
    expect(text).toContain('Wat Vaardig over je bewaart');
    expect(text).toContain('Naam: Jan de Vries');
    expect(text).toContain('Gemaakt op 30 november 2026');
    expect(text).toContain('Afkorten: kan het met hulp (L)');
    expect(text).toContain('Naar Stichting OOM, voor EVC');
    expect(text).toContain('vaardig-mijn-gegevens-jan-de-vries-2026-11-30.json');
    expect(text).not.toContain('Piotr');
  });

  it('knows nobody it has no row for', async () => {
    expect(await collectPersonalData('nobody-here', Date.now())).toBeUndefined();
  });
});
