import { refsOf } from '../domain/eventRefs';
import { payloadSchemas, PRIVATE_EVENT_TYPES, type EventType, type Payload, type PayloadInput, type VaardigEvent } from '../domain/events';
import { DEFAULT_TARGET_COVERAGE, isOpenAssignment, normaliseLevel, type Assignment, type CoachingSession, type Prerequisite, type Worker } from '../domain/model';
import { atLeast, levelOf, type LevelCode } from '../domain/levels';
import { levelsOfWorker, storedLevel } from './levels';
import { isExpired } from '../domain/validity';
import { confirmRefusal, isLead, type ConfirmRefusal } from '../domain/permissions';
import { isValidPin } from '../domain/pin';
import { currentDevice, nextStamp } from './clock';
import { db } from './db';
import { fail, issuesToErrors, ok, storageFailure, type CommandResult, type FieldError } from './errors';
import { newId } from './ids';
import { hashPin, signIn } from './pins';
import { applyEvents } from './projections';

export interface CommandContext {
  /** The signed-in person, recorded as the event's actor; null when nobody is signed in. */
  actor: string | null;
}

export const ALL_TABLES = () => [db.events, db.meta, db.credentials, db.outbox, ...db.projectionTables];

/** Meta key of the sync settings (server, database, user — never the password). */
export const SYNC_CONFIG = 'sync';

export function buildEvent<T extends EventType>(type: T, payload: Payload<T>, actor: string | null): VaardigEvent {
  return {
    id: newId(),
    type,
    at: nextStamp(),
    actor,
    device: currentDevice(),
    refs: refsOf(payload as Record<string, unknown>),
    payload,
  } as VaardigEvent;
}

/** Appends events and folds them into the projections; call inside a rw transaction. */
export async function appendEvents(events: VaardigEvent[]): Promise<void> {
  await db.events.bulkAdd(events);
  await applyEvents(events);
  // While this device syncs, its new shared events wait in the outbox (same transaction).
  if (await db.meta.get(SYNC_CONFIG)) await db.outbox.bulkPut(events.filter((e) => !PRIVATE_EVENT_TYPES.has(e.type)).map((e) => ({ id: e.id, at: e.at })));
}

type Check<T> = (payload: T, actor: Worker | undefined) => Promise<FieldError[]>;

/**
 * Validates input with the event's schema, runs the rules against current data (who may do
 * this, unique names, references), then appends the event and updates the projections —
 * all in one transaction, so a failure anywhere leaves the database as it was.
 */
async function commit<T extends EventType>(
  type: T,
  input: PayloadInput<T>,
  ctx: CommandContext,
  check: Check<Payload<T>> = async () => [],
  build: (payload: Payload<T>, actor: Worker | undefined) => Promise<VaardigEvent[]> = async (p) => [buildEvent(type, p, ctx.actor)],
): Promise<CommandResult<Payload<T>>> {
  const parsed = payloadSchemas[type].safeParse(input);
  if (!parsed.success) return fail(...issuesToErrors(parsed.error.issues));
  const payload = parsed.data as Payload<T>;
  try {
    return await db.transaction('rw', ALL_TABLES(), async () => {
      const actor = ctx.actor ? await db.workers.get(ctx.actor) : undefined;
      const errors = await check(payload, actor);
      if (errors.length) return fail<Payload<T>>(...errors);
      await appendEvents(await build(payload, actor));
      return ok(payload);
    });
  } catch (error) {
    return storageFailure(error);
  }
}

export const LEAD_ONLY: FieldError[] = [{ field: '', key: 'error.leadOnly' }];

/** Management (people, skills, stations, teams) is the team lead's job. */
const leadOnly =
  <T>(rest: Check<T> = async () => []): Check<T> =>
  async (payload, actor) =>
    isLead(actor) ? rest(payload, actor) : LEAD_ONLY;

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

async function nameTaken(
  rows: Promise<{ id: string; name: string; archived: boolean }[]>,
  name: string | undefined,
  selfId: string,
): Promise<FieldError[]> {
  if (name === undefined) return [];
  const clash = (await rows).some((r) => !r.archived && r.id !== selfId && sameName(r.name, name));
  return clash ? [{ field: 'name', key: 'error.nameTaken' }] : [];
}

async function activeRef(table: 'teams' | 'stations', id: string | undefined, field: string): Promise<FieldError[]> {
  if (id === undefined) return [];
  const row = await db[table].get(id);
  return row && !row.archived ? [] : [{ field, key: table === 'teams' ? 'error.unknownTeam' : 'error.unknownStation' }];
}

async function mustExist(table: 'teams' | 'stations' | 'workers' | 'skills', id: string): Promise<FieldError[]> {
  return (await db[table].get(id)) ? [] : [{ field: 'id', key: 'error.notFound' }];
}

// The first team lead

export interface LeadSetup {
  name: string;
  teamName: string;
  pin: string;
}

/**
 * First run without a lead (an empty workshop, or one from before roles existed): creates
 * the team lead, their team if needed, and their PIN. Refused once an active lead exists.
 */
export async function createFirstLead(input: LeadSetup): Promise<CommandResult<Worker>> {
  const errors: FieldError[] = [];
  const team = payloadSchemas['team.created'].safeParse({ id: newId(), name: input.teamName });
  const worker = payloadSchemas['worker.created'].safeParse({ id: newId(), name: input.name, teamId: 'x', role: 'lead' });
  if (!worker.success) errors.push(...issuesToErrors(worker.error.issues));
  if (!team.success) errors.push(...issuesToErrors(team.error.issues).map((e) => ({ ...e, field: 'teamName' })));
  if (!isValidPin(input.pin)) errors.push({ field: 'pin', key: 'error.pinFormat' });
  if (errors.length || !team.success || !worker.success) return fail(...errors);
  const credential = await hashPin(input.pin);
  try {
    return await db.transaction('rw', ALL_TABLES(), async () => {
      const workers = await db.workers.toArray();
      if (workers.some((w) => isLead(w))) return fail<Worker>(...LEAD_ONLY);
      const taken = await nameTaken(Promise.resolve(workers), worker.data.name, '');
      if (taken.length) return fail<Worker>(...taken);
      const existingTeam = (await db.teams.toArray()).find((t) => !t.archived && sameName(t.name, team.data.name));
      const teamId = existingTeam?.id ?? team.data.id;
      const lead = { ...worker.data, teamId };
      const events = [
        ...(existingTeam ? [] : [buildEvent('team.created', team.data, lead.id)]),
        buildEvent('worker.created', lead, lead.id),
      ];
      await appendEvents(events);
      await db.credentials.put({ workerId: lead.id, ...credential, failures: 0, lockedUntil: 0 });
      return ok(normaliseWorker(await db.workers.get(lead.id)));
    });
  } catch (error) {
    return storageFailure(error);
  }
}

function normaliseWorker(row: Worker | undefined): Worker {
  if (!row) throw new Error('worker vanished inside its own transaction');
  return row;
}

// Teams

export function createTeam(input: { name: string }, ctx: CommandContext) {
  return commit('team.created', { id: newId(), ...input }, ctx, leadOnly((p) => nameTaken(db.teams.toArray(), p.name, p.id)));
}

export function changeTeam(input: PayloadInput<'team.changed'>, ctx: CommandContext) {
  return commit(
    'team.changed',
    input,
    ctx,
    leadOnly(async (p) => [
      ...(await mustExist('teams', p.id)),
      ...(await nameTaken(db.teams.toArray(), p.name, p.id)),
      ...(p.archived && (await db.workers.where('teamId').equals(p.id).filter((w) => !w.archived).count())
        ? [{ field: 'archived', key: 'error.teamHasWorkers' }]
        : []),
    ]),
  );
}

// Stations

export async function createStation(input: { name: string }, ctx: CommandContext) {
  const last = await db.stations.orderBy('order').last();
  return commit(
    'station.created',
    { id: newId(), name: input.name, order: (last?.order ?? -1) + 1 },
    ctx,
    leadOnly((p) => nameTaken(db.stations.toArray(), p.name, p.id)),
  );
}

export function changeStation(input: PayloadInput<'station.changed'>, ctx: CommandContext) {
  return commit(
    'station.changed',
    input,
    ctx,
    leadOnly(async (p) => [
      ...(await mustExist('stations', p.id)),
      ...(await nameTaken(db.stations.toArray(), p.name, p.id)),
      ...(p.archived && (await db.skills.where('stationId').equals(p.id).filter((s) => !s.archived).count())
        ? [{ field: 'archived', key: 'error.stationHasSkills' }]
        : []),
    ]),
  );
}

/** Swaps a station with its neighbour in the matrix order, both writes or neither. */
export async function moveStation(id: string, direction: -1 | 1, ctx: CommandContext): Promise<CommandResult<void>> {
  try {
    return await db.transaction('rw', ALL_TABLES(), async () => {
      if (!isLead(ctx.actor ? await db.workers.get(ctx.actor) : undefined)) return fail(...LEAD_ONLY);
      const stations = (await db.stations.orderBy('order').toArray()).filter((s) => !s.archived);
      const i = stations.findIndex((s) => s.id === id);
      const j = i + direction;
      if (i < 0) return fail({ field: 'id', key: 'error.notFound' });
      if (j < 0 || j >= stations.length) return ok(undefined);
      const [a, b] = [stations[i]!, stations[j]!];
      await appendEvents([
        buildEvent('station.changed', { id: a.id, order: b.order }, ctx.actor),
        buildEvent('station.changed', { id: b.id, order: a.order }, ctx.actor),
      ]);
      return ok(undefined);
    });
  } catch (error) {
    return storageFailure(error);
  }
}

// Workers

export function createWorker(input: { name: string; teamId: string; role?: 'worker' | 'lead' }, ctx: CommandContext) {
  return commit(
    'worker.created',
    { id: newId(), ...input },
    ctx,
    leadOnly(async (p) => [...(await nameTaken(db.workers.toArray(), p.name, p.id)), ...(await activeRef('teams', p.teamId, 'teamId'))]),
  );
}

export function changeWorker(input: PayloadInput<'worker.changed'>, ctx: CommandContext) {
  return commit('worker.changed', input, ctx, async (p, actor) => {
    const current = await db.workers.get(p.id);
    if (!current) return [{ field: 'id', key: 'error.notFound' }];
    // A worker may choose how they appear on the wall; everything else is the lead's.
    const ownPrivacyOnly = Object.keys(p).every((k) => k === 'id' || k === 'showInitials') && actor?.id === p.id;
    if (!ownPrivacyOnly && !isLead(actor)) return LEAD_ONLY;
    if ((p.archived || p.role === 'worker') && current.role === 'lead' && current.id === actor?.id) {
      return [{ field: 'role', key: 'error.lastLead' }];
    }
    return [
      ...(p.archived === false || p.name !== undefined ? await nameTaken(db.workers.toArray(), p.name ?? current.name, p.id) : []),
      ...(await activeRef('teams', p.teamId, 'teamId')),
    ];
  });
}

// Skills

export interface SkillInput {
  name: string;
  stationId: string;
  description?: string;
  targetCoverage?: number;
  validityMonths?: number | null;
  requires?: Prerequisite[];
}

const skillsInStation = (stationId: string) => db.skills.where('stationId').equals(stationId).toArray();

export function createSkill(input: SkillInput, ctx: CommandContext) {
  return commit(
    'skill.created',
    {
      id: newId(),
      name: input.name,
      stationId: input.stationId,
      description: input.description ?? '',
      targetCoverage: input.targetCoverage ?? DEFAULT_TARGET_COVERAGE,
      validityMonths: input.validityMonths ?? null,
      requires: input.requires ?? [],
    },
    ctx,
    leadOnly(async (p) => [...(await nameTaken(skillsInStation(p.stationId), p.name, p.id)), ...(await activeRef('stations', p.stationId, 'stationId'))]),
  );
}

export function changeSkill(input: PayloadInput<'skill.changed'>, ctx: CommandContext) {
  return commit(
    'skill.changed',
    input,
    ctx,
    leadOnly(async (p) => {
      const current = await db.skills.get(p.id);
      if (!current) return [{ field: 'id', key: 'error.notFound' }];
      const stationId = p.stationId ?? current.stationId;
      const checkName = p.name !== undefined || p.stationId !== undefined || p.archived === false;
      return [
        ...(checkName ? await nameTaken(skillsInStation(stationId), p.name ?? current.name, p.id) : []),
        ...(await activeRef('stations', p.stationId, 'stationId')),
      ];
    }),
  );
}

// Levels, claims and confirmations

const REFUSAL_MESSAGE: Record<ConfirmRefusal, string> = {
  notSignedIn: 'error.signInFirst',
  self: 'error.confirmOwn',
  notQualified: 'error.notQualified',
};

async function activeCell(workerId: string, skillId: string) {
  const [worker, skill, record] = await Promise.all([db.workers.get(workerId), db.skills.get(skillId), storedLevel(workerId, skillId)]);
  return { worker: worker && !worker.archived ? worker : undefined, skill: skill && !skill.archived ? skill : undefined, record: record && normaliseLevel(record) };
}

type ActiveCell = Awaited<ReturnType<typeof activeCell>>;

/** `cell`: the cell as the caller already read it, so the row is not read twice. */
async function mayConfirm(actor: Worker | undefined, workerId: string, skillId: string, cell?: ActiveCell): Promise<FieldError[]> {
  const { worker, skill } = cell ?? (await activeCell(workerId, skillId));
  if (!worker) return [{ field: 'workerId', key: 'error.notFound' }];
  if (!skill) return [{ field: 'skillId', key: 'error.notFound' }];
  const own = actor ? await storedLevel(actor.id, skillId) : undefined;
  const refusal = confirmRefusal(actor, workerId, own && normaliseLevel(own), skill, Date.now());
  return refusal ? [{ field: '', key: REFUSAL_MESSAGE[refusal] }] : [];
}

/**
 * Sets a level. A claim ('claimed') is the worker's own. A confirmed level comes from the
 * lead or a coach at O; if the worker has a claim waiting, this answers it (an adjustment
 * needs a reason).
 */
export function setLevel(input: PayloadInput<'level.set'>, ctx: CommandContext) {
  return commit(
    'level.set',
    input,
    ctx,
    async (p, actor) => {
      if (p.status === 'claimed') {
        const { worker, skill } = await activeCell(p.workerId, p.skillId);
        if (!worker || !skill) return [{ field: '', key: 'error.notFound' }];
        return actor?.id === p.workerId ? [] : [{ field: '', key: 'error.claimOwnOnly' }];
      }
      const cell = await activeCell(p.workerId, p.skillId);
      const errors = await mayConfirm(actor, p.workerId, p.skillId, cell);
      const claim = cell.record?.claim;
      if (!errors.length && claim && claim.level !== p.level && !p.note) errors.push({ field: 'note', key: 'error.reasonRequired' });
      return errors;
    },
    async (p) => (p.status === 'confirmed' ? confirmationEvents(p, ctx.actor) : [buildEvent('level.set', p, ctx.actor)]),
  );
}

/**
 * The events of a confirmation: it answers a waiting claim if there is one, and marks the
 * cell's open assignments reached when the new level meets their target.
 */
export async function confirmationEvents(
  p: { workerId: string; skillId: string; level: LevelCode; note: string; evidence?: string },
  actor: string | null,
): Promise<VaardigEvent[]> {
  const claim = (await activeCell(p.workerId, p.skillId)).record?.claim;
  const confirm = claim
    ? buildEvent('claim.confirmed', { workerId: p.workerId, skillId: p.skillId, claimedLevel: claim.level, level: p.level, note: p.note, evidence: p.evidence }, actor)
    : buildEvent('level.set', { ...p, status: 'confirmed' }, actor);
  const open = await db.assignments.where('workerId').equals(p.workerId).filter(isOpenAssignment).toArray();
  return [confirm, ...reachedEvents(open, p.skillId, p.level, actor)];
}

function reachedEvents(openAssignments: readonly Assignment[], skillId: string, level: LevelCode, actor: string | null): VaardigEvent[] {
  return openAssignments.filter((a) => a.skillId === skillId && atLeast(level, a.targetLevel)).map((a) => buildEvent('assignment.changed', { id: a.id, status: 'reached' }, actor));
}

/**
 * Confirmations of many cells of one person (a matrix import): cells that differ become one
 * `levels.recorded` event; a waiting claim is answered per cell; assignments reached are
 * marked. Reads the person's row and assignments once. Returns how many cells changed.
 */
export async function rowConfirmationEvents(
  workerId: string,
  cells: readonly { skillId: string; level: LevelCode }[],
  actor: string | null,
): Promise<{ events: VaardigEvent[]; changed: number }> {
  const [current, open] = await Promise.all([
    levelsOfWorker(workerId).then((rows) => new Map(rows.map((r) => [r.skillId, normaliseLevel(r)]))),
    db.assignments.where('workerId').equals(workerId).filter(isOpenAssignment).toArray(),
  ]);
  const events: VaardigEvent[] = [];
  const recorded: { skillId: string; level: LevelCode; note: string }[] = [];
  for (const { skillId, level } of new Map(cells.map((c) => [c.skillId, c])).values()) {
    const cell = current.get(skillId);
    if (cell?.claim) events.push(buildEvent('claim.confirmed', { workerId, skillId, claimedLevel: cell.claim.level, level, note: '' }, actor));
    else if (cell?.level !== level) recorded.push({ skillId, level, note: '' });
    else continue;
    events.push(...reachedEvents(open, skillId, level, actor));
  }
  if (recorded.length) events.unshift(buildEvent('levels.recorded', { workerId, cells: recorded }, actor));
  return { events, changed: recorded.length + events.filter((e) => e.type === 'claim.confirmed').length };
}

/** Confirms a waiting claim as claimed (level omitted) or adjusted to another level, with a reason. */
export function confirmClaim(input: { workerId: string; skillId: string; level?: PayloadInput<'level.set'>['level']; note?: string }, ctx: CommandContext) {
  return storedLevel(input.workerId, input.skillId).then((row) => {
    const claim = row && normaliseLevel(row).claim;
    if (!claim) return fail<Payload<'level.set'>>({ field: '', key: 'error.noClaim' });
    return setLevel({ workerId: input.workerId, skillId: input.skillId, level: input.level ?? claim.level, status: 'confirmed', note: input.note ?? '' }, ctx);
  });
}

export async function declineClaim(input: { workerId: string; skillId: string; note: string }, ctx: CommandContext) {
  const row = await storedLevel(input.workerId, input.skillId);
  const claim = row && normaliseLevel(row).claim;
  if (!claim) return fail<Payload<'claim.declined'>>({ field: '', key: 'error.noClaim' });
  return commit('claim.declined', { ...input, claimedLevel: claim.level }, ctx, async (p, actor) => {
    const cell = await activeCell(p.workerId, p.skillId);
    const errors = await mayConfirm(actor, p.workerId, p.skillId, cell);
    const current = cell.record?.claim;
    if (!errors.length && !current) errors.push({ field: '', key: 'error.noClaim' });
    return errors;
  });
}

/** "I would like to learn this": only the worker says so, for themselves. */
export function setWish(input: { workerId: string; skillId: string; wished: boolean }, ctx: CommandContext) {
  return commit('wish.set', input, ctx, async (p, actor) => {
    const { worker, skill } = await activeCell(p.workerId, p.skillId);
    if (!worker || !skill) return [{ field: '', key: 'error.notFound' }];
    return actor?.id === p.workerId ? [] : [{ field: '', key: 'error.claimOwnOnly' }];
  });
}

// Assignments (leeropdrachten) and coaching sessions

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
  const level = record && normaliseLevel(record);
  if (!level || !levelOf(level.level).mayCoach || isExpired(level, skill, Date.now())) return { field: 'coachId', key: 'error.coachNotO' };
  return null;
}

/** The lead accepts a plan: all its assignments are stored together, or none. */
export async function createAssignments(list: NewAssignment[], ctx: CommandContext): Promise<CommandResult<string[]>> {
  const parsed = list.map((a) => payloadSchemas['assignment.created'].safeParse({ id: newId(), ...a }));
  const invalid = parsed.find((p) => !p.success);
  if (invalid && !invalid.success) return fail(...issuesToErrors(invalid.error.issues));
  const payloads = parsed.map((p) => (p as { data: Payload<'assignment.created'> }).data);
  try {
    return await db.transaction('rw', ALL_TABLES(), async () => {
      if (!isLead(ctx.actor ? await db.workers.get(ctx.actor) : undefined)) return fail<string[]>(...LEAD_ONLY);
      for (const a of payloads) {
        const { worker, skill, record } = await activeCell(a.workerId, a.skillId);
        if (!worker || !skill) return fail<string[]>({ field: '', key: 'error.notFound' });
        if (record && atLeast(record.level, a.targetLevel) && !isExpired(record, skill, Date.now())) return fail<string[]>({ field: '', key: 'error.alreadyThere' });
        const problem = await coachProblem(a.coachId, a.workerId, a.skillId);
        if (problem) return fail<string[]>(problem);
        const open = await db.assignments.where('workerId').equals(a.workerId).filter((x) => x.skillId === a.skillId && isOpenAssignment(x)).count();
        if (open) return fail<string[]>({ field: '', key: 'error.alreadyLearning' });
      }
      await appendEvents(payloads.map((a) => buildEvent('assignment.created', a, ctx.actor)));
      return ok(payloads.map((a) => a.id));
    });
  } catch (error) {
    return storageFailure(error);
  }
}

/** Change coach, due date or status: the lead, or the assignment's coach. */
export function changeAssignment(input: PayloadInput<'assignment.changed'>, ctx: CommandContext) {
  return commit('assignment.changed', input, ctx, async (p, actor) => {
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

export type SessionInput = Omit<CoachingSession, 'id' | 'at'>;

export type SessionResult = CommandResult<Payload<'session.recorded'>> | { ok: false; errors: FieldError[]; pin: Awaited<ReturnType<typeof signIn>> };

/**
 * Records a coaching session confirmed by both: the coach is signed in (the actor), the
 * learner confirms with their PIN. A level reached that the coach may confirm (at O, or the
 * lead) is confirmed in the same step, with the session as its evidence.
 */
export async function recordSession(input: SessionInput, learnerPin: string, ctx: CommandContext): Promise<SessionResult> {
  const parsed = payloadSchemas['session.recorded'].safeParse({ id: newId(), ...input });
  if (!parsed.success) return fail(...issuesToErrors(parsed.error.issues));
  const session = parsed.data;
  if (ctx.actor !== session.coachId) return fail({ field: '', key: 'error.coachSignsIn' });
  if (session.coachId === session.learnerId) return fail({ field: 'learnerId', key: 'error.coachSelf' });
  const pin = await signIn(session.learnerId, learnerPin);
  if (pin.kind !== 'ok') return { ok: false, errors: [{ field: 'pin', key: 'error.learnerPin' }], pin };
  try {
    return await db.transaction('rw', ALL_TABLES(), async () => {
      const { worker, skill } = await activeCell(session.learnerId, session.skillId);
      const coach = await db.workers.get(session.coachId);
      if (!worker || !skill || !coach || coach.archived) return fail<Payload<'session.recorded'>>({ field: '', key: 'error.notFound' });
      const events = [buildEvent('session.recorded', session, ctx.actor)];
      const assignment = session.assignmentId ? await db.assignments.get(session.assignmentId) : undefined;
      if (assignment?.status === 'open') events.push(buildEvent('assignment.changed', { id: assignment.id, status: 'inProgress' }, ctx.actor));
      if (session.levelReached && !(await mayConfirm(coach, session.learnerId, session.skillId)).length) {
        events.push(...(await confirmationEvents({ workerId: session.learnerId, skillId: session.skillId, level: session.levelReached, note: session.practised, evidence: session.id }, ctx.actor)));
      }
      await appendEvents(events);
      return ok(session);
    });
  } catch (error) {
    return storageFailure(error);
  }
}
