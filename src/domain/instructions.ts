import { levelOf, type LevelCode } from './levels';
import { nameKey } from './names';

/**
 * Work instructions in the Job Instruction form: a skill taught in a few main steps, each with
 * its key points (safety, quality, the knack) and the reasons for them, and a photo. Every save
 * is a new version; a coaching session names the version it was ticked against.
 */
export interface InstructionStep {
  title: string;
  keyPoints: string;
  reasons: string;
  /** SHA-256 (hex) of the step's photo; the bytes live in the photo store, never in an event. */
  photo?: string;
}

export interface Instruction {
  skillId: string;
  version: number;
  steps: InstructionStep[];
  by: string | null;
  at: string;
}

/** How a step went in a session: done with the coach's help, or alone. */
export type StepHow = 'helped' | 'alone';

export interface StepTick {
  /** The step's place in the instruction (0-based). */
  step: number;
  how: StepHow;
}

/** The instruction in force: the highest version, the later save when two devices saved the same number. */
export function latestInstruction<T extends { version: number; at: string }>(saved: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const s of saved) if (!best || s.version > best.version || (s.version === best.version && s.at > best.at)) best = s;
  return best;
}

/**
 * The level a coach is offered after ticking steps (the coach decides): every step done alone →
 * U (can do it alone); every step practised, some with help → L (can do it with help); some steps
 * practised → I (is learning it); none → no suggestion.
 */
export function suggestedLevel(stepCount: number, ticks: readonly StepTick[], current: LevelCode = '-'): LevelCode | null {
  const suggestion = suggestedFromSteps(stepCount, ticks);
  // Practising again is no step back: never a level below the one the learner already has.
  return suggestion && levelOf(suggestion).rank > levelOf(current).rank ? suggestion : null;
}

function suggestedFromSteps(stepCount: number, ticks: readonly StepTick[]): LevelCode | null {
  const practised = new Map<number, StepHow>();
  for (const t of ticks) if (t.step >= 0 && t.step < stepCount) practised.set(t.step, practised.get(t.step) === 'alone' ? 'alone' : t.how);
  if (stepCount === 0 || practised.size === 0) return null;
  if (practised.size < stepCount) return 'I';
  return [...practised.values()].every((how) => how === 'alone') ? 'U' : 'L';
}

/** A step's identity across versions: what is done, whatever the spacing or case. */
const stepKey = (step: Pick<InstructionStep, 'title'>) => nameKey(step.title);

/**
 * The steps of the current version a learner has done alone in any session, also against an
 * earlier version: a step that is still there (the same "what you do") keeps its tick, so a
 * typo fixed in step 3 does not undo what the learner did in steps 1 to 5.
 */
export function stepsDoneAlone(
  sessions: readonly { instructionVersion?: number; steps?: readonly StepTick[] }[],
  versions: readonly Pick<Instruction, 'version' | 'steps'>[],
  current: Pick<Instruction, 'version' | 'steps'>,
): Set<number> {
  const place = new Map(current.steps.map((s, i) => [stepKey(s), i]));
  const byVersion = new Map(versions.map((v) => [v.version, v]));
  const done = new Set<number>();
  for (const s of sessions) {
    const then = s.instructionVersion === undefined ? undefined : s.instructionVersion === current.version ? current : byVersion.get(s.instructionVersion);
    if (!then) continue;
    for (const t of s.steps ?? []) {
      const step = then.steps[t.step];
      const now = step && place.get(stepKey(step));
      if (t.how === 'alone' && now !== undefined) done.add(now);
    }
  }
  return done;
}

/** Whether a save would change nothing: the same steps, texts and photos as the version in force. */
export function sameSteps(a: readonly InstructionStep[], b: readonly InstructionStep[]): boolean {
  const norm = (s: InstructionStep) => [s.title.trim(), s.keyPoints.trim(), s.reasons.trim(), s.photo ?? ''].join('\u0000');
  return a.length === b.length && a.every((s, i) => norm(s) === norm(b[i]!));
}
