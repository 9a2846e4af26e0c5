import { leftBefore } from './privacy/retention';
import type { VaardigEvent } from './events';
import { hlcMillis } from './hlc';
import { atLeast, type LevelCode } from './levels';
import type { CoachingSession, LevelRecord, Skill, Team, Worker } from './model';
import { progressOf } from './progress';
import { stampOf } from './projection';
import type { Mapping, Qualification } from './qualification';
import { compareText } from './sort';
import { FUND_REPORT_MIN_GROUP } from './thresholds';
import { isExpired } from './validity';

/**
 * The anonymous report for an O&O fund: per team and in total, for a period and a
 * qualification. Two steps, each pure:
 *
 * 1. `fundFigures` counts (the definitions below are printed in the report itself);
 * 2. `publishFundTable` decides what may be shown (`fundSuppression`), DESIGN §5.
 *
 * Counted are the people active in Vaardig now. For the qualification's approved links to
 * skills that are not archived ("linked skills"):
 * - confirmed skills: a linked skill counts once per person when its level on the period's
 *   last day is U or O (can do it alone, can teach it), still valid, and that level was
 *   confirmed within the period. I and L never count; a claim counts once it is confirmed;
 * - coaching minutes: sessions a person had as learner on a linked skill, dated in the period;
 * - participant: someone with a confirmed skill or coaching minutes as above;
 * - werkprocessen shown: per participant, the werkprocessen shown as of the period's last day,
 *   from confirmations stamped up to then (and not expired then);
 * - headcount: the people in the team now, participants or not.
 * The total row is the sum of the team rows, so every column holds: Σ teams = total.
 */

/** One confirmed level as the log holds it. `stamp` orders confirmations of one cell (last wins). */
export interface Confirmation {
  workerId: string;
  skillId: string;
  level: LevelCode;
  by: string | null;
  /** Confirmed by someone on the floor (not recorded at setup or brought in with a matrix). */
  onTheFloor: boolean;
  at: string;
  stamp: string;
}

/** The events that confirm a level (a claim is not a confirmation until it is confirmed). */
export const CONFIRMATION_EVENT_TYPES = ['level.set', 'levels.recorded', 'claim.confirmed'] as const;

export function confirmationsOf(event: VaardigEvent): Confirmation[] {
  // Only a person confirming on the floor shows learning. A row of levels recorded at once (a
  // matrix brought in from Excel) and levels set while the workshop was set up (by nobody) say
  // what people could already do: they stand in the matrix, but are not results of the period.
  const base = { by: event.actor, at: event.at, stamp: stampOf(event), onTheFloor: event.actor !== null && event.type !== 'levels.recorded' };
  switch (event.type) {
    case 'level.set':
      return event.payload.status === 'confirmed' ? [{ ...base, workerId: event.payload.workerId, skillId: event.payload.skillId, level: event.payload.level }] : [];
    case 'levels.recorded':
      return event.payload.cells.map((c) => ({ ...base, workerId: event.payload.workerId, skillId: c.skillId, level: c.level }));
    case 'claim.confirmed':
      return [{ ...base, workerId: event.payload.workerId, skillId: event.payload.skillId, level: event.payload.level }];
    default:
      return [];
  }
}

/**
 * The period: its first and last day as written (yyyy-mm-dd, for coaching session dates) and
 * the same days as instants (`start`: the first moment of `from`; `end`: the first moment after
 * `to`), so the caller decides the time zone and this stays pure.
 */
export interface FundPeriod {
  from: string;
  to: string;
  start: number;
  end: number;
}

/**
 * Whole days in this device's time zone, as the date fields give them; null when either is not
 * a date or the period runs backwards.
 */
export function periodOfDays(from: string, to: string): FundPeriod | null {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(from) || !day.test(to) || from > to) return null;
  const start = new Date(`${from}T00:00:00`);
  const end = new Date(`${to}T00:00:00`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return null;
  end.setDate(end.getDate() + 1);
  return { from, to, start: start.getTime(), end: end.getTime() };
}

/** The report's columns, in order. Every one is a count that adds up over the teams. */
export const FUND_FIGURES = ['headcount', 'participants', 'confirmedSkills', 'coachingMinutes', 'werkprocessenShown'] as const;
export type FundFigure = (typeof FUND_FIGURES)[number];
export type FundFigures = Record<FundFigure, number>;

export interface FundGroup {
  name: string;
  figures: FundFigures;
}

/** A published row: `figures` null when the row is not shown. */
export interface FundRow {
  group: string;
  total: boolean;
  figures: FundFigures | null;
}

const zero = (): FundFigures => ({ headcount: 0, participants: 0, confirmedSkills: 0, coachingMinutes: 0, werkprocessenShown: 0 });

function add(into: FundFigures, more: FundFigures): FundFigures {
  for (const f of FUND_FIGURES) into[f] += more[f];
  return into;
}

export interface FundInput {
  qualification: Qualification;
  mappings: readonly Mapping[];
  /** With their write stamps where known: who left after the period still counts in it. */
  workers: readonly (Worker & { _clock?: Record<string, string> })[];
  /** Every team, archived ones included (a person is never left out of the team rows). */
  teams: readonly Team[];
  /** Every confirmation up to the end of the period, in any order (see `confirmationsOf`). */
  confirmations: readonly Confirmation[];
  skills: ReadonlyMap<string, Skill>;
  sessions: readonly CoachingSession[];
  period: FundPeriod;
  /** The row for people whose team is unknown here (so the total stays the sum of the rows). */
  noTeamLabel: string;
}

/** The raw figures per team (name order; teams without active people left out). */
export function fundFigures(input: FundInput): FundGroup[] {
  const { qualification: q, period } = input;
  const linked = new Set(
    input.mappings.filter((m) => m.qualificationId === q.id && m.status === 'approved' && !m.removed && input.skills.get(m.skillId) && !input.skills.get(m.skillId)!.archived).map((m) => m.skillId),
  );
  // Each linked cell's last confirmation up to the end of the period: its level on the last day.
  const asOfEnd = new Map<string, Map<string, Confirmation>>();
  for (const c of input.confirmations) {
    if (!linked.has(c.skillId) || hlcMillis(c.at) >= period.end) continue;
    let own = asOfEnd.get(c.workerId);
    if (!own) asOfEnd.set(c.workerId, (own = new Map()));
    const before = own.get(c.skillId);
    if (!before || before.stamp < c.stamp) own.set(c.skillId, c);
  }
  const minutesOf = new Map<string, number>();
  for (const s of input.sessions) {
    if (linked.has(s.skillId) && s.date >= period.from && s.date <= period.to) minutesOf.set(s.learnerId, (minutesOf.get(s.learnerId) ?? 0) + s.minutes);
  }
  const lastMoment = period.end - 1;
  const teamNames = new Map(input.teams.map((t) => [t.id, t.name]));
  const groups = new Map<string, FundGroup>();
  for (const w of input.workers) {
    // Someone who left (or was forgotten) after the period was there in it.
    if (leftBefore(w, period.end)) continue;
    const key = teamNames.has(w.teamId) ? w.teamId : '';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { name: teamNames.get(key) ?? input.noTeamLabel, figures: zero() }));
    group.figures.headcount++;
    const own = asOfEnd.get(w.id) ?? new Map<string, Confirmation>();
    const records = new Map<string, LevelRecord>();
    let confirmed = 0;
    for (const [skillId, c] of own) {
      const record: LevelRecord = { workerId: w.id, skillId, level: c.level, by: c.by, at: c.at, note: '', claim: null, outcome: null };
      records.set(skillId, record);
      if (c.onTheFloor && atLeast(c.level, 'U') && hlcMillis(c.at) >= period.start && !isExpired(record, input.skills.get(skillId)!, lastMoment)) confirmed++;
    }
    const minutes = minutesOf.get(w.id) ?? 0;
    if (confirmed === 0 && minutes === 0) continue;
    add(group.figures, {
      headcount: 0,
      participants: 1,
      confirmedSkills: confirmed,
      coachingMinutes: minutes,
      werkprocessenShown: progressOf(q, input.mappings, records, input.skills, lastMoment).shown,
    });
  }
  return [...groups.entries()].sort(([a, x], [b, y]) => Number(a === '') - Number(b === '') || compareText(x.name, y.name)).map(([, g]) => g);
}

/**
 * Which rows are not shown, so that no hidden number can be worked out from the shown ones.
 * In every column the one relation is Σ teams = total; a hidden number can be worked out
 * exactly when it is the only unknown in it. So:
 * 1. a team with fewer than k participants is hidden (all its columns, its headcount too);
 *    the total likewise (then every team has fewer than k and is hidden as well);
 * 2. with the total shown, the hidden teams must be none, or at least two that have at least
 *    k participants together: until they are, the next-smallest shown team (fewest
 *    participants, then name order) is hidden too. What can be worked out is then only the
 *    sum of two or more hidden teams, about at least k people — no more than a shown team
 *    tells. If no team were left to hide, the total is hidden instead (it cannot happen: all
 *    teams together are the total, which has k or more);
 * 3. with the total hidden, at least one team is hidden too, so adding up the shown teams
 *    does not give it back (rule 1 already hides them all).
 * Rows are hidden whole, so every column has the same unknowns and the rule holds per column.
 * The decisions use participant counts only, never the other columns' values.
 */
export function fundSuppression(participants: readonly number[], k: number = FUND_REPORT_MIN_GROUP): { groups: boolean[]; total: boolean } {
  const total = participants.reduce((n, p) => n + p, 0);
  const hidden = participants.map((p) => p < k);
  if (total < k) return { groups: participants.map(() => true), total: true };
  const order = participants.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  for (;;) {
    const inside = participants.filter((_, i) => hidden[i]);
    if (inside.length === 0 || (inside.length >= 2 && inside.reduce((n, p) => n + p, 0) >= k)) return { groups: hidden, total: false };
    const next = order.find(({ i }) => !hidden[i]);
    if (!next) return { groups: hidden, total: true };
    hidden[next.i] = true;
  }
}

/** The team rows and the total as published: hidden rows carry no figures at all. */
export function publishFundTable(groups: readonly FundGroup[], totalLabel: string, k: number = FUND_REPORT_MIN_GROUP): FundRow[] {
  const hide = fundSuppression(
    groups.map((g) => g.figures.participants),
    k,
  );
  const total = groups.reduce((sum, g) => add(sum, g.figures), zero());
  return [
    ...groups.map((g, i): FundRow => ({ group: g.name, total: false, figures: hide.groups[i] ? null : { ...g.figures } })),
    { group: totalLabel, total: true, figures: hide.total ? null : total },
  ];
}

export function fundReport(input: FundInput & { totalLabel: string }): FundRow[] {
  return publishFundTable(fundFigures(input), input.totalLabel);
}
