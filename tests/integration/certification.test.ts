import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/data/store';
import {
  approveMapping,
  createSkill,
  createWorker,
  evidenceFor,
  giveConsent,
  importQualification,
  setCompanyDetails,
  setLevel,
  setMapping,
  setPin,
  setTarget,
  withdrawConsent,
} from '../../src/data/commands';
import { activeConsent, companyDetails } from '../../src/data/queries';
import type { Evidence } from '../../src/domain/evidence';
import { qualificationId } from '../../src/domain/qualification';
import { EXAMPLE_QUALIFICATION } from '../../src/domain/exampleQualification';
import { portfolioPdf } from '../../src/exports/portfolioPdf';
import { PDFDocument } from 'pdf-lib';
import { translate } from '../../src/i18n';
import { demoWithJan } from './helpers';
import { pdfPagesText, prose } from './pdfText';

const qid = qualificationId(EXAMPLE_QUALIFICATION.crebo, EXAMPLE_QUALIFICATION.version);
const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('nl', key, params);
const day = (iso: string) => iso.slice(0, 10);
let lead: { actor: string };
let jan: string;

describe('certificate evidence', () => {
  beforeEach(async () => {
    ({ lead, jan } = await demoWithJan());
  });

  it('the demo has the example qualification with approved mappings, and its team works toward it', async () => {
    expect(await db.qualifications.get(qid)).toMatchObject({ example: true, crebo: '99998' });
    expect((await db.mappings.toArray()).every((m) => m.status === 'approved')).toBe(true);
    expect((await db.workers.get(jan))!.targetQualificationId).toBe(qid);
  });

  it('exports only after the worker consented with their PIN, and not after withdrawing', async () => {
    expect(await evidenceFor(jan, qid, lead)).toEqual({ ok: false, errors: [{ field: '', key: 'error.noConsent' }] });
    const wrong = await giveConsent({ workerId: jan, qualificationId: qid, recipient: 'OOM', purpose: 'EVC' }, '0000');
    expect(wrong.ok).toBe(false);
    expect(await activeConsent(jan, qid)).toBeUndefined();

    const given = await giveConsent({ workerId: jan, qualificationId: qid, recipient: 'Stichting OOM', purpose: 'praktijkverklaring' }, '1111');
    expect(given.ok).toBe(true);
    const consent = (await activeConsent(jan, qid))!;
    expect(consent).toMatchObject({ recipient: 'Stichting OOM', purpose: 'praktijkverklaring', withdrawn: false });
    const event = (await db.events.where('type').equals('consent.given').toArray())[0]!;
    expect(event.actor).toBe(jan);

    const evidence = await evidenceFor(jan, qid, lead);
    expect(evidence.ok).toBe(true);
    if (evidence.ok) expect(evidence.value).toMatchObject({ company: 'Timmerfabriek Veerman (voorbeeld)', worker: { name: 'Jan de Vries' }, total: 6 });

    expect((await withdrawConsent(consent.id, lead)).ok).toBe(false);
    expect((await withdrawConsent(consent.id, { actor: jan })).ok).toBe(true);
    expect((await evidenceFor(jan, qid, lead)).ok).toBe(false);
  });

  it('the PDF portfolio says who, which qualification, per werkproces who confirmed what, and what is missing', async () => {
    await giveConsent({ workerId: jan, qualificationId: qid, recipient: 'Stichting OOM', purpose: 'EVC' }, '1111');
    const evidence = await evidenceFor(jan, qid, lead);
    if (!evidence.ok) throw new Error('no evidence');
    const pages = await pdfPagesText(await portfolioPdf(evidence.value, t, day, 'nl'));
    const all = pages.join('\n');
    expect(all).toContain('Portfolio: geleerd op de werkvloer');
    expect(all).toContain('VOORBEELD');
    expect(all).toContain('Naam: Jan de Vries');
    expect(all).toContain('Kwalificatie: Machinaal houtbewerker, niveau 2, crebo 99998, versie 2017-08-01');
    expect(all).toContain('B1-K1-W2 Starten en bedienen van de apparatuur');
    expect(all).toMatch(/Afkorten: O, bevestigd door Kees Veerman op \d{4}-\d{2}-\d{2}/);
    expect(all).toContain('Wat nog ontbreekt');
    expect(all).toContain('Datum en handtekening praktijkopleider:');
    expect(pages.at(-1)).toMatch(/Blad \d+ van \d+ — Jan de Vries/);
  });

  it('prints every name as written: Bĳlsma, Ćwikła, Yılmaz (an embedded font, read back through its ToUnicode map)', async () => {
    const teamId = (await db.teams.toArray())[0]!.id;
    const stationId = (await db.stations.toArray())[0]!.id;
    const created = async (r: Promise<{ ok: boolean; value?: { id: string } }>) => {
      const result = await r;
      if (!result.ok || !result.value) throw new Error('not created');
      return result.value.id;
    };
    const piet = await created(createWorker({ name: 'Piet Bĳlsma', teamId }, lead));
    const agnieszka = await created(createWorker({ name: 'Agnieszka Ćwikła', teamId }, lead));
    const skillId = await created(createSkill({ name: 'Lijmpers volgens Yılmaz instellen', stationId }, lead));
    expect((await setMapping({ qualificationId: qid, werkproces: 'B1-K1-W1', skillId, requiredLevel: 'U', coverage: 'full' }, lead)).ok).toBe(true);
    expect((await approveMapping({ qualificationId: qid, werkproces: 'B1-K1-W1', skillId }, lead)).ok).toBe(true);
    // Agnieszka can teach it, so she confirms Piet's level herself.
    expect((await setLevel({ workerId: agnieszka, skillId, level: 'O', status: 'confirmed' }, lead)).ok).toBe(true);
    expect((await setLevel({ workerId: piet, skillId, level: 'U', status: 'confirmed', note: 'Zelfstandig, ook de ĳkmaat' }, { actor: agnieszka })).ok).toBe(true);
    expect((await setTarget(piet, qid, lead)).ok).toBe(true);
    await setPin(piet, '2468', { actor: piet });
    expect((await giveConsent({ workerId: piet, qualificationId: qid, recipient: 'Stichting OOM', purpose: 'EVC' }, '2468')).ok).toBe(true);
    const evidence = await evidenceFor(piet, qid, lead);
    if (!evidence.ok) throw new Error('no evidence');

    const bytes = await portfolioPdf(evidence.value, t, day, 'nl');
    const pages = await pdfPagesText(bytes);
    const all = prose(pages);
    expect(all).toContain('Naam: Piet Bĳlsma');
    expect(all).toMatch(/Lijmpers volgens Yılmaz instellen: U, bevestigd door Agnieszka Ćwikła op \d{4}-\d{2}-\d{2}/);
    expect(all).toContain('Zelfstandig, ook de ĳkmaat');
    expect(all).toContain('Datum en handtekening Piet Bĳlsma:');
    expect(pages.at(-1)).toMatch(/Blad \d+ van \d+ — Piet Bĳlsma$/);
    for (const name of ['Bĳlsma', 'Ćwikła', 'Yılmaz']) expect(all).toContain(name);
    expect(all).not.toContain('\uFFFD');
    // The title (document information) too, and the fonts are subsets, not the whole font.
    expect((await PDFDocument.load(bytes)).getTitle()).toBe('Portfolio van Piet Bĳlsma');
    expect(bytes.length).toBeLessThan(60_000);
  });

  it("the company's KvK number and leerbedrijf-ID: optional, checked, set by the lead only", async () => {
    expect(await setCompanyDetails({ kvkNumber: '1234567', leerbedrijfId: '12a' }, lead)).toEqual({
      ok: false,
      errors: [
        { field: 'kvkNumber', key: 'error.kvk', params: { digits: 8 } },
        { field: 'leerbedrijfId', key: 'error.leerbedrijfId', params: { max: 12 } },
      ],
    });
    expect((await setCompanyDetails({ kvkNumber: '12345678', leerbedrijfId: '' }, { actor: jan })).ok).toBe(false);
    expect(await companyDetails()).toEqual({ kvkNumber: '', leerbedrijfId: '' });
    expect(await setCompanyDetails({ kvkNumber: '1234 5678', leerbedrijfId: '100.012.345' }, lead)).toEqual({ ok: true, value: { kvkNumber: '12345678', leerbedrijfId: '100012345' } });
    expect(await companyDetails()).toEqual({ kvkNumber: '12345678', leerbedrijfId: '100012345' });
    expect((await setCompanyDetails({ kvkNumber: '', leerbedrijfId: '100012345' }, lead)).ok).toBe(true);
    expect(await companyDetails()).toEqual({ kvkNumber: '', leerbedrijfId: '100012345' });
  });

  it('the portfolio has what an EVC assessor asks for: KvK, leerbedrijf, parts, descriptions, a legend, the consent, the praktijkopleider', async () => {
    await setCompanyDetails({ kvkNumber: '12345678', leerbedrijfId: '100012345' }, lead);
    await giveConsent({ workerId: jan, qualificationId: qid, recipient: 'Stichting OOM', purpose: 'EVC' }, '1111');
    const evidence = await evidenceFor(jan, qid, lead);
    if (!evidence.ok) throw new Error('no evidence');
    const pages = await pdfPagesText(await portfolioPdf(evidence.value, t, day, 'nl'));
    const all = pages.join('\n');
    expect(all).toContain('KvK-nummer: 12345678. Leerbedrijf-ID (SBB): 100012345.');
    expect(all).toContain('Basisdeel B1: Basisdeel houtbewerking');
    expect(all).toContain('Leest de werkopdracht, zet materiaal en gereedschap klaar en stelt de machine in.');
    // The legend: every level, in its words, from the one level list.
    for (const line of ['I — leert het', 'L — kan het met hulp', 'U — kan het zelfstandig', 'O — kan het anderen leren']) expect(all).toMatch(new RegExp(`^${line}$`, 'm'));
    expect(prose(pages)).toMatch(/Gemaakt met toestemming van Jan de Vries, voor Stichting OOM \(doel: EVC\), gegeven op \d{4}-\d{2}-\d{2}\./);
    expect(all).toContain('Praktijkopleider: Kees Veerman, teamleider');
    expect(all).toMatch(/werkprocessen laten zien; \d+,\d uur collega-coaching/);
  });

  it("the lead's own levels from the setup say so, instead of an empty 'bevestigd door'", async () => {
    await giveConsent({ workerId: lead.actor, qualificationId: qid, recipient: 'ROC', purpose: 'EVC' }, '1234');
    const evidence = await evidenceFor(lead.actor, qid, lead);
    if (!evidence.ok) throw new Error('no evidence');
    const skills = evidence.value.werkprocessen.flatMap((w) => w.skills).filter((s) => s.level !== '-');
    expect(skills.length).toBeGreaterThan(0);
    expect(skills.every((s) => s.recordedAtStart && s.confirmedBy === '')).toBe(true);
    const pages = await pdfPagesText(await portfolioPdf(evidence.value, t, day, 'nl'));
    const all = pages.join('\n');
    expect(prose(pages)).toMatch(/Afkorten: O, vastgelegd bij de start van Vaardig op \d{4}-\d{2}-\d{2}, niet op naam bevestigd/);
    expect(prose(pages)).not.toMatch(/bevestigd door\s+op/);
    // Nobody but the lead themselves could sign: a line to fill in, never their own name.
    expect(all).toContain('Praktijkopleider (naam en functie): ____');
  });

  it('the signature block never stands alone on a page, however long what comes before it is', async () => {
    await giveConsent({ workerId: jan, qualificationId: qid, recipient: 'Stichting OOM', purpose: 'EVC' }, '1111');
    const evidence = await evidenceFor(jan, qid, lead);
    if (!evidence.ok) throw new Error('no evidence');
    const base = evidence.value;
    const signature = /^(Praktijkopleider|Datum en handtekening|_{10,}|Blad \d+ van \d+)/;
    // A note of n words on the first skill moves everything after it down, a line at a time,
    // past every point where a page can end.
    let spread = new Set<number>();
    for (let words = 0; words <= 900; words += 15) {
      const e: Evidence = structuredClone(base);
      e.werkprocessen[0]!.skills[0]!.note = Array.from({ length: words }, (_, i) => `woord${i}`).join(' ');
      const pages = await pdfPagesText(await portfolioPdf(e, t, day, 'nl'));
      spread = spread.add(pages.length);
      const last = pages.at(-1)!.split('\n');
      expect(last.filter((l) => l.startsWith('Datum en handtekening'))).toHaveLength(2);
      expect(last.filter((l) => !signature.test(l)).length, `${words} words`).toBeGreaterThan(0);
    }
    expect(spread.size).toBeGreaterThan(1);
  });

  it('hours in the Dutch way: 0,0 and 1,5', async () => {
    await giveConsent({ workerId: jan, qualificationId: qid, recipient: 'Stichting OOM', purpose: 'EVC' }, '1111');
    const evidence = await evidenceFor(jan, qid, lead);
    if (!evidence.ok) throw new Error('no evidence');
    const hours = async (minutes: number) => (await pdfPagesText(await portfolioPdf({ ...evidence.value, coachingMinutes: minutes }, t, day, 'nl'))).join('\n');
    expect(await hours(0)).toContain('; 0,0 uur collega-coaching');
    expect(await hours(90)).toContain('; 1,5 uur collega-coaching');
    expect(await hours(90)).not.toContain('1.5');
  });

  it('a newer version of a qualification sits beside the old one', async () => {
    const r = await importQualification({ ...EXAMPLE_QUALIFICATION, version: '2024-08-01', title: 'Machinaal houtbewerker' }, lead);
    expect(r.ok).toBe(true);
    expect((await db.qualifications.toArray()).map((q) => q.version).sort()).toEqual(['2017-08-01', '2024-08-01']);
    expect(await db.mappings.where('qualificationId').equals(qid).count()).toBeGreaterThan(0);
    expect((await importQualification(EXAMPLE_QUALIFICATION, { actor: jan })).ok).toBe(false);
  });
});
