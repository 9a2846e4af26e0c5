import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planWall, sizePage, WALL_MIN, wrapLabel, type Measure, type WallStation, type WallTeam } from './wallLayout';

// Text as wide as DejaVu Sans Bold roughly is: 0.63 em a letter.
const measure: Measure = (text, px) => text.length * px * 0.63;

const skillNames = [
  'Afkorten',
  'Lengtezagen',
  'Formaatzagen',
  'Vlakken en vandikte',
  'Profielschaven',
  'Breedbandschuren',
  'Programma laden',
  'Frezen instellen',
  'Gereedschap wisselen',
  'Verlijmen',
  'Persen',
  'Fineren',
];
function stations(count: number, perStation = 3): WallStation[] {
  return Array.from({ length: count }, (_, s) => ({
    id: `st${s}`,
    name: `Station ${s}`,
    skills: Array.from({ length: perStation }, (_, k) => ({ id: `sk${s}-${k}`, name: skillNames[(s * perStation + k) % skillNames.length]! })),
  }));
}
function teams(sizes: number[]): WallTeam[] {
  return sizes.map((n, t) => ({ id: `team${t}`, workers: Array.from({ length: n }, (_, w) => ({ id: `w${t}-${w}`, name: `Medewerker ${t}-${w}` })) }));
}

/** Every page at least as large as the minimum, and each person × skill of each team exactly once. */
function checkPages(width: number, height: number, team: WallTeam[], st: WallStation[]) {
  const pages = planWall(width, height, team, st, measure);
  const seen = new Map<string, number>();
  for (const page of pages) {
    expect(page.sizes.mark).toBeGreaterThanOrEqual(WALL_MIN.mark);
    expect(page.sizes.nameFont).toBeGreaterThanOrEqual(WALL_MIN.font);
    const skills = page.stations.flatMap((s) => s.skills);
    for (const w of page.workers) for (const k of skills) seen.set(`${w.id}|${k.id}`, (seen.get(`${w.id}|${k.id}`) ?? 0) + 1);
  }
  const cells = team.reduce((n, t) => n + t.workers.length, 0) * st.reduce((n, s) => n + s.skills.length, 0);
  expect(seen.size).toBe(cells);
  expect([...seen.values()].every((n) => n === 1)).toBe(true);
  return pages;
}

describe('the wall layout', () => {
  it('puts 14 people and 24 skills on one page at 1920 × 1080, marks ≥ 40 px, names ≥ 24 px', () => {
    const pages = checkPages(1896, 930, teams([7, 7]), stations(8));
    expect(pages).toHaveLength(1);
    const s = pages[0]!.sizes;
    expect(s.nameWidth + 24 * s.cellWidth).toBeLessThanOrEqual(1896);
    expect(s.stationHeight + s.skillHeight + s.coverageHeight + 14 * s.cellHeight).toBeLessThanOrEqual(930);
  });

  it('pages by team on a 1280 × 800 tablet, and by groups of stations when a team is too wide', () => {
    const pages = checkPages(1256, 660, teams([7, 7]), stations(8));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((p) => p.teamId !== undefined)).toBe(true);
    // A page holds whole stations, in their order.
    expect(pages[0]!.stations[0]!.id).toBe('st0');
  });

  it('shows everyone over fewer pages when the screen is upright', () => {
    const pages = checkPages(1056, 1780, teams([7, 7]), stations(8));
    expect(pages.length).toBe(2);
    expect(pages[0]!.workers).toHaveLength(14);
  });

  it('grows with the screen: a 4K wall gets larger marks, up to a limit', () => {
    const big = planWall(3816, 2000, teams([7, 7]), stations(8), measure);
    expect(big).toHaveLength(1);
    expect(big[0]!.sizes.mark).toBeGreaterThan(60);
    expect(big[0]!.sizes.mark).toBeLessThanOrEqual(96);
  });

  it('keeps a very long name from pushing skills off the page, and gives every page the same sizes', () => {
    const crowd = teams([30, 30]);
    crowd[0]!.workers = [{ id: 'long', name: 'Maria Fernanda dos Santos Oliveira Pereira da Costa Ferreira' }, ...crowd[0]!.workers.slice(1)];
    const withLong = planWall(1256, 660, crowd, stations(8), measure);
    const plain = planWall(1256, 660, teams([30, 30]), stations(8), measure);
    expect(withLong.length).toBeLessThanOrEqual(plain.length + 2);
    expect(withLong[0]!.sizes.nameWidth).toBeLessThanOrEqual(1256 / 4);
    expect(new Set(withLong.map((p) => JSON.stringify(p.sizes))).size).toBe(1);
  });

  it('wraps a skill name at spaces only, balanced', () => {
    expect(wrapLabel('Vlakken en vandikte', 2, measure, 24)).toEqual(['Vlakken en', 'vandikte']);
    expect(wrapLabel('Breedbandschuren', 3, measure, 24)).toEqual(['Breedbandschuren']);
    expect(wrapLabel('a b c d', 1, measure, 24)).toEqual(['a b c d']);
  });

  it('does not fit anything on a screen too small for one mark', () => {
    expect(sizePage(100, 100, 1, stations(1, 1), teams([1])[0]!.workers, measure)).toBeNull();
  });

  it('covers every cell exactly once, with every page at the minimum, for any team and screen', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 360, max: 3840 }),
        fc.integer({ min: 500, max: 2160 }),
        (teamSizes, stationCount, perStation, width, height) => {
          checkPages(width, height, teams(teamSizes), stations(stationCount, perStation));
        },
      ),
      { numRuns: 150, seed: 15 },
    );
  });
});
