import { describe, expect, it } from 'vitest';
import { decodeDemoLevel, demoLevelChars, DEMO_WORKSHOP } from './demo';
import { DEMO_HISTORY, inLastWeek, planDemoHistory, type DemoStep } from './demoHistory';
import { levelOf, type LevelCode } from './levels';
import { DAY_MS, DEFAULT_TARGET_COVERAGE } from './thresholds';

// Install moments on every day of a week, early and late, around a change to summer time.
const MOMENTS = [
  new Date(2026, 10, 30, 10, 0).getTime(), // Monday morning
  new Date(2026, 11, 1, 6, 5).getTime(), // Tuesday before work
  new Date(2026, 11, 3, 23, 50).getTime(), // Thursday night
  new Date(2026, 11, 5, 12, 0).getTime(), // Saturday
  new Date(2026, 11, 6, 0, 10).getTime(), // Sunday just after midnight
  new Date(2026, 5, 15, 14, 0).getTime(), // history across the change to summer time
];
const lead = DEMO_WORKSHOP.workers.findIndex((w) => w.name === DEMO_WORKSHOP.lead.name);
const skills = DEMO_WORKSHOP.stations.flatMap((st) => st.skills);
const table = DEMO_WORKSHOP.workers.map((w) => demoLevelChars(w.levels).map(decodeDemoLevel));

/** Plays the plan: confirmed level and waiting claim per cell, and what each step could rely on. */
function replay(plan: ReturnType<typeof planDemoHistory>) {
  const level = plan.baseline.map((row) => [...row]);
  const claim = table.map((row) => row.map((): LevelCode | null => null));
  const sessions = new Set<number>();
  const assignments = new Map<number, { coach: number; status: string }>();
  const problems: string[] = [];
  const teaches = (who: number, skill: number) => plan.baseline[who]![skill] === 'O';
  for (const step of plan.steps) {
    if (step.kind === 'claim') {
      if (levelOf(step.level).rank <= levelOf(level[step.worker]![step.skill]!).rank) problems.push('claim not higher');
      claim[step.worker]![step.skill] = step.level;
    } else if (step.kind === 'confirm') {
      const before = level[step.worker]![step.skill]!;
      if (levelOf(step.level).rank !== levelOf(before).rank + 1) problems.push(`not one step up: ${before} → ${step.level}`);
      if (step.by === step.worker) problems.push('own confirmation');
      if (step.by !== lead && !teaches(step.by, step.skill)) problems.push('confirmed by someone who cannot teach it');
      if (step.claimed !== claim[step.worker]![step.skill]) problems.push('answers no waiting claim');
      if (step.evidence !== null && !sessions.has(step.evidence)) problems.push('evidence not there yet');
      level[step.worker]![step.skill] = step.level;
      claim[step.worker]![step.skill] = null;
    } else if (step.kind === 'session') {
      if (step.coach === step.learner || !teaches(step.coach, step.skill)) problems.push('coach cannot teach it');
      if (step.assignment !== null && !assignments.has(step.assignment)) problems.push('session before its assignment');
      sessions.add(step.session);
    } else if (step.kind === 'assignment') {
      assignments.set(step.assignment, { coach: step.coach, status: 'open' });
      if (!teaches(step.coach, step.skill)) problems.push('assigned coach cannot teach it');
    } else {
      const a = assignments.get(step.assignment);
      if (!a || (step.by !== a.coach && step.by !== lead)) problems.push('status by someone else');
      else a.status = step.status;
    }
  }
  return { level, claim, assignments, problems };
}

const confirmations = (steps: DemoStep[]) => steps.filter((s) => s.kind === 'confirm');
const sessionsOf = (steps: DemoStep[]) => steps.filter((s): s is Extract<DemoStep, { kind: 'session' }> => s.kind === 'session');

describe("the demo's past", () => {
  it('is the same for the same install moment', () => {
    expect(planDemoHistory(DEMO_WORKSHOP, MOMENTS[0]!)).toEqual(planDemoHistory(DEMO_WORKSHOP, MOMENTS[0]!));
    expect(planDemoHistory(DEMO_WORKSHOP, MOMENTS[0]!, DEMO_HISTORY.seed + 1).steps).not.toEqual(planDemoHistory(DEMO_WORKSHOP, MOMENTS[0]!).steps);
  });

  it('tells the same story whenever it is installed: only the days differ', () => {
    const story = (now: number) =>
      planDemoHistory(DEMO_WORKSHOP, now)
        .steps.map((s) =>
          s.kind === 'session' ? `session ${s.coach}>${s.learner}:${s.skill} ${s.levelReached}` : s.kind === 'confirm' ? `confirm ${s.worker}:${s.skill} ${s.level} by ${s.by}` : s.kind,
        )
        .sort();
    for (const now of MOMENTS.slice(1)) expect(story(now)).toEqual(story(MOMENTS[0]!));
  });

  it.each(MOMENTS.map((m) => [new Date(m).toString(), m]))('ends in the demo table, one honest step at a time (install %s)', (_, now) => {
    const plan = planDemoHistory(DEMO_WORKSHOP, now);
    const { level, claim, assignments, problems } = replay(plan);
    expect(problems).toEqual([]);
    table.forEach((row, w) =>
      row.forEach((cell, s) => {
        expect([w, s, level[w]![s], claim[w]![s]]).toEqual([w, s, cell?.status === 'confirmed' ? cell.level : '-', cell?.status === 'claimed' ? cell.level : null]);
      }),
    );
    // The lead's own levels were there at setup: nobody confirmed their own.
    expect(plan.steps.some((s) => 'worker' in s && s.worker === lead)).toBe(false);
    expect(assignments.size).toBe(DEMO_HISTORY.assignments + DEMO_HISTORY.openAssignments);
    const statuses = [...assignments.values()].map((a) => a.status);
    expect(statuses.filter((st) => st === 'reached')).toHaveLength(DEMO_HISTORY.assignments);
    // The plan running at install: one practised already, the others not started.
    expect(statuses.filter((st) => st === 'inProgress')).toHaveLength(1);
    expect(statuses.filter((st) => st === 'open')).toHaveLength(DEMO_HISTORY.openAssignments - 1);
  });

  it.each(MOMENTS.map((m) => [new Date(m).toString(), m]))('happens on workdays in the twelve weeks before the install (install %s)', (_, now) => {
    const plan = planDemoHistory(DEMO_WORKSHOP, now);
    const start = now - DEMO_HISTORY.weeks * 7 * DAY_MS - DAY_MS;
    expect(plan.setupAt).toBeLessThan(start);
    expect(now - plan.setupAt).toBeLessThan((DEMO_HISTORY.weeks + 3) * 7 * DAY_MS);
    expect(plan.steps.map((s) => s.at)).toEqual([...plan.steps.map((s) => s.at)].sort((a, b) => a - b));
    for (const step of plan.steps) {
      expect(step.at).toBeGreaterThan(start);
      expect(step.at).toBeLessThan(now);
      expect([0, 6]).not.toContain(new Date(step.at).getDay());
      if (step.kind === 'session') {
        const d = new Date(step.at);
        expect(step.date).toBe(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
      }
    }
    // A few hundred events at most with the setup: the first start stays quick.
    expect(plan.steps.length).toBeGreaterThan(100);
    expect(plan.steps.length).toBeLessThan(250);
  });

  it.each(MOMENTS.map((m) => [new Date(m).toString(), m]))('has news for this week: levels reached and sessions, one by a peer coach (install %s)', (_, now) => {
    const plan = planDemoHistory(DEMO_WORKSHOP, now);
    const week = plan.steps.filter((s) => inLastWeek(s.at, now));
    expect(confirmations(week).length).toBeGreaterThanOrEqual(3);
    expect(confirmations(week).length).toBeLessThanOrEqual(5);
    expect(sessionsOf(week).length).toBeGreaterThanOrEqual(3);
    // At most six that reached or practised for a level, and one for the plan running now.
    expect(sessionsOf(week).length).toBeLessThanOrEqual(7);
    expect(sessionsOf(week).some((s) => s.coach !== lead)).toBe(true);
    // Sessions in every week, levels reached in most.
    const weekOf = (at: number) => Math.floor((now - at) / (7 * DAY_MS));
    expect(new Set(sessionsOf(plan.steps).map((s) => weekOf(s.at))).size).toBe(DEMO_HISTORY.weeks);
    expect(new Set(confirmations(plan.steps).map((s) => weekOf(s.at))).size).toBeGreaterThanOrEqual(DEMO_HISTORY.weeks - 2);
  });

  it('closes gaps over the weeks: more skills at their target at the end than at setup', () => {
    const plan = planDemoHistory(DEMO_WORKSHOP, MOMENTS[0]!);
    const atTarget = (levels: LevelCode[][]) => skills.filter((skill, s) => levels.filter((row) => levelOf(row[s]!).countsForCoverage).length >= (skill.target ?? DEFAULT_TARGET_COVERAGE)).length;
    const { level } = replay(plan);
    expect(atTarget(level) - atTarget(plan.baseline)).toBeGreaterThanOrEqual(6);
  });
});
