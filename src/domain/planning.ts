import { countsForCoverage } from './coverage';
import { cellRef } from './eventRefs';
import { atLeast, levelOf, type LevelCode } from './levels';
import { FlowGraph } from './mincostflow';
import { isOpenAssignment, type Assignment, type LevelRecord, type Prerequisite, type Skill, type Worker } from './model';
import { isExpired } from './validity';
import { compareText } from './sort';

/**
 * Who should learn what next, from whom. Pure and deterministic: the same data gives the
 * same suggestions and the same plan.
 *
 * Value of one learner for a skill (integer points):
 * - closing the coverage gap: GAP per learner while learners ≤ the gap still open (target minus
 *   people who can do it alone, minus people already learning it), CROSS after that;
 * - the first learner of a skill that only one person (or nobody) can do: + FRAGILE;
 * - the worker's own wish: + WISH; already at L: + HALFWAY_L, at I: + HALFWAY_I;
 * - a confirmation that expired (renewal): + RENEWAL;
 * - whatever the qualification issue adds through `extraWeight` (work processes missing for
 *   the worker's target qualification).
 * A skill is only suggested when its prerequisites are met, and only planned with a coach at O
 * (not the learner) who has room for another learner.
 */
export const POINTS = { GAP: 100, CROSS: 10, FRAGILE: 60, WISH: 30, HALFWAY_L: 15, HALFWAY_I: 8, RENEWAL: 20, FAIR_FIRST: 40 } as const;

export interface PlanOptions {
  /** New assignments per worker in this plan. */
  perWorker: number;
  /** Open assignments a worker may have in total. */
  maxOpenPerWorker: number;
  /** Learners a coach may have at once. */
  maxLearnersPerCoach: number;
  /** The level an assignment aims for. */
  targetLevel: LevelCode;
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = { perWorker: 1, maxOpenPerWorker: 2, maxLearnersPerCoach: 2, targetLevel: 'U' };

export interface PlanInput {
  /** The people to plan for (e.g. one team), active only. */
  learners: readonly Worker[];
  /** Everyone active: coverage is company-wide and coaches may come from any team. */
  workers: readonly Worker[];
  skills: readonly (Skill & { requires?: readonly Prerequisite[] })[];
  levels: readonly LevelRecord[];
  /** cellRef(workerId, skillId) of every wish. */
  wishes: ReadonlySet<string>;
  assignments: readonly Assignment[];
  now: number;
  options?: Partial<PlanOptions>;
  /** Extension point: extra points for a (worker, skill), e.g. from a target qualification. */
  extraWeight?: (workerId: string, skillId: string) => number;
}

/**
 * Why a suggestion is worth it, as facts (a kind and its numbers); the screen puts them in
 * words. The first reason is always about the skill: a gap it helps close, or a spare.
 */
export type PlanReason =
  /** Fewer people can do it alone than needed (company-wide); `learning` are already on it. */
  | { kind: 'gap'; target: number; capable: number; learning: number }
  /** Enough people can do it already: this learner is a spare, for when someone is away. */
  | { kind: 'spare'; target: number; capable: number }
  /** The worker said they want to learn it. */
  | { kind: 'wish' }
  /** The worker is already on the way: at L (with help) or I (learning). */
  | { kind: 'halfway'; level: 'L' | 'I' }
  /** The worker could do it, but the confirmation expired. */
  | { kind: 'renewal' }
  /** Extra weight from outside (the worker's target qualification). */
  | { kind: 'qualification' };

export interface Suggestion {
  workerId: string;
  skillId: string;
  /** null when no coach at O has room (then it is listed, but cannot be planned). */
  coachId: string | null;
  targetLevel: LevelCode;
  score: number;
  reasons: PlanReason[];
}

interface Context {
  options: PlanOptions;
  level(workerId: string, skillId: string): LevelRecord | undefined;
  capable: Map<string, number>;
  learning: Map<string, number>;
  openByWorker: Map<string, Assignment[]>;
  coachLoad: Map<string, number>;
  coachesBySkill: Map<string, string[]>;
  skillById: Map<string, PlanInput['skills'][number]>;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function context(input: PlanInput): Context {
  const options = { ...DEFAULT_PLAN_OPTIONS, ...input.options };
  const active = new Set(input.workers.filter((w) => !w.archived).map((w) => w.id));
  const cells = new Map(input.levels.map((l) => [cellRef(l.workerId, l.skillId), l]));
  const skillById = new Map(input.skills.map((s) => [s.id, s]));
  const capable = new Map<string, number>();
  const coachesBySkill = new Map<string, string[]>();
  for (const l of input.levels) {
    const skill = skillById.get(l.skillId);
    if (!skill || !active.has(l.workerId) || !countsForCoverage(l, skill, input.now)) continue;
    capable.set(l.skillId, (capable.get(l.skillId) ?? 0) + 1);
    if (levelOf(l.level).mayCoach) coachesBySkill.set(l.skillId, [...(coachesBySkill.get(l.skillId) ?? []), l.workerId].sort());
  }
  const open = input.assignments.filter((a) => isOpenAssignment(a) && active.has(a.workerId));
  const learning = new Map<string, number>();
  const openByWorker = new Map<string, Assignment[]>();
  const coachLoad = new Map<string, number>();
  for (const a of open) {
    learning.set(a.skillId, (learning.get(a.skillId) ?? 0) + 1);
    openByWorker.set(a.workerId, [...(openByWorker.get(a.workerId) ?? []), a]);
    coachLoad.set(a.coachId, (coachLoad.get(a.coachId) ?? 0) + 1);
  }
  return { options, level: (w, s) => cells.get(cellRef(w, s)), capable, learning, openByWorker, coachLoad, coachesBySkill, skillById };
}

/** The confirmed level that counts now ('-' when expired or never confirmed). */
function currentLevel(ctx: Context, workerId: string, skill: Skill, now: number): LevelCode {
  const record = ctx.level(workerId, skill.id);
  if (!record || record.level === '-' || isExpired(record, skill, now)) return '-';
  return record.level;
}

function prerequisitesMet(ctx: Context, workerId: string, skill: PlanInput['skills'][number], now: number): boolean {
  return (skill.requires ?? []).every((req) => {
    const required = ctx.skillById.get(req.skillId);
    return !required || atLeast(currentLevel(ctx, workerId, required, now), req.level);
  });
}

/** Candidate (worker, skill) pairs with their personal points; skill points come separately. */
function candidates(input: PlanInput, ctx: Context, worker: Worker) {
  const open = ctx.openByWorker.get(worker.id) ?? [];
  if (open.length >= ctx.options.maxOpenPerWorker) return [];
  const learningNow = new Set(open.map((a) => a.skillId));
  return [...input.skills]
    .filter((s) => !s.archived)
    .sort(byId)
    .filter((skill) => !learningNow.has(skill.id) && !atLeast(currentLevel(ctx, worker.id, skill, input.now), ctx.options.targetLevel))
    .filter((skill) => prerequisitesMet(ctx, worker.id, skill, input.now))
    .map((skill) => {
      const record = ctx.level(worker.id, skill.id);
      const level = currentLevel(ctx, worker.id, skill, input.now);
      const wished = input.wishes.has(cellRef(worker.id, skill.id));
      const renewal = Boolean(record && isExpired(record, skill, input.now) && atLeast(record.level, ctx.options.targetLevel));
      const extra = input.extraWeight?.(worker.id, skill.id) ?? 0;
      const personal = (wished ? POINTS.WISH : 0) + (level === 'L' ? POINTS.HALFWAY_L : level === 'I' ? POINTS.HALFWAY_I : 0) + (renewal ? POINTS.RENEWAL : 0) + extra;
      return { skill, personal, wished, renewal, extra, level };
    });
}

function gapOpen(ctx: Context, skill: Skill): number {
  return Math.max(0, skill.targetCoverage - (ctx.capable.get(skill.id) ?? 0) - (ctx.learning.get(skill.id) ?? 0));
}

/** Points for the k-th new learner of a skill (k from 1): concave, so the planner spreads. */
function learnerPoints(ctx: Context, skill: Skill, k: number): number {
  const fragile = k === 1 && (ctx.capable.get(skill.id) ?? 0) <= 1 ? POINTS.FRAGILE : 0;
  return (k <= gapOpen(ctx, skill) ? POINTS.GAP : POINTS.CROSS) + fragile;
}

function coachesWithRoom(ctx: Context, skillId: string, learnerId: string): string[] {
  return (ctx.coachesBySkill.get(skillId) ?? []).filter((c) => c !== learnerId && (ctx.coachLoad.get(c) ?? 0) < ctx.options.maxLearnersPerCoach);
}

function reasonsFor(ctx: Context, skill: Skill, c: { wished: boolean; renewal: boolean; extra: number; level: LevelCode }): PlanReason[] {
  const capable = ctx.capable.get(skill.id) ?? 0;
  const target = skill.targetCoverage;
  const reasons: PlanReason[] = [capable < target ? { kind: 'gap', target, capable, learning: ctx.learning.get(skill.id) ?? 0 } : { kind: 'spare', target, capable }];
  if (c.renewal) reasons.push({ kind: 'renewal' });
  if (c.wished) reasons.push({ kind: 'wish' });
  if (c.level === 'L' || c.level === 'I') reasons.push({ kind: 'halfway', level: c.level });
  if (c.extra > 0) reasons.push({ kind: 'qualification' });
  return reasons;
}

/** Ranked suggestions for one worker: the best first, those without a free coach last. */
export function suggestForWorker(input: PlanInput, workerId: string, limit = 5): Suggestion[] {
  const ctx = context(input);
  const worker = input.workers.find((w) => w.id === workerId);
  if (!worker || worker.archived) return [];
  return candidates(input, ctx, worker)
    .map((c) => {
      const coachId = coachesWithRoom(ctx, c.skill.id, worker.id).sort((a, b) => (ctx.coachLoad.get(a) ?? 0) - (ctx.coachLoad.get(b) ?? 0))[0] ?? null;
      return { workerId, skillId: c.skill.id, coachId, targetLevel: ctx.options.targetLevel, score: learnerPoints(ctx, c.skill, 1) + c.personal, reasons: reasonsFor(ctx, c.skill, c) };
    })
    .sort((a, b) => Number(b.coachId !== null) - Number(a.coachId !== null) || b.score - a.score || (a.skillId < b.skillId ? -1 : 1))
    .slice(0, limit);
}

/**
 * A plan for a group: at most `perWorker` new assignments each, coaches within their room,
 * the most value in total. Solved exactly as a min-cost flow:
 *   source → learner (one edge per slot; the first slot earns FAIR_FIRST, so everyone gets one
 *   before anyone gets two) → skill-in (the learner's personal points) → skill-out (one edge per
 *   k-th learner with learnerPoints(k), concave) → coach (who is at O for the skill) → sink
 *   (capacity: the coach's room).
 * The flow on learner→skill and skill→coach edges is then paired up per skill.
 */
export function planTeam(input: PlanInput): Suggestion[] {
  const ctx = context(input);
  const learners = [...input.learners].filter((w) => !w.archived).sort(byId);
  const perLearner = learners.map((w) => ({
    worker: w,
    slots: Math.min(ctx.options.perWorker, ctx.options.maxOpenPerWorker - (ctx.openByWorker.get(w.id)?.length ?? 0)),
    cands: candidates(input, ctx, w),
  }));
  const skills = [...new Map(perLearner.flatMap((l) => l.cands.map((c) => [c.skill.id, c.skill] as const))).values()].sort(byId).filter((s) => (ctx.coachesBySkill.get(s.id) ?? []).length > 0);
  const coaches = [...new Set(skills.flatMap((s) => ctx.coachesBySkill.get(s.id) ?? []))].sort().filter((c) => (ctx.coachLoad.get(c) ?? 0) < ctx.options.maxLearnersPerCoach);

  let n = 0;
  const source = n++;
  const sink = n++;
  const learnerNode = new Map(learners.map((w) => [w.id, n++]));
  const skillIn = new Map(skills.map((s) => [s.id, n++]));
  const skillOut = new Map(skills.map((s) => [s.id, n++]));
  const coachNode = new Map(coaches.map((c) => [c, n++]));
  const graph = new FlowGraph(n);

  const pick: { edge: ReturnType<FlowGraph['addEdge']>; workerId: string; skillId: string; c: ReturnType<typeof candidates>[number] }[] = [];
  for (const { worker, slots, cands } of perLearner) {
    for (let slot = 0; slot < slots; slot++) graph.addEdge(source, learnerNode.get(worker.id)!, 1, slot === 0 ? -POINTS.FAIR_FIRST : 0);
    for (const c of cands) {
      const node = skillIn.get(c.skill.id);
      if (node === undefined) continue;
      // A skill whose only coaches are this learner cannot be taught to them.
      if (!(ctx.coachesBySkill.get(c.skill.id) ?? []).some((coach) => coach !== worker.id && coachNode.has(coach))) continue;
      pick.push({ edge: graph.addEdge(learnerNode.get(worker.id)!, node, 1, -c.personal), workerId: worker.id, skillId: c.skill.id, c });
    }
  }
  const coachEdges = new Map<string, { coachId: string; edge: ReturnType<FlowGraph['addEdge']> }[]>();
  for (const skill of skills) {
    for (let k = 1; k <= learners.length; k++) graph.addEdge(skillIn.get(skill.id)!, skillOut.get(skill.id)!, 1, -learnerPoints(ctx, skill, k));
    coachEdges.set(
      skill.id,
      (ctx.coachesBySkill.get(skill.id) ?? [])
        .filter((c) => coachNode.has(c))
        .map((coachId) => ({ coachId, edge: graph.addEdge(skillOut.get(skill.id)!, coachNode.get(coachId)!, learners.length, 0) })),
    );
  }
  for (const c of coaches) graph.addEdge(coachNode.get(c)!, sink, ctx.options.maxLearnersPerCoach - (ctx.coachLoad.get(c) ?? 0), 0);
  graph.minCostFlow(source, sink);

  const plan: Suggestion[] = [];
  for (const skill of skills) {
    const chosen = pick.filter((p) => p.skillId === skill.id && p.edge.flow > 0);
    const slots = (coachEdges.get(skill.id) ?? []).flatMap(({ coachId, edge }) => Array<string>(edge.flow).fill(coachId));
    // Pair learners with coach slots; a learner never gets themselves (swap with another slot).
    chosen.forEach((p, i) => {
      let j = slots.findIndex((c, idx) => idx >= 0 && c !== p.workerId);
      if (j < 0) j = i;
      const [coachId] = slots.splice(j, 1);
      plan.push({ workerId: p.workerId, skillId: skill.id, coachId: coachId ?? null, targetLevel: ctx.options.targetLevel, score: 0, reasons: reasonsFor(ctx, skill, p.c) });
    });
  }
  // Scores as the marginal value in this plan, for display: the k-th learner of a skill gets learnerPoints(k).
  const seen = new Map<string, number>();
  for (const s of plan.sort((a, b) => (a.workerId < b.workerId ? -1 : a.workerId > b.workerId ? 1 : a.skillId < b.skillId ? -1 : 1))) {
    const k = (seen.get(s.skillId) ?? 0) + 1;
    seen.set(s.skillId, k);
    const p = pick.find((x) => x.workerId === s.workerId && x.skillId === s.skillId)!;
    s.score = learnerPoints(ctx, ctx.skillById.get(s.skillId)!, k) + p.c.personal;
  }
  return plan;
}

/** The simple way, for comparison: each worker in turn takes the first open skill with a free coach. */
export function planFirstFit(input: PlanInput): Suggestion[] {
  const ctx = context(input);
  const plan: Suggestion[] = [];
  for (const worker of [...input.learners].filter((w) => !w.archived).sort((a, b) => compareText(a.name, b.name) || byId(a, b))) {
    const slots = Math.min(ctx.options.perWorker, ctx.options.maxOpenPerWorker - (ctx.openByWorker.get(worker.id)?.length ?? 0));
    for (const c of candidates(input, ctx, worker)) {
      if (plan.filter((p) => p.workerId === worker.id).length >= slots) break;
      const coachId = coachesWithRoom(ctx, c.skill.id, worker.id)[0];
      if (!coachId) continue;
      ctx.coachLoad.set(coachId, (ctx.coachLoad.get(coachId) ?? 0) + 1);
      plan.push({ workerId: worker.id, skillId: c.skill.id, coachId, targetLevel: ctx.options.targetLevel, score: 0, reasons: reasonsFor(ctx, c.skill, c) });
    }
  }
  return plan;
}

/** Coverage a plan would add once its learners reach the target: gap units closed, summed over skills. */
export function coverageGained(input: PlanInput, plan: readonly Suggestion[]): number {
  const ctx = context(input);
  const count = new Map<string, number>();
  for (const s of plan) count.set(s.skillId, (count.get(s.skillId) ?? 0) + 1);
  let gained = 0;
  for (const [skillId, n] of count) gained += Math.min(n, gapOpen(ctx, ctx.skillById.get(skillId)!));
  return gained;
}

/** The coverage gaps (skills fewer people can do alone than needed) and what a plan does to them. */
export interface PlanGaps {
  /** Every active skill with a gap now, whether or not the plan touches it. */
  gaps: string[];
  /** Gaps this plan closes: once its learners (and those already learning) get there, enough people can do it. */
  closed: string[];
  /** Gaps the plan makes smaller but does not close. */
  helped: string[];
}

export function planGaps(input: PlanInput, plan: readonly Pick<Suggestion, 'skillId'>[]): PlanGaps {
  const ctx = context(input);
  const planned = new Map<string, number>();
  for (const s of plan) planned.set(s.skillId, (planned.get(s.skillId) ?? 0) + 1);
  const out: PlanGaps = { gaps: [], closed: [], helped: [] };
  for (const skill of [...input.skills].filter((s) => !s.archived).sort(byId)) {
    const capable = ctx.capable.get(skill.id) ?? 0;
    if (capable >= skill.targetCoverage) continue;
    out.gaps.push(skill.id);
    const added = planned.get(skill.id) ?? 0;
    if (!added) continue;
    (capable + (ctx.learning.get(skill.id) ?? 0) + added >= skill.targetCoverage ? out.closed : out.helped).push(skill.id);
  }
  return out;
}

export interface SkillLearner {
  workerId: string;
  /** The level that counts now ('-' when expired or never confirmed). */
  level: LevelCode;
  wished: boolean;
}

/**
 * Who among the learners could be planned for one skill (the next step from a coverage
 * problem): not yet at the target level, not learning it already, its prerequisites met.
 * Closest to the target first (L, then I, then not yet), a wish before none, then by name.
 */
export function learnersForSkill(input: PlanInput, skillId: string): SkillLearner[] {
  const ctx = context(input);
  const skill = ctx.skillById.get(skillId);
  if (!skill || skill.archived) return [];
  const learning = new Set(input.assignments.filter((a) => a.skillId === skillId && isOpenAssignment(a)).map((a) => a.workerId));
  return [...input.learners]
    .filter((w) => !w.archived && !learning.has(w.id) && prerequisitesMet(ctx, w.id, skill, input.now))
    .map((w) => ({ worker: w, level: currentLevel(ctx, w.id, skill, input.now), wished: input.wishes.has(cellRef(w.id, skillId)) }))
    .filter((c) => !atLeast(c.level, ctx.options.targetLevel))
    .sort((a, b) => levelOf(b.level).rank - levelOf(a.level).rank || Number(b.wished) - Number(a.wished) || compareText(a.worker.name, b.worker.name) || byId(a.worker, b.worker))
    .map(({ worker, level, wished }) => ({ workerId: worker.id, level, wished }));
}

/** Who can teach a skill (at O, the confirmation still valid), the least busy first. */
export function coachesForSkill(input: PlanInput, skillId: string): string[] {
  const ctx = context(input);
  return [...(ctx.coachesBySkill.get(skillId) ?? [])].sort((a, b) => (ctx.coachLoad.get(a) ?? 0) - (ctx.coachLoad.get(b) ?? 0) || (a < b ? -1 : 1));
}
