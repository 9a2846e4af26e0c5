import { describe, expect, it } from 'vitest';
import { LIMITS } from '../thresholds';
import type { Grid } from './csv';
import { isLevelLike, parseLevelText } from './levelText';
import { readMatrix, readMatrixSteps, type MatrixImport } from './matrixImport';
import { guessLayout, guessLayoutSteps, looksLikeMatrix, withRole, type MatrixLayout } from './matrixLayout';
import { isLegendRow, isTotalsRow } from './sheetWords';

/** Sheets as companies keep them in Excel: each case a small grid, read as the screen reads it. */
const read = (grid: Grid, change: (layout: MatrixLayout) => MatrixLayout = (l) => l): MatrixImport => readMatrix(grid, change(guessLayout(grid)!));
const roles = (grid: Grid) => guessLayout(grid)!.columns.map((c) => (c.reason ? `${c.role}/${c.reason}` : c.role));
const levels = (result: MatrixImport) => Object.fromEntries(result.rows.map((r) => [r.name, r.levels.map((l) => `${result.skills[l.skill]!.label}=${l.level}`).join(',')]));

describe('notes columns are whole words', () => {
  it('a skill with "note" inside its name is a skill; "Opmerkingen", "Notities", "Comments" are notes', () => {
    const grid = [
      ['Naam', 'Notenhout fineren', 'Opmerkingen', 'Notities', 'Toelichting', 'Comments', 'Remark', 'Annotatie lezen'],
      ['Jan', 'U', 'wil leren', 'x', '', 'ok', 'fine', 'L'],
    ];
    expect(roles(grid)).toEqual(['name', 'skill', 'ignore/notes', 'ignore/notes', 'ignore/notes', 'ignore/notes', 'ignore/notes', 'skill']);
    expect(levels(read(grid))).toEqual({ Jan: 'Notenhout fineren=U,Annotatie lezen=L' });
  });
});

describe('totals', () => {
  const grid = [
    ['Naam', 'Schaven', 'Frezen', 'Totaal U/O', 'Aantal'],
    ['Jan', 'U', 'O', '2', '2'],
    ['Piet', 'L', '', '0', '1'],
    ['Aantal U/O', '1', '1', '', ''],
    ['Totaal', '2', '1', '2', '3'],
    ['Som', '50%', '25%', '', ''],
  ];

  it('a totals column is left out with its reason; totals rows are skipped lines', () => {
    expect(roles(grid)).toEqual(['name', 'skill', 'skill', 'ignore/totals', 'ignore/totals']);
    const result = read(grid);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.name)).toEqual(['Jan', 'Piet']);
    expect(result.skipped).toEqual([
      { line: 4, reason: 'totals' },
      { line: 5, reason: 'totals' },
      { line: 6, reason: 'totals' },
    ]);
  });

  it('a skill whose name starts with a totals word but holds levels stays a skill; "Sommen" is no "Som"', () => {
    const skills = [
      ['Naam', 'Aantal tellen', 'Sommen controleren'],
      ['Jan', 'U', 'L'],
    ];
    expect(roles(skills)).toEqual(['name', 'skill', 'skill']);
    expect(isTotalsRow(['Sommen', '1', '2'])).toBe(false);
    expect(isTotalsRow(['Count', '3', '7'])).toBe(true);
    expect(isTotalsRow(['Totaal', 'Jan'])).toBe(false);
  });
});

describe('a legend under the table', () => {
  const grid = [
    ['Naam', 'Ploeg', 'Zagen', 'Schaven'],
    ['Jan', 'Machinaal', 'U', 'O'],
    ['Piet', 'Machinaal', 'L', ''],
    ['', '', '', ''],
    ['Legenda', '', '', ''],
    ['L = leert', '', '', ''],
    ['I', 'kan het onder begeleiding', '', ''],
    ['U', '', 'kan het zelfstandig', ''],
    ['O:', 'kan het anderen leren', '', ''],
    ['x - kan het', '', '', ''],
  ];

  it('is skipped, even with level letters where the names are and words in the team and skill columns', () => {
    const layout = guessLayout(grid)!;
    expect(layout.columns.map((c) => c.role)).toEqual(['name', 'team', 'skill', 'skill']);
    const result = read(grid);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.name)).toEqual(['Jan', 'Piet']);
    expect(result.skipped.map((s) => `${s.line}:${s.reason}`)).toEqual(['4:empty', '5:legend', '6:legend', '7:legend', '8:legend', '9:legend', '10:legend']);
  });

  it('is told apart from a person row', () => {
    expect(isLegendRow(['Jan', 'U', 'L'])).toBe(false);
    expect(isLegendRow(['', 'U', 'L'])).toBe(false);
    expect(isLegendRow(['Legenda: I = leert het'])).toBe(true);
    expect(isLegendRow(['100% = kan het anderen leren'])).toBe(true);
  });

  it('a person row with a missing name inside the table is still reported, not taken for a legend', () => {
    const missing = [
      ['Naam', 'Zagen', 'Notitie'],
      ['Jan', 'U', ''],
      ['', 'U', 'wil leren'],
      ['Piet', 'L', ''],
    ];
    expect(read(missing).problems).toEqual([{ line: 3, column: 'Naam', key: 'import.nameMissing' }]);
  });
});

describe('several sheets', () => {
  it('a sheet of instructions or a list of stations is no matrix; the matrix is', () => {
    const instructions = [['Zo vul je de matrix in'], ['Zet een letter in elk vak.']];
    const stations = [
      ['Station', 'Vaardigheid'],
      ['Zagen', 'Afkorten'],
    ];
    const matrix = [
      ['Naam', 'Afkorten'],
      ['Jan', 'U'],
    ];
    expect([instructions, stations, matrix].map((g) => looksLikeMatrix(guessLayout(g)))).toEqual([false, false, true]);
  });
});

describe('marks and percentages', () => {
  it('reads x, ✓ and v as the chosen level (U unless the lead says otherwise), and shows that', () => {
    const grid = [
      ['Naam', 'Zagen', 'Schaven', 'Frezen'],
      ['Jan', 'x', '✓', 'V'],
      ['Piet', 'X', '', 'U'],
    ];
    const result = read(grid);
    expect(levels(result)).toEqual({ Jan: 'Zagen=U,Schaven=U,Frezen=U', Piet: 'Zagen=U,Frezen=U' });
    expect(result.notations).toEqual([
      { text: 'x', level: 'U', mark: true },
      { text: '✓', level: 'U', mark: true },
      { text: 'V', level: 'U', mark: true },
    ]);
    const asO = read(grid, (l) => ({ ...l, markLevel: 'O' }));
    expect(levels(asO)).toEqual({ Jan: 'Zagen=O,Schaven=O,Frezen=O', Piet: 'Zagen=O,Frezen=U' });
  });

  it('reads 25/50/75/100 % as a quarter of the mark each', () => {
    expect(['0%', '25%', '50 %', '75%', '100%'].map((t) => parseLevelText(t))).toEqual(['-', 'I', 'L', 'U', 'O']);
    expect(parseLevelText('60%')).toBeUndefined();
    const result = read([
      ['Naam', 'Zagen', 'Schaven'],
      ['Jan', '50 %', '100%'],
    ]);
    expect(levels(result)).toEqual({ Jan: 'Zagen=L,Schaven=O' });
    expect(result.notations.map((n) => `${n.text} → ${n.level}`)).toEqual(['50 % → L', '100% → O']);
  });

  it('reads Excel percentages (0.25 … 1): in such a sheet 1 is 100 % (O), not rank 1 (I)', () => {
    const excel = [
      ['Naam', 'Zagen', 'Schaven', 'Frezen'],
      ['Jan', '0.25', '1', '0,75'],
      ['Piet', '0.5', '0', ''],
    ];
    expect(levels(read(excel))).toEqual({ Jan: 'Zagen=I,Schaven=O,Frezen=U', Piet: 'Zagen=L,Schaven=-' });
    expect(read(excel).notations.map((n) => `${n.text} → ${n.level}`)).toEqual(['0.25 → I', '1 → O', '0,75 → U', '0.5 → L', '0 → -']);
    // Without fractions, numbers are ranks.
    expect(levels(read([excel[0]!, ['Jan', '1', '3', '4']]))).toEqual({ Jan: 'Zagen=I,Schaven=U,Frezen=O' });
    // A number that fits neither is no level.
    expect(read([excel[0]!, ['Jan', '0.3', '1', '0.5'], ['Piet', '0.25', '0.75', '1']]).problems.map((p) => p.params?.value)).toEqual(['0.3']);
  });

  it('numbers of counts (5 and more) are no levels', () => {
    expect(['5', '12', '1,5', '-1'].map(isLevelLike)).toEqual([false, false, false, false]);
  });
});

describe('first and last names', () => {
  const grid = [
    ['Achternaam', 'Voornaam', 'Tussenvoegsel', 'Team', 'Zagen'],
    ['Vries', 'Jan', 'de', 'Machinaal', 'U'],
    ['Amrani', ' Fatima ', '', 'Machinaal', 'O'],
    ['', '', '', 'Machinaal', 'L'],
  ];

  it('joins Voornaam, Tussenvoegsel and Achternaam into one name, in that order', () => {
    expect(roles(grid)).toEqual(['lastName', 'firstName', 'infix', 'team', 'skill']);
    const result = read(grid);
    expect(result.rows.map((r) => r.name)).toEqual(['Jan de Vries', 'Fatima Amrani']);
    expect(result.problems).toEqual([{ line: 4, column: 'Achternaam', key: 'import.nameMissing' }]);
  });

  it('choosing a whole name column takes the parts away, and the other way round', () => {
    const layout = guessLayout(grid)!;
    const whole = withRole(layout, 0, 'name');
    expect(whole.columns.map((c) => c.role)).toEqual(['name', 'ignore', 'ignore', 'team', 'skill']);
    expect(withRole(whole, 1, 'firstName').columns.map((c) => c.role)).toEqual(['ignore', 'firstName', 'ignore', 'team', 'skill']);
    expect(withRole(layout, 4, 'team').columns.map((c) => c.role)).toEqual(['lastName', 'firstName', 'infix', 'ignore', 'team']);
  });
});

describe('names in Unicode', () => {
  it('Zoë typed with a combining diaeresis is the same person as Zoë typed precomposed, and is kept precomposed', () => {
    const grid = [
      ['Naam', 'Zagen'],
      ['Zoe\u0308  de Wit', 'U'],
      ['Zo\u00eb de Wit', 'L'],
    ];
    const result = read(grid);
    expect(result.rows.map((r) => r.name)).toEqual(['Zo\u00eb de Wit']);
    expect(result.problems).toEqual([{ line: 3, column: 'Naam', key: 'import.duplicateName', params: { name: 'Zo\u00eb de Wit', first: 2 } }]);
  });

  it('skill headers are compared the same way', () => {
    const result = read([
      ['Naam', 'Re\u0301gle\u0301ren', 'R\u00e9gl\u00e9ren'],
      ['Jan', 'U', 'L'],
    ]);
    expect(result.problems.map((p) => p.key)).toEqual(['import.duplicateSkill']);
  });
});

describe('the same skill name at two stations', () => {
  const grid = [
    ['', 'Voorbewerking', '', 'Afwerking'],
    ['Naam', 'Schuren', 'Zagen', 'Schuren'],
    ['Jan', 'U', 'L', 'Q'],
    ['Piet', 'L', 'U', 'O'],
  ];

  it('messages and the preview name the station too', () => {
    const result = read(grid);
    expect(result.skills.map((s) => s.label)).toEqual(['Schuren (Voorbewerking)', 'Zagen', 'Schuren (Afwerking)']);
    expect(result.problems).toEqual([{ line: 3, column: 'Schuren (Afwerking)', key: 'import.badLevel', params: { value: 'Q', skill: 'Schuren (Afwerking)' } }]);
  });
});

describe('limits', () => {
  it('refuses more skill columns than a workshop may have, naming the limit', () => {
    const header = ['Naam', ...Array.from({ length: LIMITS.skills + 1 }, (_, i) => `V${i}`)];
    const result = read([header, ['Jan', ...header.slice(1).map(() => 'U')]]);
    expect(result.problems).toEqual([{ line: 0, key: 'import.tooManySkills', params: { count: LIMITS.skills } }]);
  });

  it('refuses more people than a workshop may have, and stops reading there', () => {
    const grid = [['Naam', 'Zagen'], ...Array.from({ length: LIMITS.people + 10 }, (_, i) => [`Persoon ${i}`, 'U'])];
    const result = read(grid);
    expect(result.rows).toHaveLength(LIMITS.people);
    expect(result.problems).toEqual([{ line: 0, key: 'import.tooManyPeople', params: { count: LIMITS.people } }]);
  });
});

describe('long work in steps', () => {
  it('guessing and reading yield their progress from 0 to 1, often enough to keep a tab answering', () => {
    const grid = [['Naam', 'Zagen'], ...Array.from({ length: 200 }, (_, i) => [`P${i}`, 'U'])];
    for (const steps of [guessLayoutSteps(grid), readMatrixSteps(grid, guessLayout(grid)!)]) {
      const seen: number[] = [];
      for (let next = steps.next(); !next.done; next = steps.next()) seen.push(next.value);
      expect(seen.length).toBeGreaterThanOrEqual(grid.length);
      expect(seen.every((v, i) => v >= 0 && v <= 1 && (i === 0 || v >= seen[i - 1]!))).toBe(true);
    }
  });
});
