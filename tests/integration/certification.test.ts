import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/data/store';
import { setPin, evidenceFor, giveConsent, importQualification, withdrawConsent, ensureStarted } from '../../src/data/commands';
import { activeConsent } from '../../src/data/queries';
import { qualificationId } from '../../src/domain/qualification';
import { EXAMPLE_QUALIFICATION } from '../../src/domain/exampleQualification';
import { portfolioPdf } from '../../src/exports/portfolioPdf';
import { translate } from '../../src/i18n';
import { freshDatabase } from './helpers';
import { pdfPagesText } from './pdfText';

const qid = qualificationId(EXAMPLE_QUALIFICATION.crebo, EXAMPLE_QUALIFICATION.version);
let lead: { actor: string };
let jan: string;

describe('certificate evidence', () => {
  beforeEach(async () => {
    await freshDatabase();
    await ensureStarted();
    const workers = await db.workers.toArray();
    lead = { actor: workers.find((w) => w.role === 'lead')!.id };
    jan = workers.find((w) => w.name === 'Jan de Vries')!.id;
    await setPin(jan, '1111', { actor: jan });
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
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('nl', key, params);
    const pages = await pdfPagesText(await portfolioPdf(evidence.value, t, (iso) => iso.slice(0, 10), 'nl'));
    const all = pages.join('\n');
    expect(all).toContain('Portfolio: geleerd op de werkvloer');
    expect(all).toContain('VOORBEELD');
    expect(all).toContain('Naam: Jan de Vries');
    expect(all).toContain('Kwalificatie: Machinaal houtbewerker, niveau 2, crebo 99998, versie 2017-08-01');
    expect(all).toContain('B1-K1-W2 Starten en bedienen van de apparatuur');
    expect(all).toMatch(/Afkorten: O, bevestigd door Kees Veerman op \d{4}-\d{2}-\d{2}/);
    expect(all).toContain('Wat nog ontbreekt');
    expect(all).toContain('Datum en handtekening praktijkopleider:');
    expect(pages.at(-1)).toMatch(/Blad \d+ van \d+ . Jan de Vries/); // the dash is Windows-1252 0x97
  });

  it('a newer version of a qualification sits beside the old one', async () => {
    const r = await importQualification({ ...EXAMPLE_QUALIFICATION, version: '2024-08-01', title: 'Machinaal houtbewerker' }, lead);
    expect(r.ok).toBe(true);
    expect((await db.qualifications.toArray()).map((q) => q.version).sort()).toEqual(['2017-08-01', '2024-08-01']);
    expect(await db.mappings.where('qualificationId').equals(qid).count()).toBeGreaterThan(0);
    expect((await importQualification(EXAMPLE_QUALIFICATION, { actor: jan })).ok).toBe(false);
  });
});
