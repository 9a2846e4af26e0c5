import { payloadSchemas, type Payload, type PayloadInput } from '../../domain/events';
import { dueDateProblem, sessionDateProblem } from '../../domain/dates';
import { atLeast, type LevelCode } from '../../domain/levels';
import { isOpenAssignment, normaliseLevel, type CoachingSession } from '../../domain/model';
import { canTeach, isLead } from '../../domain/permissions';
import { isExpired } from '../../domain/validity';
import { db, newId, putPhotos, readInstructions, storedLevel } from '../store';
import { preparePhotos, type NewPhoto } from './photoInput';
import { fail, issuesToErrors, ok, type CommandResult, type FieldError } from './commandResult';
import { appendEvents, asLead, buildEvent, commit, LEAD_ONLY, transact, type CommandContext } from './kernel';
import { signIn } from './kioskCommands';
import { activeCell, confirmationEvents, mayConfirm } from './levelCommands';

/** Assignments (leeropdrachten) and the coaching sessions in which colleagues teach each other. */

export interface NewAssignment {
  workerId: string;
  skillId: string;
  coachId: string;
  targetLevel: LevelCode;
  dueDate: string | null;
}

/** Why a coach cannot teach this learner this skill, or null when they can. */
async function coachProblem(coachId: string, learnerId: string, skillId: string): Promise<FieldError | null> {
  if (coachId === learnerId) return { field: 'coachId', key: 'error.coachSelf' };
  const [coach, skill, record] = await Promise.all([db.workers.get(coachId), db.skills.get(skillId), storedLevel(coachId, skillId)]);
  if (!coach || coach.archived || !skill) return { field: 'coachId', key: 'error.notFound' };
  if (!canTeach(record && normaliseLevel(record), skill, Date.now())) return { field: 'coachId', key: 'error.coachNotO' };
  return null;
}

/** A due date lies ahead: one set in the past would be overdue the moment it is saved. */
function dueDateError(dueDate: string | null | undefined, now: number): FieldError[] {
  const key = dueDateProblem(dueDate, now);
  return key ? [{ field: 'dueDate', key }] : [];
}

/** The lead accepts a plan: all its assignments are stored together, or none. */
export async function createAssignments(list: NewAssignment[], ctx: CommandContext, now = Date.now()): Promise<CommandResult<string[]>> {
  const parsed = list.map((a) => payloadSchemas['assignment.created'].safeParse({ id: newId(), ...a }));
  const invalid = parsed.find((p) => !p.success);
  if (invalid && !invalid.success) return fail(...issuesToErrors(invalid.error.issues));
  const payloads = parsed.map((p) => (p as { data: Payload<'assignment.created'> }).data);
  const late = payloads.flatMap((a) => dueDateError(a.dueDate, now));
  if (late.length) return fail(late[0]!);
  return asLead(ctx, async () => {
    for (const a of payloads) {
      const { worker, skill, record } = await activeCell(a.workerId, a.skillId);
      if (!worker || !skill) return fail<string[]>({ field: '', key: 'error.notFound' });
      if (record && atLeast(record.level, a.targetLevel) && !isExpired(record, skill, Date.now())) return fail<string[]>({ field: '', key: 'error.alreadyThere' });
      const problem = await coachProblem(a.coachId, a.workerId, a.skillId);
      if (problem) return fail<string[]>(problem);
      const open = await db.assignments
        .where('workerId')
        .equals(a.workerId)
        .filter((x) => x.skillId === a.skillId && isOpenAssignment(x))
        .count();
      if (open) return fail<string[]>({ field: '', key: 'error.alreadyLearning' });
    }
    await appendEvents(payloads.map((a) => buildEvent('assignment.created', a, ctx.actor)));
    return ok(payloads.map((a) => a.id));
  });
}

/** Change coach, due date or status: the lead, or the assignment's coach. */
export function changeAssignment(input: PayloadInput<'assignment.changed'>, ctx: CommandContext, now = Date.now()) {
  return commit('assignment.changed', input, ctx, async (p, actor) => {
    const late = dueDateError(p.dueDate, now);
    if (late.length) return late;
    const current = await db.assignments.get(p.id);
    if (!current) return [{ field: 'id', key: 'error.notFound' }];
    if (!isLead(actor) && actor?.id !== current.coachId) return LEAD_ONLY;
    if (p.coachId) {
      const problem = await coachProblem(p.coachId, current.workerId, current.skillId);
      if (problem) return [problem];
    }
    return [];
  });
}

export type SessionInput = Omit<CoachingSession, 'id' | 'at' | 'photo'>;

/** Ticked steps belong to a version of the skill's instruction that exists, and name its steps. */
async function ticksProblem(session: Payload<'session.recorded'>): Promise<FieldError | null> {
  if (!session.steps?.length) return null;
  const version = session.instructionVersion === undefined ? undefined : (await readInstructions(session.skillId)).find((i) => i.version === session.instructionVersion);
  if (!version || session.steps.some((t) => t.step >= version.steps.length)) return { field: 'steps', key: 'instruction.error.stepsChanged' };
  return null;
}

export type SessionResult = CommandResult<Payload<'session.recorded'>> | { ok: false; errors: FieldError[]; pin: Awaited<ReturnType<typeof signIn>> };

/**
 * Records a coaching session confirmed by both: the coach is signed in (the actor), the
 * learner confirms with their PIN. A level reached that the coach may confirm (at O, or the
 * lead) is confirmed in the same step, with the session as its evidence.
 */
/**
 * Checks a session as `recordSession` will, without the learner's PIN: the form asks for the
 * PIN only once everything else is right. Every field's problem, not only the first.
 */
export function checkSession(input: SessionInput, ctx: CommandContext, now = Date.now()): CommandResult<Payload<'session.recorded'>> {
  const parsed = payloadSchemas['session.recorded'].safeParse({ id: newId(), ...input });
  const errors = parsed.success ? [] : issuesToErrors(parsed.error.issues);
  // A session is recorded when it has happened: a day ahead (2099) is a typing error.
  const dateKey = sessionDateProblem(input.date, now);
  if (dateKey && !errors.some((e) => e.field === 'date')) errors.push({ field: 'date', key: dateKey });
  if (ctx.actor !== input.coachId) errors.push({ field: '', key: 'error.coachSignsIn' });
  else if (input.coachId === input.learnerId) errors.push({ field: 'learnerId', key: 'error.coachSelf' });
  return parsed.success && !errors.length ? ok(parsed.data) : fail(...errors);
}

/**
 * `photo`: a photo of the finished work, stored with the session as evidence about the learner
 * (the session names it by its hash).
 */
export async function recordSession(input: SessionInput, learnerPin: string, ctx: CommandContext, now = Date.now(), photo?: NewPhoto): Promise<SessionResult> {
  const checked = checkSession(input, ctx, now);
  if (!checked.ok) return checked;
  const prepared = await preparePhotos(photo ? [photo] : [], checked.value.learnerId, 'photo');
  if (prepared.errors.length) return fail(...prepared.errors);
  const session: Payload<'session.recorded'> = prepared.rows[0] ? { ...checked.value, photo: prepared.rows[0].hash } : checked.value;
  const pin = await signIn(session.learnerId, learnerPin);
  if (pin.kind !== 'ok') return { ok: false, errors: [{ field: 'pin', key: 'error.learnerPin' }], pin };
  return transact(async () => {
    const { worker, skill } = await activeCell(session.learnerId, session.skillId);
    const coach = await db.workers.get(session.coachId);
    if (!worker || !skill || !coach || coach.archived) return fail<Payload<'session.recorded'>>({ field: '', key: 'error.notFound' });
    const stepProblem = await ticksProblem(session);
    if (stepProblem) return fail<Payload<'session.recorded'>>(stepProblem);
    await putPhotos(prepared.rows);
    const events = [buildEvent('session.recorded', session, ctx.actor)];
    const assignment = session.assignmentId ? await db.assignments.get(session.assignmentId) : undefined;
    if (assignment?.status === 'open') events.push(buildEvent('assignment.changed', { id: assignment.id, status: 'inProgress' }, ctx.actor));
    if (session.levelReached && !(await mayConfirm(coach, session.learnerId, session.skillId)).length) {
      events.push(...(await confirmationEvents({ workerId: session.learnerId, skillId: session.skillId, level: session.levelReached, note: session.practised, evidence: session.id }, ctx.actor)));
    }
    await appendEvents(events);
    return ok(session);
  });
}
