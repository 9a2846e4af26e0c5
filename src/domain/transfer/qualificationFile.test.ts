import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUALIFICATION } from '../exampleQualification';
import fc from 'fast-check';
import { jsonSyntaxError, placeOf } from './jsonPlaces';
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
    expect(readQualificationJson('{nope')).toEqual({ ok: false, problems: [{ line: 1, key: 'qualification.notJsonAt', params: { column: 2 } }] });
    expect(readQualificationJson(JSON.stringify({ ...EXAMPLE_QUALIFICATION, crebo: '12' }))).toMatchObject({ ok: false, problems: [{ key: 'qualification.crebo' }] });
    expect(readQualificationJson(JSON.stringify({ ...EXAMPLE_QUALIFICATION, niveau: 7 }))).toMatchObject({ ok: false, problems: [{ key: 'qualification.niveauRange' }] });
    expect(readQualificationJson(JSON.stringify({ ...EXAMPLE_QUALIFICATION, parts: [] }))).toMatchObject({ ok: false, problems: [{ key: 'qualification.noParts' }] });
    expect(readQualificationCsv('crebo;titel\r\n1;2')).toMatchObject({ ok: false, problems: [{ line: 1, key: 'qualification.missingColumns' }] });
    expect(readQualificationCsv([header, row('B1-K1-W1', 'A'), row('B1-K1-W2', 'B', { crebo: '54321' })].join('\r\n'))).toMatchObject({
      ok: false,
      problems: [{ line: 3, column: 'crebo', key: 'qualification.oneQualification' }],
    });
    expect(readQualificationCsv([header, row('B1-K1-W1', 'A', { soort: 'extra' })].join('\r\n'))).toMatchObject({ ok: false, problems: [{ line: 2, key: 'qualification.kind' }] });
    expect(readQualificationCsv([header, row('B1-K2-W1', 'A')].join('\r\n'))).toMatchObject({
      ok: false,
      problems: [{ line: 2, column: 'werkproces', key: 'qualification.codesNested', params: { code: 'B1-K2-W1' } }],
    });
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

describe('where a problem in a qualification file is', () => {
  it('invalid JSON: the line and the character where it stops being JSON', () => {
    const text = '{\n  "crebo": "12345",\n  "title" "Operator"\n}';
    expect(readQualificationJson(text)).toEqual({ ok: false, problems: [{ line: 3, key: 'qualification.notJsonAt', params: { column: 11 } }] });
    // A trailing comma, an unclosed string, letters beyond the BMP counted as one character.
    expect(jsonSyntaxError('[1,\r\n 2,\r\n]')).toEqual({ line: 3, column: 1 });
    expect(jsonSyntaxError('{"a": "open')).toEqual({ line: 1, column: 12 });
    expect(jsonSyntaxError('["😀", tru]')).toEqual({ line: 1, column: 10 });
    expect(jsonSyntaxError('')).toEqual({ line: 1, column: 1 });
    expect(jsonSyntaxError('{"a": [1, 2.5e3, null, "\\u00e9"]}')).toBeNull();
  });

  it('finds a position for every text JSON.parse refuses, the same one the engine names where it names one', () => {
    const damage = fc.constantFrom('', ',', '"', '}', ']', 'x', '\\', '\n', '1', ':', ' ', '\u0001');
    fc.assert(
      fc.property(fc.json(), fc.nat(), damage, (json, n, insert) => {
        const text = JSON.stringify(JSON.parse(json), null, 2);
        const i = n % (text.length + 1);
        const broken = text.slice(0, i) + insert + text.slice(i + (insert ? 0 : 1));
        let message: string | null = null;
        try {
          JSON.parse(broken);
        } catch (e) {
          message = (e as Error).message;
        }
        const place = jsonSyntaxError(broken);
        if (message === null) expect(place).toBeNull();
        else {
          expect(place).not.toBeNull();
          const named = /at position (\d+)/.exec(message);
          if (named) expect(place).toEqual(placeOf(broken, Number(named[1])));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a duplicate werkproces: in JSON with its code and line, in CSV on the line of the second one', () => {
    const q = structuredClone(EXAMPLE_QUALIFICATION);
    q.parts[0]!.kerntaken[0]!.werkprocessen[4]!.code = 'B1-K1-W2';
    const text = JSON.stringify(q, null, 2);
    const line = text.split('\n').findIndex((l, i) => i > text.split('\n').findIndex((x) => x.includes('"B1-K1-W2"')) && l.includes('"B1-K1-W2"')) + 1;
    expect(readQualificationJson(text)).toEqual({ ok: false, problems: [{ line, key: 'qualification.duplicateCode', params: { code: 'B1-K1-W2' } }] });

    // Rows of another kerntaak in between, and a description over two lines in quotes: the
    // second B1-K1-W1 is on line 6 of the file, not the 4th row.
    const csv = [
      header,
      row('B1-K1-W1', 'A'),
      row('B1-K2-W1', 'B', { kerntaak: 'B1-K2' }).replace(/;$/, ';"twee\nregels"'),
      row('B1-K2-W2', 'C', { kerntaak: 'B1-K2' }),
      row('B1-K1-W1', 'dubbel'),
    ].join('\r\n');
    expect(readQualificationCsv(csv)).toEqual({ ok: false, problems: [{ line: 6, column: 'werkproces', key: 'qualification.duplicateCode', params: { code: 'B1-K1-W1' } }] });
  });

  it('other problems in JSON name their line; in CSV their line and column', () => {
    const q = structuredClone(EXAMPLE_QUALIFICATION);
    q.parts[0]!.kerntaken[0]!.werkprocessen[2]!.title = '';
    const text = JSON.stringify(q, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('"title": ""')) + 1;
    expect(readQualificationJson(text)).toMatchObject({ ok: false, problems: [{ line, key: 'qualification.required' }] });
    expect(readQualificationCsv([header, row('B1-K1-W1', 'A'), '', row('B1-K1-W2', '')].join('\r\n'))).toMatchObject({
      ok: false,
      problems: [{ line: 4, column: 'werkprocestitel', key: 'qualification.required' }],
    });
  });
});
