import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUALIFICATION } from '../exampleQualification';
import { readQualificationCsv, readQualificationJson } from './qualificationFile';

const header = 'crebo;titel;niveau;versie;deel;soort;deeltitel;kerntaak;kerntaaktitel;werkproces;werkprocestitel;omschrijving';
const row = (wp: string, title: string, extra: Partial<Record<'crebo' | 'soort' | 'kerntaak', string>> = {}) =>
  [extra.crebo ?? '12345', 'Operator', '2', '2020-08-01', 'B1', extra.soort ?? 'basis', 'Basis', extra.kerntaak ?? 'B1-K1', 'Produceren', wp, title, ''].join(';');

describe('qualification files', () => {
  it('reads the JSON format, and the shipped example is valid and says voorbeeld', () => {
    const r = readQualificationJson(JSON.stringify(EXAMPLE_QUALIFICATION));
    expect(r).toMatchObject({ ok: true, qualification: { crebo: '99998', example: true } });
  });

  it('reads the CSV format into parts, kerntaken and werkprocessen', () => {
    const r = readQualificationCsv([header, row('B1-K1-W1', 'Voorbereiden'), row('B1-K1-W2', 'Bedienen')].join('\r\n'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.qualification.parts[0]!.kerntaken[0]!.werkprocessen.map((w) => w.code)).toEqual(['B1-K1-W1', 'B1-K1-W2']);
  });

  it('gives a clear message per kind of bad file', () => {
    expect(readQualificationJson('{nope')).toEqual({ ok: false, problems: [{ line: 0, key: 'qualification.notJson' }] });
    expect(readQualificationJson(JSON.stringify({ ...EXAMPLE_QUALIFICATION, crebo: '12' }))).toMatchObject({ ok: false, problems: [{ key: 'qualification.crebo' }] });
    expect(readQualificationJson(JSON.stringify({ ...EXAMPLE_QUALIFICATION, niveau: 7 }))).toMatchObject({ ok: false, problems: [{ key: 'qualification.niveauRange' }] });
    expect(readQualificationJson(JSON.stringify({ ...EXAMPLE_QUALIFICATION, parts: [] }))).toMatchObject({ ok: false, problems: [{ key: 'qualification.noParts' }] });
    expect(readQualificationCsv('crebo;titel\r\n1;2')).toMatchObject({ ok: false, problems: [{ line: 1, key: 'qualification.missingColumns' }] });
    expect(readQualificationCsv([header, row('B1-K1-W1', 'A'), row('B1-K1-W2', 'B', { crebo: '54321' })].join('\r\n'))).toMatchObject({
      ok: false,
      problems: [{ line: 3, column: 'crebo', key: 'qualification.oneQualification' }],
    });
    expect(readQualificationCsv([header, row('B1-K1-W1', 'A', { soort: 'extra' })].join('\r\n'))).toMatchObject({ ok: false, problems: [{ line: 2, key: 'qualification.kind' }] });
    expect(readQualificationCsv([header, row('B1-K1-W1', 'A'), row('B1-K1-W1', 'dubbel')].join('\r\n'))).toMatchObject({ ok: false, problems: [{ key: 'qualification.duplicateCode' }] });
    expect(readQualificationCsv([header, row('B1-K2-W1', 'A')].join('\r\n'))).toMatchObject({ ok: false, problems: [{ key: 'qualification.codesNested' }] });
  });

  it('refuses a file beyond any qualification at once: too many werkprocessen, kerntaken or text', () => {
    const tooBig = { ok: false, problems: [{ key: 'qualification.tooBig', params: { max: 200, kb: 256 } }] };
    const base = { crebo: '12345', title: 'Groot', niveau: 2, version: '2026-01-01' };
    const kerntaken = Array.from({ length: 40_000 }, (_, k) => ({ code: `B1-K${k}`, title: 'K', werkprocessen: [] }));
    expect(readQualificationJson(JSON.stringify({ ...base, parts: [{ code: 'B1', kind: 'basis', title: 'B', kerntaken }] }))).toMatchObject(tooBig);
    // 200 werkprocessen within every field's length, but together more text than one event carries.
    const long = Array.from({ length: 10 }, (_, k) => ({
      code: `B1-K${k + 1}`,
      title: 'Kerntaak',
      werkprocessen: Array.from({ length: 20 }, (_, w) => ({ code: `B1-K${k + 1}-W${w + 1}`, title: 'Werk', description: 'ë'.repeat(1000) })),
    }));
    expect(readQualificationJson(JSON.stringify({ ...base, parts: [{ code: 'B1', kind: 'basis', title: 'B', kerntaken: long }] }))).toMatchObject(tooBig);
    const csv = [header, ...Array.from({ length: 201 }, (_, i) => row(`B1-K1-W${i}`, 'W'))].join('\r\n');
    expect(readQualificationCsv(csv)).toMatchObject(tooBig);
  });

  it('lists the first problems of a broken file and counts the rest', () => {
    const kerntaken = Array.from({ length: 50 }, (_, k) => ({ code: `X${k}`, title: '', werkprocessen: [{ code: 'fout', title: '' }] }));
    const r = readQualificationJson(JSON.stringify({ crebo: '12345', title: 'T', niveau: 2, version: '2026-01-01', parts: [{ code: 'B1', kind: 'basis', title: 'B', kerntaken }] }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(21);
      expect(r.problems.at(-1)).toMatchObject({ key: 'qualification.moreProblems' });
    }
  });
});
