import { describe, expect, it } from 'vitest';
import { DEMO_WORKSHOP } from './demo';
import { PAPER, paperPages, paperSizes, SKILLS_PER_PAGE, wrappedLength } from './paperMatrix';

const skills = (counts: number[]) => counts.flatMap((n, st) => Array.from({ length: n }, (_, i) => ({ stationId: `st${st}`, id: `${st}-${i}` })));
const names = DEMO_WORKSHOP.stations.flatMap((st) => st.skills.map((s) => s.name));
const team = DEMO_WORKSHOP.workers.filter((w) => w.team === 'montage').map((w) => w.name);
const people = (n: number) => Array.from({ length: n }, (_, i) => `Persoon ${i + 1}`);

describe('the paper matrix', () => {
  it('puts whole stations on a sheet, and splits only a station too big for one', () => {
    const shape = (pages: { stationId: string }[][]) => pages.map((p) => p.map((s) => s.stationId).join(','));
    expect(paperPages(skills([3, 3, 3]), 6).map((p) => p.length)).toEqual([6, 3]);
    expect(shape(paperPages(skills([3, 3, 3]), 6))).toEqual(['st0,st0,st0,st1,st1,st1', 'st2,st2,st2']);
    expect(paperPages(skills([2, 9, 2]), 4).map((p) => p.length)).toEqual([2, 4, 4, 3]);
    expect(paperPages(skills(Array(8).fill(3))).map((p) => p.length)).toEqual([24]);
    expect(paperPages(skills(Array(12).fill(3))).map((p) => p.length)).toEqual([27, 9]);
    expect(paperPages([])).toEqual([]);
    expect(paperPages(skills([40])).every((p) => p.length <= SKILLS_PER_PAGE)).toBe(true);
  });

  it('wraps a name at its spaces, never inside a word', () => {
    expect(wrappedLength('Spuitcabine onderhouden', 2)).toBe(11);
    expect(wrappedLength('Spuitcabine onderhouden', 1)).toBe(23);
    expect(wrappedLength('Breedbandschuren', 3)).toBe(16);
    expect(wrappedLength('Hang- en sluitwerk', 2)).toBe(9);
  });

  it.each([1, 3, 12, 24, 28])('fills the width of A3 landscape with %i skills', (n) => {
    const size = paperSizes(names.slice(0, n).concat(Array(Math.max(0, n - names.length)).fill('Vaardigheid')), team);
    expect(size.nameShare + n * size.columnShare).toBeCloseTo(1, 9);
    expect(size.columnMm * n + size.nameShare * (PAPER.width - 2 * PAPER.margin)).toBeCloseTo(400, 6);
    expect(size.nameShare).toBeGreaterThan(0.1);
  });

  it('makes the header tall enough for the longest word, and shares the height left among the rows', () => {
    const demo = paperSizes(names, team);
    // "Breedbandschuren": 16 letters standing up, at the skill font.
    expect(demo.headerMm).toBeGreaterThanOrEqual(16 * demo.skillFontMm * 0.6);
    // "Tomasz Kowalski" fits on one line.
    expect(demo.nameShare * 400).toBeGreaterThan(15 * demo.nameFontMm * 0.6);
    expect(demo.rowMm).toBeGreaterThan(12);
    const used = 14 + 9 + demo.headerMm + 7 * demo.rowMm + 15 + 12;
    expect(used).toBeLessThanOrEqual(PAPER.height - 2 * PAPER.margin);
    expect(used).toBeGreaterThan(0.7 * (PAPER.height - 2 * PAPER.margin));
    // Many people: rows stay readable and go on over more sheets.
    expect(paperSizes(names, people(60)).rowMm).toBe(8);
    expect(paperSizes(names, people(1)).rowMm).toBe(20);
    // A very long name wraps rather than take the skills' room.
    expect(paperSizes(names, ['Maria Fernanda de los Ángeles van der Heijden-Oudendijk']).nameShare * 400).toBeLessThanOrEqual(60.001);
  });
});
