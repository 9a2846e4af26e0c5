import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { changeTeam, changeWorker, ensureStarted, setCompanyDetails } from '../../src/data/commands';
import { companyDetails, fundReportRows } from '../../src/data/queries';
import { db } from '../../src/data/store';
import { periodOfDays, type FundPeriod } from '../../src/domain/fundReport';
import { qualificationId, type Qualification } from '../../src/domain/qualification';
import { EXAMPLE_QUALIFICATION } from '../../src/domain/exampleQualification';
import { fundReportPdf } from '../../src/exports/fundReportPdf';
import { fundReportCsv, type FundReportMeta } from '../../src/exports/fundReportText';
import { translate } from '../../src/i18n';
import { localDay } from '../../src/ui/format';
import { freshDatabase } from './helpers';
import { pdfPagesText, prose } from './pdfText';

const qid = qualificationId(EXAMPLE_QUALIFICATION.crebo, EXAMPLE_QUALIFICATION.version);
const labels = { total: 'Totaal', noTeam: 'Zonder team' };
const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('nl', key, params);
const meta: FundReportMeta = {
  company: 'Timmerfabriek Veerman (voorbeeld)',
  kvk: '12345678',
  qualification: 'Machinaal houtbewerker',
  from: '1 januari 2026',
  to: '30 juni 2026',
  made: '1 juli 2026',
};
let lead: { actor: string };
let q: Qualification;
// The demo's past: set up 13 weeks before it starts, then 12 weeks of coaching and confirmations.
let recent: FundPeriod;

describe('the fund report on the demo workshop', () => {
  beforeEach(async () => {
    await freshDatabase();
    await ensureStarted();
    lead = { actor: (await db.workers.toArray()).find((w) => w.role === 'lead')!.id };
    q = (await db.qualifications.get(qid))!;
    recent = periodOfDays(localDay(Date.now() - 13 * 7 * 86_400_000), localDay(Date.now()))!;
  });

  it('counts both teams from the log; with one team shrunk below 5 participants, both teams are hidden and the total stays', async () => {
    const before = await fundReportRows(q, recent, labels);
    // Kees, the lead, is no participant: his own levels were recorded as the workshop was set up.
    // Nor is Emma: in these weeks she reached no linked skill and had no coaching on one.
    expect(before.map((r) => [r.group, r.figures?.headcount, r.figures?.participants])).toEqual([
      ['Machinale afdeling', 7, 6],
      ['Montage & afwerking', 7, 6],
      ['Totaal', 14, 12],
    ]);
    const workers = await db.workers.toArray();
    for (const name of ['Ruud Visser', 'Lotte Jansen']) expect((await changeWorker({ id: workers.find((w) => w.name === name)!.id, archived: true }, lead)).ok).toBe(true);
    const after = await fundReportRows(q, recent, labels);
    expect(after.map((r) => [r.group, r.figures?.participants ?? null])).toEqual([
      ['Machinale afdeling', null],
      ['Montage & afwerking', null],
      ['Totaal', 10],
    ]);
    expect(after[2]!.figures!.headcount).toBe(12);
  });

  it('a period before anything was confirmed has no participants: nothing is shown', async () => {
    const rows = await fundReportRows(q, periodOfDays('2020-01-01', '2020-12-31')!, labels);
    expect(rows.every((r) => r.figures === null)).toBe(true);
  });

  it('keeps a KvK number of 8 digits (spaces and dots dropped), refuses another, and only from the lead', async () => {
    expect(await setCompanyDetails({ kvkNumber: '1234 56.78', leerbedrijfId: '' }, lead)).toEqual({ ok: true, value: { kvkNumber: '12345678', leerbedrijfId: '' } });
    expect((await companyDetails()).kvkNumber).toBe('12345678');
    const kvk = (kvkNumber: string, ctx = lead) => setCompanyDetails({ kvkNumber, leerbedrijfId: '' }, ctx);
    expect(await kvk('1234567')).toEqual({ ok: false, errors: [{ field: 'kvkNumber', key: 'error.kvk', params: { digits: 8 } }] });
    expect(await kvk('12345678a')).toMatchObject({ ok: false });
    const jan = (await db.workers.toArray()).find((w) => w.name === 'Jan de Vries')!.id;
    expect((await kvk('87654321', { actor: jan })).ok).toBe(false);
    expect((await companyDetails()).kvkNumber).toBe('12345678');
    expect(await kvk('')).toMatchObject({ ok: true, value: { kvkNumber: '' } });
  });

  it('the PDF and the CSV carry company, KvK, period, date made, the table and how it was counted', async () => {
    const workers = await db.workers.toArray();
    await changeWorker({ id: workers.find((w) => w.name === 'Ruud Visser')!.id, archived: true }, lead);
    await changeWorker({ id: workers.find((w) => w.name === 'Lotte Jansen')!.id, archived: true }, lead);
    const rows = await fundReportRows(q, recent, labels);
    const text = (await pdfPagesText(await fundReportPdf(rows, meta, t, 'nl'))).join('\n');
    for (const line of [
      'Rapport voor het O&O-fonds (anoniem)',
      'Bedrijf: Timmerfabriek Veerman (voorbeeld)',
      'KvK-nummer: 12345678',
      'Periode: 1 januari 2026 tot en met 30 juni 2026',
      'Gemaakt op: 1 juli 2026',
      'Niet getoond: zie "Hoe is geteld".',
      'Mensen in het team: 12',
      'Hoe is geteld',
      'Niveau I en L tellen niet mee.',
    ])
      expect(text).toContain(line);

    const csv = fundReportCsv(rows, { ...meta, kvk: '' }, t, 'nl');
    const grid = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';' }).data;
    expect(grid.slice(0, 7)).toEqual([
      ['Rapport voor het O&O-fonds (anoniem)'],
      ['Bedrijf', 'Timmerfabriek Veerman (voorbeeld)'],
      ['KvK-nummer', 'niet ingevuld'],
      ['Kwalificatie', 'Machinaal houtbewerker'],
      ['Periode', '1 januari 2026 tot en met 30 juni 2026'],
      ['Gemaakt op', '1 juli 2026'],
      [''],
    ]);
    expect(grid[7]).toEqual(['Groep', 'Mensen in het team', 'Deelnemers', 'Bevestigde vaardigheden', 'Uren collega-coaching', 'Werkprocessen laten zien']);
    expect(grid[8]).toEqual(['Machinale afdeling', 'niet getoond', 'niet getoond', 'niet getoond', 'niet getoond', 'niet getoond']);
    expect(grid[10]!.slice(0, 3)).toEqual(['Totaal', '12', '10']);
    expect(grid[12]).toEqual(['Hoe is geteld']);
    expect(
      grid
        .slice(13)
        .map((r) => r[0])
        .join(' '),
    ).toContain('op niveau U (kan het zelfstandig) of O (kan het anderen leren), en die op 30 juni 2026 nog op dat niveau stonden');
  });

  it('the PDF prints the company and the teams as written: Bĳlsma, Ćwikła, Yılmaz', async () => {
    const teams = await db.teams.toArray();
    const rename = async (from: string, name: string) => expect((await changeTeam({ id: teams.find((x) => x.name === from)!.id, name }, lead)).ok).toBe(true);
    await rename('Machinale afdeling', 'Machinale afdeling Yılmaz');
    await rename('Montage & afwerking', 'Ploeg Ćwikła');
    const rows = await fundReportRows(q, recent, labels);
    expect(rows.map((r) => r.group)).toEqual(['Machinale afdeling Yılmaz', 'Ploeg Ćwikła', 'Totaal']);
    const pages = await pdfPagesText(await fundReportPdf(rows, { ...meta, company: 'Houtbewerking Bĳlsma' }, t, 'nl'));
    const text = pages.join('\n');
    for (const line of ['Bedrijf: Houtbewerking Bĳlsma', 'Machinale afdeling Yılmaz', 'Ploeg Ćwikła']) expect(text).toMatch(new RegExp(`^${line}$`, 'm'));
    expect(pages.at(-1)).toMatch(/Blad \d+ van \d+ — Houtbewerking Bĳlsma$/);
    expect(prose(pages)).not.toContain('\uFFFD');
  });
});
