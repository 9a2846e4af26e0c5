import { decodeDemoLevel, demoLevelChars, type DemoWorkshop } from './demo';
import { rng } from './factoryPlan';
import { levelOf, LEVELS, type LevelCode } from './levels';
import { DAY_MS, DEFAULT_TARGET_COVERAGE } from './thresholds';

/**
 * The demo workshop's past: twelve weeks of people learning from each other, ending at the
 * moment the demo is installed, so that the coaching overview and the coverage chart tell a
 * story from the first start. The workshop is set up a week before that (its people, skills
 * and the levels they had then); then some cells rise — I, L, U over the weeks — through
 * coaching sessions, claims and confirmations, until every cell is what the demo table says.
 *
 * Pure and deterministic: the same install moment (and time zone) gives the same plan. People
 * are indexes into `workshop.workers`, skills indexes into the stations' skills in table order.
 */
export const DEMO_HISTORY = {
  /** Weeks of history before the install moment; the setup is the week before them. */
  weeks: 12,
  seed: 20_151,
  /** Cells that rise during the history (the rest was already there at setup). */
  risingCells: 34,
  /** Level rises confirmed in the last seven days: the wall's "this week" has news. */
  risesThisWeek: 4,
  /** Assignments that were given and reached during the history. */
  assignments: 4,
  /** Assignments still running at install (one already practised): "Wie leert wat" has a plan. */
  openAssignments: 3,
} as const;

export type DemoStep =
  | { kind: 'assignment'; at: number; assignment: number; worker: number; skill: number; coach: number; targetLevel: LevelCode; dueDate: string }
  | { kind: 'assignmentStatus'; at: number; assignment: number; status: 'inProgress' | 'reached'; by: number }
  | {
      kind: 'session';
      at: number;
      session: number;
      coach: number;
      learner: number;
      skill: number;
      /** The learner's calendar day (yyyy-mm-dd). */
      date: string;
      minutes: number;
      practised: string;
      levelReached: LevelCode | null;
      assignment: number | null;
    }
  | { kind: 'claim'; at: number; worker: number; skill: number; level: LevelCode }
  /** `claimed`: the waiting claim this answers (null: confirmed without one); `evidence`: the session it rests on. */
  | { kind: 'confirm'; at: number; worker: number; skill: number; level: LevelCode; by: number; claimed: LevelCode | null; evidence: number | null };

export interface DemoHistoryPlan {
  /** When the workshop was set up: everything before the history is stamped here. */
  setupAt: number;
  /** Per worker, per skill: the confirmed level at setup ('-' for none). */
  baseline: LevelCode[][];
  /** Everything after the setup, oldest first, all before the install moment. */
  steps: DemoStep[];
}

const PRACTISED = ['Voorgedaan en samen geoefend.', 'Zelf gedaan, de coach keek mee.', 'Uitleg bij de machine en geoefend.', 'Samen een order gedaan.', ''];
const REACHED = ['Zelf gedaan zonder hulp.', 'Laten zien dat het lukt.', ''];
const MINUTES = [30, 45, 45, 60, 60, 90, 120];

/** Calendar days relative to the install day: day 0 is that day, day -1 the day before. */
function calendar(now: number) {
  const today = new Date(now);
  const moment = (day: number, minuteOfDay: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() + day, 0, minuteOfDay).getTime();
  const isWorkday = (day: number) => {
    const weekday = new Date(moment(day, 12 * 60)).getDay();
    return weekday !== 0 && weekday !== 6;
  };
  /** The workday on or before `day` (on or after it when that would fall before `floor`). */
  const workday = (day: number, floor: number) => {
    let d = day;
    while (!isWorkday(d)) d--;
    if (d >= floor) return d;
    d = day;
    while (!isWorkday(d)) d++;
    return d;
  };
  const date = (ms: number) => {
    const d = new Date(ms);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  return { moment, isWorkday, workday, date };
}

interface Cell {
  worker: number;
  skill: number;
  final: LevelCode;
}

/** The demo's history for an install at `now`. */
export function planDemoHistory(workshop: DemoWorkshop, now: number, seed: number = DEMO_HISTORY.seed): DemoHistoryPlan {
  // Two streams: what happens (who learns what from whom, how) does not depend on the
  // calendar; when it happens does (weekends fall on other days for another install moment).
  const random = rng(seed);
  const timing = rng(seed + 1);
  const pick = <T>(list: readonly T[], r = random): T => list[Math.floor(r() * list.length)]!;
  const shuffled = <T>(list: readonly T[], r = random): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const cal = calendar(now);
  const firstDay = -7 * DEMO_HISTORY.weeks;
  const skills = workshop.stations.flatMap((st) => st.skills);
  const table = workshop.workers.map((w) => demoLevelChars(w.levels).map(decodeDemoLevel));
  const lead = workshop.workers.findIndex((w) => w.name === workshop.lead.name);
  const peerCoaches = new Set(workshop.coaches.map((c) => workshop.workers.findIndex((w) => w.name === c.name)));
  const confirmedAt = (worker: number, skill: number): LevelCode => {
    const cell = table[worker]![skill];
    return cell?.status === 'confirmed' ? cell.level : '-';
  };
  const rank = (level: LevelCode) => levelOf(level).rank;

  // Who could teach a cell: O never rises in the history, so whoever has it had it at setup.
  // Peer coaches first, then colleagues at O, then the lead.
  const teacherOf = (cell: Cell): number | null => {
    const atO = workshop.workers.map((_, w) => w).filter((w) => w !== cell.worker && confirmedAt(w, cell.skill) === 'O');
    const tiers = [atO.filter((w) => peerCoaches.has(w)), atO.filter((w) => w !== lead && !peerCoaches.has(w)), atO.filter((w) => w === lead)];
    const tier = tiers.find((t) => t.length);
    return tier ? pick(tier) : null;
  };

  // Which cells rise: first, per skill at its target, enough capable people to make it a gap
  // at setup (the chart climbs as they reach U); then other cells, until the budget.
  const candidates: Cell[] = [];
  table.forEach((row, worker) =>
    row.forEach((cell, skill) => {
      if (worker !== lead && cell?.status === 'confirmed' && cell.level !== 'O') candidates.push({ worker, skill, final: cell.level });
    }),
  );
  const rising = new Set<Cell>();
  for (const skill of shuffled(skills.map((_, i) => i))) {
    const capable = table.filter((row) => row[skill]?.status === 'confirmed' && levelOf(row[skill]!.level).countsForCoverage).length;
    const need = capable - (skills[skill]!.target ?? DEFAULT_TARGET_COVERAGE) + 1;
    const atU = shuffled(candidates.filter((c) => c.skill === skill && c.final === 'U'));
    if (need >= 1 && need <= 2 && need <= atU.length) atU.slice(0, need).forEach((c) => rising.add(c));
  }
  // Most of the others on the skills of the qualification people work toward.
  const mapped = new Set(workshop.mappings.map((m) => skills.findIndex((s) => s.name === m.skill)));
  const others = shuffled(candidates);
  for (const c of [...others.filter((c) => mapped.has(c.skill)), ...others.filter((c) => !mapped.has(c.skill))]) if (rising.size < DEMO_HISTORY.risingCells) rising.add(c);

  const baseline = table.map((row) => row.map((cell) => (cell?.status === 'confirmed' ? cell.level : '-')));
  const plans = shuffled([...rising]).map((cell) => {
    // Mostly from a level below; now and then from nothing at all.
    const below = LEVELS.filter((l) => l.rank > 0 && l.rank < rank(cell.final)).map((l) => l.code);
    const fromBelow = random() < 0.75;
    const from: LevelCode = below.length && fromBelow ? pick(below) : '-';
    baseline[cell.worker]![cell.skill] = from;
    return { cell, from, teacher: teacherOf(cell), finish: 0, assignment: null as number | null };
  });

  // When each cell reaches its level. A few in the last days (at least two taught by a peer
  // coach); the others spread evenly over the weeks before, so coverage climbs steadily.
  const risesOf = (p: (typeof plans)[number]) => rank(p.cell.final) - rank(p.from);
  const peerTaught = (p: (typeof plans)[number]) => p.teacher !== null && p.teacher !== lead;
  const fresh = plans.filter((p) => rank(p.cell.final) >= 2 && p.teacher !== null);
  const thisWeek = [...fresh.filter(peerTaught).slice(0, 2)];
  for (const p of fresh) if (thisWeek.length < DEMO_HISTORY.risesThisWeek && !thisWeek.includes(p)) thisWeek.push(p);
  const workdaysIn = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i).filter(cal.isWorkday);
  // Not the seventh day back: whether that is "this week" depends on the hour of the install.
  const lastDays = shuffled(workdaysIn(-6, -1), timing);
  thisWeek.forEach((p, i) => (p.finish = lastDays[i % lastDays.length]!));
  const earlier = plans.filter((p) => !thisWeek.includes(p));
  const span = -8 - (firstDay + 8);
  earlier.forEach((p, i) => {
    const slot = Math.round(firstDay + 8 + ((i + timing()) * span) / earlier.length);
    p.finish = cal.workday(Math.max(slot, firstDay + 1 + (risesOf(p) - 1) * 12), firstDay + 1);
  });

  // Assignments: the lead pairs a learner with a peer coach for their last step (one reached this week).
  const assigned = [...thisWeek.filter(peerTaught).slice(0, 1), ...earlier.filter((p) => peerTaught(p) && p.cell.final === 'U')].slice(0, DEMO_HISTORY.assignments);
  assigned.forEach((p, i) => (p.assignment = i));

  const steps: DemoStep[] = [];
  let sessions = 0;
  const time = (day: number, from: number, to: number) => cal.moment(day, from + Math.floor(timing() * ((to - from) / 15)) * 15);
  const session = (day: number, p: (typeof plans)[number], levelReached: LevelCode | null, minuteFrom = 7 * 60 + 30, minuteTo = 15 * 60) => {
    const at = time(day, minuteFrom, minuteTo);
    const step: DemoStep = {
      kind: 'session',
      at,
      session: sessions++,
      coach: p.teacher!,
      learner: p.cell.worker,
      skill: p.cell.skill,
      date: cal.date(at),
      minutes: pick(MINUTES, timing),
      practised: pick(levelReached ? REACHED : PRACTISED, timing),
      levelReached,
      assignment: p.assignment,
    };
    steps.push(step);
    return step;
  };

  for (const p of plans) {
    const { worker, skill } = p.cell;
    const count = risesOf(p);
    const gap = count > 1 ? Math.min(10 + Math.floor(timing() * 10), Math.floor((p.finish - firstDay - 1) / (count - 1))) : 0;
    let previous = firstDay;
    for (let r = 1; r <= count; r++) {
      const level = LEVELS.find((l) => l.rank === rank(p.from) + r)!.code;
      const last = r === count;
      const day = last ? p.finish : cal.workday(p.finish - (count - r) * gap, previous + 1);
      const assignment = last ? p.assignment : null;
      // Practice before the step, in its own week (the last week holds only the step itself).
      const wantsPractice = random() < 0.6;
      const practiceDay = cal.workday(day - (thisWeek.includes(p) && last ? 8 : 2) - Math.floor(timing() * 4), previous + 1);
      const practice = p.teacher !== null && practiceDay > previous && practiceDay < day && (assignment !== null || wantsPractice);
      if (assignment !== null) {
        // Given first thing in the morning, before any session that works on it.
        const given = cal.workday(Math.max(previous + 1, (practice ? practiceDay : day) - 7), previous + 1);
        steps.push({ kind: 'assignment', at: cal.moment(given, 7 * 60), assignment, worker, skill, coach: p.teacher!, targetLevel: level, dueDate: cal.date(cal.moment(day + 14, 0)) });
      }
      if (practice) {
        const s = session(practiceDay, { ...p, assignment }, null);
        if (assignment !== null) steps.push({ kind: 'assignmentStatus', at: s.at + 60_000, assignment, status: 'inProgress', by: p.teacher! });
      }
      // The step: reached in a session the coach confirms, or claimed and confirmed later that day.
      const reachedInSession = random() < 0.5;
      const byCoach = random() < 0.4;
      const inSession = p.teacher !== null && (assignment !== null || (thisWeek.includes(p) && last) || level === 'I' || reachedInSession);
      let confirmedAt: number;
      if (inSession) {
        const s = session(day, { ...p, assignment }, level, 8 * 60, 14 * 60);
        if (assignment !== null && !practice) steps.push({ kind: 'assignmentStatus', at: s.at + 30_000, assignment, status: 'inProgress', by: p.teacher! });
        confirmedAt = s.at + 60_000;
        steps.push({ kind: 'confirm', at: confirmedAt, worker, skill, level, by: p.teacher!, claimed: null, evidence: s.session });
      } else if (level === 'I') {
        confirmedAt = time(day, 9 * 60, 15 * 60);
        steps.push({ kind: 'confirm', at: confirmedAt, worker, skill, level, by: lead, claimed: null, evidence: null });
      } else {
        const claimedAt = time(day, 7 * 60, 11 * 60);
        steps.push({ kind: 'claim', at: claimedAt, worker, skill, level });
        const by = p.teacher !== null && p.teacher !== lead && byCoach ? p.teacher : lead;
        confirmedAt = time(day, 12 * 60, 16 * 60);
        steps.push({ kind: 'confirm', at: confirmedAt, worker, skill, level, by, claimed: level, evidence: null });
      }
      if (assignment !== null) steps.push({ kind: 'assignmentStatus', at: confirmedAt + 60_000, assignment, status: 'reached', by: p.teacher! });
      previous = day;
    }
  }

  // The claims still waiting at install: made in the last three weeks (two in the last days),
  // some right after a session with a peer coach.
  const waiting: { cell: Cell; teacher: number | null }[] = [];
  table.forEach((row, worker) =>
    row.forEach((cell, skill) => {
      if (cell?.status !== 'claimed') return;
      const c = { worker, skill, final: cell.level };
      waiting.push({ cell: c, teacher: teacherOf(c) });
    }),
  );
  const claimDays = [...shuffled(lastDays, timing).slice(0, 2), ...shuffled(workdaysIn(-20, -8), timing)];
  shuffled(waiting, timing).forEach(({ cell, teacher }, i) => {
    const day = claimDays[i % claimDays.length]!;
    if (teacher !== null && teacher !== lead) session(day, { cell, from: '-', teacher, finish: day, assignment: null }, null, 7 * 60 + 30, 11 * 60);
    steps.push({ kind: 'claim', at: time(day, 11 * 60, 15 * 60), worker: cell.worker, skill: cell.skill, level: cell.final });
  });

  // The plan running at install: learners at I or L paired with a coach (a peer coach when
  // there is one), given in the last days, due in two weeks; the first practised once already.
  const open = shuffled(candidates.filter((c) => (c.final === 'I' || c.final === 'L') && !plans.some((p) => p.cell === c)))
    .map((cell) => ({ cell, teacher: teacherOf(cell) }))
    .filter((o): o is { cell: Cell; teacher: number } => o.teacher !== null)
    .sort((a, b) => Number(peerCoaches.has(b.teacher)) - Number(peerCoaches.has(a.teacher)))
    .filter((o, i, all) => all.findIndex((x) => x.cell.worker === o.cell.worker) === i)
    .slice(0, DEMO_HISTORY.openAssignments);
  const [givenDay, practiceDay] = workdaysIn(-6, -1);
  open.forEach(({ cell, teacher }, i) => {
    const assignment = DEMO_HISTORY.assignments + i;
    const day = givenDay ?? -1;
    steps.push({
      kind: 'assignment',
      at: cal.moment(day, 7 * 60 + i),
      assignment,
      worker: cell.worker,
      skill: cell.skill,
      coach: teacher,
      targetLevel: 'U',
      dueDate: cal.date(cal.moment(day + 14, 0)),
    });
    if (i === 0 && practiceDay !== undefined) {
      const s = session(practiceDay, { cell, from: cell.final, teacher, finish: practiceDay, assignment }, null, 9 * 60, 14 * 60);
      steps.push({ kind: 'assignmentStatus', at: s.at + 60_000, assignment, status: 'inProgress', by: teacher });
    }
  });

  // Stable: steps of one moment keep the order they were planned in (session, then its confirmation).
  steps.sort((a, b) => a.at - b.at);
  const setupDay = cal.workday(firstDay - 7, firstDay - 14);
  return { setupAt: cal.moment(setupDay, 7 * 60), baseline, steps };
}

/** The last seven days before `now`: what the wall's "this week" covers. */
export function inLastWeek(at: number, now: number): boolean {
  return at > now - 7 * DAY_MS && at <= now;
}
