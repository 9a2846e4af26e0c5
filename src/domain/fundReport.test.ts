import fc from 'fast-check';
import { approvedMapping } from '../../tests/mappingFixture';
import { describe, expect, it } from 'vitest';
import type { EventOf, VaardigEvent } from './events';
import { EXAMPLE_QUALIFICATION } from './exampleQualification';
import {
  confirmationsOf,
  FUND_FIGURES,
  fundFigures,
  fundReport,
  fundSuppression,
  periodOfDays,
  publishFundTable,
  type Confirmation,
  type FundFigures,
  type FundGroup,
  type FundInput,
  type FundRow,
} from './fundReport';
import { formatHlc } from './hlc';
import type { LevelCode } from './levels';
import type { CoachingSession, Skill, Team, Worker } from './model';
import { qualificationId, type Mapping, type Qualification } from './qualification';
import { FUND_REPORT_MIN_GROUP } from './thresholds';

const K = FUND_REPORT_MIN_GROUP;
const DAY = 86_400_000;

// ————————————————————————————————————————————————————————————————————————————————
// What an outsider can work out from a published report
// ————————————————————————————————————————————————————————————————————————————————

/**
 * The outsider's view of one column: the published numbers, null where hidden, and the one
 * relation the table obeys, Σ teams = total. Returns, for every hidden cell, whether it is pinned
 * to one value. Over the integers (or reals) a hidden cell is pinned exactly when it is the only
 * unknown in the equation; `nonNegative` adds what everyone knows about counts (never below 0),
 * which also pins every hidden cell when the hidden ones must add up to 0.
 *
 * Rather than trusting that argument, the check builds a witness: a second filling-in of the
 * hidden cells, consistent with every published number, in which the cell differs.
 */
function pinnedCells(groups: (number | null)[], total: number | null, nonNegative: boolean): boolean[] {
  const hidden = groups.flatMap((v, i) => (v === null ? [i] : []));
  const knownSum = groups.reduce<number>((n, v) => n + (v ?? 0), 0);
  return groups.map((v, i) => {
    if (v !== null) return false;
    // Total hidden as well: the total absorbs any change, nothing is pinned by the equation.
    if (total === null) return false;
    const others = hidden.filter((j) => j !== i);
    if (others.length === 0) return true; // x_i = total − Σ shown: worked out exactly
    const rest = total - knownSum; // what the hidden cells add up to
    if (!nonNegative) return false; // x_i + 1 and some other − 1 is another solution
    // Non-negative witness: the hidden cells share `rest`; two fillings that differ in x_i
    // exist unless rest = 0 (then all are 0).
    if (rest < 0) throw new Error('published numbers contradict the table');
    const a = new Map(hidden.map((j) => [j, 0]));
    a.set(i, rest);
    const b = new Map(hidden.map((j) => [j, 0]));
    b.set(others[0]!, rest);
    return a.get(i) === b.get(i); // only when rest = 0
  });
}

/** Whether the hidden total can be worked out by adding up shown teams (it can when no team is hidden). */
function totalPinned(groups: (number | null)[], total: number | null): boolean {
  // (With no team at all there is nobody to count.)
  return total === null && groups.length > 0 && groups.every((v) => v !== null);
}

function expectNoLeak(rows: FundRow[], raw: FundGroup[]) {
  const teams = rows.filter((r) => !r.total);
  const total = rows.find((r) => r.total)!;
  expect(teams.map((r) => r.group)).toEqual(raw.map((g) => g.name));
  const hiddenTeams = raw.filter((_, i) => teams[i]!.figures === null);
  for (const [i, r] of teams.entries()) {
    // A shown team is what was counted, and has enough participants; a hidden one shows nothing.
    if (r.figures) {
      expect(r.figures).toEqual(raw[i]!.figures);
      expect(r.figures.participants).toBeGreaterThanOrEqual(K);
    } else expect(raw[i]!.figures.participants < K || hiddenTeams.length >= 2).toBe(true);
  }
  // Every team under k is hidden, and at most one bigger team is hidden alongside (no more than needed).
  expect(raw.every((g, i) => g.figures.participants >= K || teams[i]!.figures === null)).toBe(true);
  expect(hiddenTeams.filter((g) => g.figures.participants >= K).length).toBeLessThanOrEqual(1);
  if (total.figures) {
    for (const f of FUND_FIGURES) expect(total.figures[f]).toBe(raw.reduce((n, g) => n + g.figures[f], 0));
    // What can be worked out about the hidden teams together concerns at least k people.
    if (hiddenTeams.length) expect(hiddenTeams.reduce((n, g) => n + g.figures.participants, 0)).toBeGreaterThanOrEqual(K);
  } else {
    expect(raw.reduce((n, g) => n + g.figures.participants, 0)).toBeLessThan(K);
  }
  for (const f of FUND_FIGURES) {
    const column = teams.map((r) => r.figures?.[f] ?? null);
    const sum = total.figures?.[f] ?? null;
    expect(pinnedCells(column, sum, false), `${f}: a hidden team worked out by subtraction`).not.toContain(true);
    // Counts of people: not even knowing that counts are never negative helps.
    if (f === 'participants' || f === 'headcount') expect(pinnedCells(column, sum, true), `${f}: pinned by non-negativity`).not.toContain(true);
    expect(totalPinned(column, sum), `${f}: hidden total is the sum of the shown teams`).toBe(false);
  }
}

const figuresArb = fc
  .record({
    participants: fc.oneof(fc.integer({ min: 0, max: K + 1 }), fc.integer({ min: 0, max: 40 })),
    others: fc.integer({ min: 0, max: 12 }),
    confirmedSkills: fc.integer({ min: 0, max: 60 }),
    coachingMinutes: fc.integer({ min: 0, max: 3000 }),
    shownPer: fc.integer({ min: 0, max: 6 }),
  })
  .map((r): FundFigures => ({
    headcount: Math.max(1, r.participants + r.others),
    participants: r.participants,
    confirmedSkills: r.participants ? r.confirmedSkills : 0,
    coachingMinutes: r.participants ? r.coachingMinutes : 0,
    werkprocessenShown: r.participants * r.shownPer,
  }));

describe('fund report: nothing hidden can be worked out', () => {
  it('property: for random team sizes and figures, no hidden number follows from the shown ones', () => {
    fc.assert(
      fc.property(fc.array(figuresArb, { minLength: 0, maxLength: 9 }), (figures) => {
        const raw = figures.map((f, i) => ({ name: `Team ${String.fromCharCode(65 + i)}`, figures: f }));
        expectNoLeak(publishFundTable(raw, 'Totaal'), raw);
      }),
      { numRuns: 2000, seed: 1612026 },
    );
  });

  it('the reviewer’s case: a team of 2 beside one of 6 — both hidden, the total shown', () => {
    const raw: FundGroup[] = [
      { name: 'Machinaal', figures: { headcount: 6, participants: 6, confirmedSkills: 6, coachingMinutes: 0, werkprocessenShown: 6 } },
      { name: 'Montage', figures: { headcount: 3, participants: 2, confirmedSkills: 2, coachingMinutes: 90, werkprocessenShown: 2 } },
    ];
    expect(publishFundTable(raw, 'Totaal')).toEqual([
      { group: 'Machinaal', total: false, figures: null },
      { group: 'Montage', total: false, figures: null },
      { group: 'Totaal', total: true, figures: { headcount: 9, participants: 8, confirmedSkills: 8, coachingMinutes: 90, werkprocessenShown: 8 } },
    ]);
  });

  it('hides the next-smallest team, not a bigger one; two small teams that make k together need no third', () => {
    expect(fundSuppression([6, 20, 2, 9])).toEqual({ groups: [true, false, true, false], total: false });
    // Ties: the first in name order goes.
    expect(fundSuppression([7, 7, 1])).toEqual({ groups: [true, false, true], total: false });
    expect(fundSuppression([3, 30, 4])).toEqual({ groups: [true, false, true], total: false });
    // Two small teams, 1 + 2 < k together: a shown one goes too, so their sum is not about 3 people.
    expect(fundSuppression([1, 2, 12, 8])).toEqual({ groups: [true, true, false, true], total: false });
    expect(fundSuppression([5, 6, 7])).toEqual({ groups: [false, false, false], total: false });
    // Fewer than k in all: nothing at all.
    expect(fundSuppression([2, 2])).toEqual({ groups: [true, true], total: true });
    expect(fundSuppression([])).toEqual({ groups: [], total: true });
  });
});

// ————————————————————————————————————————————————————————————————————————————————
// What is counted
// ————————————————————————————————————————————————————————————————————————————————

const q: Qualification = { ...EXAMPLE_QUALIFICATION, id: qualificationId('99998', '2017-08-01') };
const skill = (id: string, validityMonths: number | null = null): Skill => ({ id, name: id, stationId: 's', description: '', targetCoverage: 3, validityMonths, requires: [], archived: false });
const skills = new Map([skill('a'), skill('b'), skill('c'), skill('d'), skill('x'), skill('f', 1)].map((s) => [s.id, s]));
const map = (werkproces: string, skillId: string, extra: Partial<Mapping> = {}): Mapping => approvedMapping(q.id, werkproces, skillId, extra);
// W1 ← b, W2 ← a, W3 ← f (expires after a month), W6 ← c (partly); d is linked only as a draft; x not at all.
const mappings = [map('B1-K1-W1', 'b'), map('B1-K1-W2', 'a'), map('B1-K1-W3', 'f'), map('B1-K1-W6', 'c', { coverage: 'partial' }), map('B1-K1-W4', 'd', { status: 'draft' })];

// November 2026, in UTC (the caller picks the time zone; see periodOfDays).
const period = { from: '2026-11-01', to: '2026-11-30', start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 11, 1) };
let counter = 0;
const conf = (workerId: string, skillId: string, level: LevelCode, ms: number): Confirmation => {
  const at = formatHlc({ wall: ms, counter: counter++ % 1000 }, 'd');
  return { workerId, skillId, level, by: 'lead', onTheFloor: true, at, stamp: `${at}~e${counter}` };
};
const inPeriod = (day: number) => Date.UTC(2026, 10, day, 12);
const session = (learnerId: string, skillId: string, date: string, minutes: number): CoachingSession => ({
  id: `${learnerId}-${skillId}-${date}`,
  coachId: 'coach',
  learnerId,
  skillId,
  assignmentId: null,
  date,
  minutes,
  practised: '',
  levelReached: null,
  at: '',
});
const worker = (id: string, teamId = 'T', extra: Partial<Worker> = {}): Worker => ({ id, name: id, teamId, archived: false, role: 'worker', coachSince: null, showInitials: false, ...extra });
const teams: Team[] = [{ id: 'T', name: 'Machinaal', archived: false }];

function figuresOf(input: Partial<FundInput> & Pick<FundInput, 'workers'>): FundFigures {
  const groups = fundFigures({ qualification: q, mappings, teams, confirmations: [], skills, sessions: [], period, noTeamLabel: 'Zonder team', ...input });
  return groups.reduce(
    (sum, g) => {
      for (const f of FUND_FIGURES) sum[f] += g.figures[f];
      return sum;
    },
    { headcount: 0, participants: 0, confirmedSkills: 0, coachingMinutes: 0, werkprocessenShown: 0 } as FundFigures,
  );
}

describe('fund report: what counts', () => {
  it('counts a skill as confirmed at U or O only, never I or L, once per person', () => {
    const confirmations = [conf('w', 'a', 'U', inPeriod(3)), conf('w', 'b', 'O', inPeriod(4)), conf('w', 'c', 'I', inPeriod(5)), conf('v', 'a', 'L', inPeriod(5)), conf('v', 'b', 'I', inPeriod(6))];
    // w: a raised again from U to O in the period counts once.
    confirmations.push(conf('w', 'a', 'O', inPeriod(20)));
    expect(figuresOf({ workers: [worker('w'), worker('v')], confirmations })).toMatchObject({ headcount: 2, participants: 1, confirmedSkills: 2 });
  });

  it('counts only the qualification’s approved links: not a draft link, not another skill, not a claim', () => {
    const claim = {
      id: 'e1',
      type: 'level.set',
      at: formatHlc({ wall: inPeriod(2), counter: 0 }, 'd'),
      actor: 'w',
      device: 'd',
      refs: [],
      payload: { workerId: 'w', skillId: 'a', level: 'U', status: 'claimed', note: '' },
    } as VaardigEvent;
    const confirmations = [conf('w', 'd', 'U', inPeriod(3)), conf('w', 'x', 'O', inPeriod(3)), ...confirmationsOf(claim)];
    const sessions = [session('w', 'x', '2026-11-10', 60), session('w', 'd', '2026-11-10', 60)];
    expect(figuresOf({ workers: [worker('w')], confirmations, sessions })).toMatchObject({ participants: 0, confirmedSkills: 0, coachingMinutes: 0 });
  });

  it('a participant has a confirmation or coaching on a linked skill in the period', () => {
    const sessions = [session('c', 'a', '2026-11-10', 45), session('c', 'c', '2026-11-11', 30)];
    expect(figuresOf({ workers: [worker('c'), worker('n')], sessions })).toEqual({ headcount: 2, participants: 1, confirmedSkills: 0, coachingMinutes: 75, werkprocessenShown: 0 });
  });

  it('keeps to the period: from its first moment, up to (not including) the first moment after it; sessions by their day', () => {
    const confirmations = [conf('first', 'a', 'U', period.start), conf('before', 'a', 'U', period.start - 1), conf('last', 'a', 'U', period.end - 1), conf('after', 'a', 'U', period.end)];
    const sessions = [session('s1', 'a', '2026-11-01', 10), session('s2', 'a', '2026-11-30', 20), session('s3', 'a', '2026-10-31', 40), session('s4', 'a', '2026-12-01', 80)];
    const workers = ['first', 'before', 'last', 'after', 's1', 's2', 's3', 's4'].map((id) => worker(id));
    expect(figuresOf({ workers, confirmations, sessions })).toEqual({ headcount: 8, participants: 4, confirmedSkills: 2, coachingMinutes: 30, werkprocessenShown: 2 });
  });

  it('takes each level as it stood at the end of the period: a change after it does not count, one within it does', () => {
    const confirmations = [
      // Lowered again within the period: on its last day it stood at L.
      conf('lowered', 'a', 'U', inPeriod(3)),
      conf('lowered', 'a', 'L', inPeriod(25)),
      // Lowered only after the period: it stood at U.
      conf('later', 'a', 'U', inPeriod(3)),
      conf('later', 'a', 'I', period.end + DAY),
      // Raised only after the period: it stood at L.
      conf('raised', 'a', 'L', inPeriod(3)),
      conf('raised', 'a', 'O', period.end + DAY),
    ];
    const workers = ['lowered', 'later', 'raised'].map((id) => worker(id));
    expect(figuresOf({ workers, confirmations })).toMatchObject({ participants: 1, confirmedSkills: 1, werkprocessenShown: 1 });
  });

  it('counts werkprocessen shown as of the end of the period, from confirmations up to then', () => {
    const confirmations = [
      conf('w', 'b', 'U', Date.UTC(2025, 5, 1)), // before the period: W1 stays shown, the skill is not "confirmed in the period"
      conf('w', 'a', 'O', inPeriod(10)), // W2
      conf('w', 'c', 'U', inPeriod(11)), // W6 is only partly covered by c
      conf('w', 'f', 'U', Date.UTC(2026, 9, 15)), // W3: valid one month, expired by 30 November
    ];
    expect(figuresOf({ workers: [worker('w')], confirmations })).toMatchObject({ participants: 1, confirmedSkills: 2, werkprocessenShown: 2 });
    // Up to 10 November: c was not confirmed yet, and f (confirmed 15 October) was still valid, so W3 counts.
    const early = { from: '2026-11-01', to: '2026-11-10', start: period.start, end: Date.UTC(2026, 10, 11) };
    expect(figuresOf({ workers: [worker('w')], confirmations, period: early })).toMatchObject({ confirmedSkills: 1, werkprocessenShown: 3 });
    // f confirmed again within that period counts as confirmed in it.
    const withF = [...confirmations, conf('w', 'f', 'U', inPeriod(2))];
    expect(figuresOf({ workers: [worker('w')], confirmations: withF, period: early })).toMatchObject({ confirmedSkills: 2, werkprocessenShown: 3 });
  });

  it('a skill confirmed in the period that has expired by its end does not count', () => {
    const long = { from: '2026-01-01', to: '2026-11-30', start: Date.UTC(2026, 0, 1), end: period.end };
    expect(figuresOf({ workers: [worker('w')], confirmations: [conf('w', 'f', 'U', Date.UTC(2026, 1, 1))], period: long })).toMatchObject({ participants: 0, confirmedSkills: 0 });
  });

  it('headcount: the active people of each team; archived people count nowhere; an unknown team is a row of its own', () => {
    const workers = [...['a1', 'a2', 'a3'].map((id) => worker(id)), worker('gone', 'T', { archived: true }), worker('lost', 'nowhere')];
    const confirmations = [conf('gone', 'a', 'U', inPeriod(3)), conf('a1', 'a', 'U', inPeriod(3)), conf('lost', 'a', 'U', inPeriod(3))];
    const groups = fundFigures({ qualification: q, mappings, teams, workers, confirmations, skills, sessions: [], period, noTeamLabel: 'Zonder team' });
    expect(groups.map((g) => [g.name, g.figures.headcount, g.figures.participants])).toEqual([
      ['Machinaal', 3, 1],
      ['Zonder team', 1, 1],
    ]);
  });

  it('fundReport puts counting and hiding together', () => {
    const workers = [...Array.from({ length: 6 }, (_, i) => worker(`m${i}`)), worker('s0', 'S'), worker('s1', 'S')];
    const confirmations = workers.map((w) => conf(w.id, 'a', 'U', inPeriod(5)));
    const rows = fundReport({
      qualification: q,
      mappings,
      workers,
      teams: [...teams, { id: 'S', name: 'Spuiterij', archived: true }],
      confirmations,
      skills,
      sessions: [],
      period,
      noTeamLabel: 'Zonder team',
      totalLabel: 'Totaal',
    });
    expect(rows).toEqual([
      { group: 'Machinaal', total: false, figures: null },
      { group: 'Spuiterij', total: false, figures: null },
      { group: 'Totaal', total: true, figures: { headcount: 8, participants: 8, confirmedSkills: 8, coachingMinutes: 0, werkprocessenShown: 8 } },
    ]);
  });
});

describe('fund report: confirmations from the log', () => {
  const base = { at: formatHlc({ wall: inPeriod(1), counter: 0 }, 'd'), actor: 'lead', device: 'd', refs: [] };
  const ev = <T extends VaardigEvent['type']>(id: string, type: T, payload: EventOf<T>['payload']) => ({ ...base, id, type, payload }) as VaardigEvent;

  it('are confirmed level.set, levels.recorded cells and confirmed claims (at the level confirmed); claims and the rest are not', () => {
    expect(confirmationsOf(ev('e1', 'level.set', { workerId: 'w', skillId: 'a', level: 'U', status: 'confirmed', note: '' }))).toEqual([
      { workerId: 'w', skillId: 'a', level: 'U', by: 'lead', onTheFloor: true, at: base.at, stamp: `${base.at}~e1` },
    ]);
    expect(confirmationsOf(ev('e2', 'level.set', { workerId: 'w', skillId: 'a', level: 'O', status: 'claimed', note: '' }))).toEqual([]);
    expect(
      confirmationsOf(
        ev('e3', 'levels.recorded', {
          workerId: 'w',
          cells: [
            { skillId: 'a', level: 'L', note: '' },
            { skillId: 'b', level: 'O', note: '' },
          ],
        }),
      ).map((c) => `${c.skillId}:${c.level}:${c.onTheFloor}`),
    ).toEqual(['a:L:false', 'b:O:false']); // a matrix brought in: what people could already do
    // Set while the workshop was set up, by nobody: also not a result of the period.
    expect(confirmationsOf({ ...ev('e6', 'level.set', { workerId: 'w', skillId: 'a', level: 'U', status: 'confirmed', note: '' }), actor: null } as VaardigEvent).map((c) => c.onTheFloor)).toEqual([
      false,
    ]);
    expect(confirmationsOf(ev('e4', 'claim.confirmed', { workerId: 'w', skillId: 'a', claimedLevel: 'O', level: 'U', note: 'nog niet' })).map((c) => c.level)).toEqual(['U']);
    expect(confirmationsOf(ev('e5', 'claim.declined', { workerId: 'w', skillId: 'a', claimedLevel: 'O', note: 'nee' }))).toEqual([]);
  });

  it('a matrix brought in and levels set at the start stand in the matrix but are not confirmations of the period', () => {
    const brought = { ...conf('w', 'a', 'U', inPeriod(3)), onTheFloor: false };
    expect(figuresOf({ workers: [worker('w')], confirmations: [brought] })).toMatchObject({ participants: 0, confirmedSkills: 0 });
    // They still count for werkprocessen shown by someone who takes part (confirmed b on the floor).
    const onFloor = conf('w', 'b', 'U', inPeriod(4));
    expect(figuresOf({ workers: [worker('w')], confirmations: [brought, onFloor] })).toMatchObject({ participants: 1, confirmedSkills: 1, werkprocessenShown: 2 });
  });

  it('periodOfDays: whole local days; refuses a period that runs backwards or is not a date', () => {
    const p = periodOfDays('2026-03-28', '2026-03-29')!;
    expect(new Date(p.start).getDate()).toBe(28);
    expect(new Date(p.end).getDate()).toBe(30);
    expect(new Date(p.end).getHours()).toBe(0);
    expect(periodOfDays('2026-04-02', '2026-04-01')).toBeNull();
    expect(periodOfDays('', '2026-04-01')).toBeNull();
  });
});

// ————————————————————————————————————————————————————————————————————————————————
// The whole way, from people and their confirmations to the published rows
// ————————————————————————————————————————————————————————————————————————————————

describe('fund report: property over people, confirmations and coaching', () => {
  const levelArb = fc.constantFrom<LevelCode>('-', 'I', 'L', 'U', 'O');
  const momentArb = fc.integer({ min: period.start - 40 * DAY, max: period.end + 10 * DAY });
  const caseArb = fc
    .record({
      people: fc.array(fc.record({ team: fc.constantFrom('T', 'S', 'R', 'gone'), archived: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }), { maxLength: 24 }),
      confirmations: fc.array(fc.record({ who: fc.nat(30), skill: fc.constantFrom('a', 'b', 'c', 'd', 'f', 'x'), level: levelArb, at: momentArb }), { maxLength: 60 }),
      sessions: fc.array(fc.record({ who: fc.nat(30), skill: fc.constantFrom('a', 'b', 'x'), day: fc.integer({ min: -5, max: 35 }), minutes: fc.integer({ min: 1, max: 240 }) }), { maxLength: 30 }),
    })
    .map(({ people, confirmations, sessions }) => {
      const workers = people.map((p, i) => worker(`p${i}`, p.team, { archived: p.archived }));
      const id = (n: number) => `p${n % Math.max(1, workers.length)}`;
      return {
        workers,
        confirmations: confirmations.map((c) => conf(id(c.who), c.skill, c.level, c.at)),
        sessions: sessions.map((s) => session(id(s.who), s.skill, new Date(period.start + s.day * DAY).toISOString().slice(0, 10), s.minutes)),
      };
    });
  const allTeams: Team[] = [...teams, { id: 'S', name: 'Spuiterij', archived: false }, { id: 'R', name: 'Reparatie', archived: true }];
  const run = (c: { workers: Worker[]; confirmations: Confirmation[]; sessions: CoachingSession[] }) =>
    fundFigures({ qualification: q, mappings, teams: allTeams, skills, period, noTeamLabel: 'Zonder team', ...c });

  it('the table adds up, stays within what is possible, does not look past the period, and leaks nothing', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const groups = run(c);
        expect(groups.reduce((n, g) => n + g.figures.headcount, 0)).toBe(c.workers.filter((w) => !w.archived).length);
        for (const g of groups) {
          expect(g.figures.participants).toBeLessThanOrEqual(g.figures.headcount);
          // Linked skills: a, b, c, f (d is a draft link); werkprocessen that can be shown: W1, W2, W3.
          expect(g.figures.confirmedSkills).toBeLessThanOrEqual(4 * g.figures.participants);
          expect(g.figures.werkprocessenShown).toBeLessThanOrEqual(3 * g.figures.participants);
        }
        // Anything after the period, and I/L/'-' confirmations on cells nobody confirmed otherwise, change nothing.
        const later = c.confirmations.map((x) => conf(x.workerId, x.skillId, 'O', period.end + DAY));
        expect(run({ ...c, confirmations: [...c.confirmations, ...later] })).toEqual(groups);
        const fresh = c.workers.map((w) => conf(w.id, 'b', 'L', inPeriod(9)));
        const untouched = c.confirmations.filter((x) => x.skillId !== 'b');
        expect(run({ ...c, confirmations: [...untouched, ...fresh] }).map((g) => [g.figures.participants, g.figures.confirmedSkills])).toEqual(
          run({ ...c, confirmations: untouched }).map((g) => [g.figures.participants, g.figures.confirmedSkills]),
        );
        expectNoLeak(publishFundTable(groups, 'Totaal'), groups);
      }),
      { numRuns: 300, seed: 20261601 },
    );
  });
});
