import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LevelCode } from '../levels';
import type { LevelRecord, Skill, Station, Team, Worker } from '../model';
import { nameKey } from '../names';
import { decodeText, parseCsv, writeCsv } from './csv';
import { parseLevelText } from './levelText';
import { matrixGrid } from './matrixExport';
import { readMatrix, type MatrixImport } from './matrixImport';
import { guessLayout } from './matrixLayout';
import { isLegendRow } from './sheetWords';

const enc = (s: string) => new TextEncoder().encode(s);
const levelsOf = (result: MatrixImport, row: MatrixImport['rows'][number]) => row.levels.map((l) => `${result.skills[l.skill]!.label}=${l.level}`);

describe('reading files', () => {
  it('drops a BOM and falls back to Windows-1252 for non-UTF-8 bytes', () => {
    expect(decodeText(enc('\uFEFFNaam;Team'))).toEqual({ text: 'Naam;Team', encoding: 'utf-8' });
    const cp1252 = new Uint8Array([0x4a, 0x6f, 0xeb, 0x6c]); // "Joël" in Windows-1252
    expect(decodeText(cp1252)).toEqual({ text: 'Joël', encoding: 'windows-1252' });
  });

  it('reads ; , and tab separated files the same', () => {
    for (const sep of [';', ',', '\t']) {
      expect(parseCsv(['Naam', 'Team', 'Afkorten'].join(sep) + '\r\n' + ['Jan', 'A', 'U'].join(sep)).grid).toEqual([
        ['Naam', 'Team', 'Afkorten'],
        ['Jan', 'A', 'U'],
      ]);
    }
  });

  it('reads a file bigger than one piece of work the same as at once, quoted line breaks across pieces too', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `Persoon ${i};"regel\r\n${i}";U`);
    const { grid } = parseCsv(lines.join('\r\n'));
    expect(grid).toHaveLength(lines.length);
    expect(grid.every((row, i) => row.join('|') === `Persoon ${i}|regel\r\n${i}|U`)).toBe(true);
  });

  it('reads levels as letters or 0–4', () => {
    expect(['', '-', '0', 'i', 'L', '3', 'o', ' U '].map((t) => parseLevelText(t))).toEqual([null, '-', '-', 'I', 'L', 'U', 'O', 'U']);
    expect(parseLevelText('Q')).toBeUndefined();
    expect(parseLevelText('5')).toBeUndefined();
  });
});

describe('writing CSV for Dutch Excel', () => {
  it('uses BOM, ; and CRLF, quotes where needed and neutralises formulas', () => {
    const csv = writeCsv([
      ['Naam', 'Opmerking'],
      ['=SUM(A1)', 'a;b'],
      ['+31', 'regel 1\nregel 2'],
      ['@x', 'zegt "hoi"'],
    ]);
    expect(csv.startsWith('\uFEFFNaam;Opmerking\r\n')).toBe(true);
    expect(csv).toContain('\'=SUM(A1);"a;b"\r\n');
    expect(csv).toContain('\'+31;"regel 1\nregel 2"\r\n');
    expect(csv).toContain('\'@x;"zegt ""hoi"""\r\n');
  });
});

describe('guessing the layout of a messy sheet', () => {
  const messy = [
    ['Vaardighedenmatrix Timmerfabriek Veerman', '', '', '', '', ''],
    ['bijgewerkt 3 nov', '', '', '', '', ''],
    ['', '', 'Zagen', '', 'Montage', ''],
    ['Medewerker', 'Ploeg', 'Afkorten', 'Lengtezagen', 'Kozijnen', 'Opmerkingen'],
    ['Jan de Vries', 'Machinaal', 'O', 'U', '', 'wil CNC leren'],
    ['', '', '', '', '', ''],
    ['Fatima El Amrani', 'Machinaal', '3', '2', '1', ''],
    ['Lotte Jansen', 'Montage', '', '', 'u', ''],
    ['', '', '', '', '', ''],
    ['Legenda: I = leert het, L = met hulp, U = zelfstandig, O = kan het leren', '', '', '', '', ''],
  ];

  it('finds header, stations (merged cells), the name, team and notes columns', () => {
    const layout = guessLayout(messy)!;
    expect(layout.headerRow).toBe(3);
    expect(layout.stationRow).toBe(2);
    expect(layout.columns.map((c) => `${c.role}:${c.station}`)).toEqual(['name:', 'team:', 'skill:Zagen', 'skill:Zagen', 'skill:Montage', 'ignore:']);
    expect(layout.columns[5]!.reason).toBe('notes');
  });

  it('reads the rows, skips empty lines and the legend, and keeps empty cells empty', () => {
    const result = readMatrix(messy, guessLayout(messy)!);
    expect(result.problems).toEqual([]);
    expect(result.skipped).toEqual([
      { line: 6, reason: 'empty' },
      { line: 9, reason: 'empty' },
      { line: 10, reason: 'legend' },
    ]);
    expect(result.rows.map((r) => [r.line, r.name, r.team, levelsOf(result, r).join(',')])).toEqual([
      [5, 'Jan de Vries', 'Machinaal', 'Afkorten=O,Lengtezagen=U'],
      [7, 'Fatima El Amrani', 'Machinaal', 'Afkorten=U,Lengtezagen=L,Kozijnen=I'],
      [8, 'Lotte Jansen', 'Montage', 'Kozijnen=U'],
    ]);
  });

  it('reports each bad line and column', () => {
    const bad = [
      ['Naam', 'Afkorten', 'Lengtezagen'],
      ['Jan', 'U', 'Q'],
      ['', 'U', ''],
      ['jan', 'L', 'L'],
    ];
    const result = readMatrix(bad, guessLayout(bad)!);
    expect(result.problems).toEqual([
      { line: 2, column: 'Lengtezagen', key: 'import.badLevel', params: { value: 'Q', skill: 'Lengtezagen' } },
      { line: 3, column: 'Naam', key: 'import.nameMissing' },
      { line: 4, column: 'Naam', key: 'import.duplicateName', params: { name: 'jan', first: 2 } },
    ]);
  });

  it('says so when there is no name column or no rows', () => {
    expect(readMatrix([['U', 'L']], { headerRow: 0, stationRow: -1, columns: [{ index: 0, header: 'U', role: 'skill', station: '' }], markLevel: 'U' }).problems[0]!.key).toBe('import.noNameColumn');
    const empty = [['Naam', 'Team']];
    expect(readMatrix(empty, guessLayout(empty)!).problems[0]!.key).toBe('import.noRows');
  });
});

describe('export → import is the identity', () => {
  const text = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('Joël Ćwikła', 'Ayşe "de" Vries', 'a;b', 'regel\r\neen', '=1+1', '+31 6', '-min', '@home', 'Zoë', "O'Brien"));
  const cleanName = text.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0 && s.length <= 80);
  const level = fc.constantFrom<LevelCode>('-', 'I', 'L', 'U', 'O');

  it('for names with diacritics, quotes, ;, line breaks and leading =', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(cleanName, { minLength: 1, maxLength: 5, comparator: (a, b) => nameKey(a) === nameKey(b) }),
        fc.uniqueArray(cleanName, { minLength: 1, maxLength: 4, comparator: (a, b) => nameKey(a) === nameKey(b) }),
        cleanName,
        fc.array(level, { minLength: 20, maxLength: 20 }),
        (names, skillNames, stationName, cells) => {
          // A worker name that reads as a level ("U") or a legend line ("U:" beside a word) cannot be
          // told apart from data or the legend under it; real names do not.
          fc.pre(names.every((n) => parseLevelText(n) === undefined && !isLegendRow([n, 'Ploeg A'])) && skillNames.every((n) => parseLevelText(n) === undefined));
          const team: Team = { id: 't', name: 'Ploeg A', archived: false };
          const station: Station = { id: 's', name: stationName, order: 0, archived: false };
          const skills: Skill[] = skillNames.map((n, i) => ({ id: `k${i}`, name: n, stationId: 's', description: '', targetCoverage: 3, validityMonths: null, requires: [], archived: false }));
          const workers: Worker[] = names.map((n, i) => ({ id: `w${i}`, name: n, teamId: 't', archived: false, role: 'worker', coachSince: null, showInitials: false }));
          const levels = new Map<string, LevelRecord>();
          workers.forEach((w, i) =>
            skills.forEach((s, j) => levels.set(`${w.id}|${s.id}`, { workerId: w.id, skillId: s.id, level: cells[(i * 4 + j) % 20]!, by: null, at: '', note: '', claim: null, outcome: null })),
          );
          const grid = matrixGrid(workers, [team], [station], skills, levels, { name: 'Naam', team: 'Team' });
          const back = parseCsv(decodeText(new TextEncoder().encode(writeCsv(grid))).text).grid;
          const result = readMatrix(back, guessLayout(back)!);
          expect(result.problems).toEqual([]);
          expect(result.skills.map(({ name, station }) => ({ name, station }))).toEqual(skills.map((s) => ({ name: s.name, station: stationName })));
          expect(result.rows.map((r) => ({ name: r.name, team: r.team, levels: levelsOf(result, r) }))).toEqual(
            workers.map((w) => ({
              name: w.name,
              team: 'Ploeg A',
              levels: skills.filter((s) => levels.get(`${w.id}|${s.id}`)!.level !== '-').map((s) => `${s.name}=${levels.get(`${w.id}|${s.id}`)!.level}`),
            })),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
