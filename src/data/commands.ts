import { payloadSchemas, refsOf, type EventType, type Payload, type PayloadInput, type VaardigEvent } from '../domain/events';
import { DEFAULT_TARGET_COVERAGE } from '../domain/model';
import { currentDevice, nextStamp } from './clock';
import { db } from './db';
import { fail, issuesToErrors, ok, storageFailure, type CommandResult, type FieldError } from './errors';
import { newId } from './ids';
import { applyEvents } from './projections';

export interface CommandContext {
  /** The signed-in person, recorded as the event's actor; null when nobody is signed in. */
  actor: string | null;
}

const ALL_TABLES = () => [db.events, db.meta, ...db.projectionTables];

export function buildEvent<T extends EventType>(type: T, payload: Payload<T>, actor: string | null): VaardigEvent {
  return {
    id: newId(),
    type,
    at: nextStamp(),
    actor,
    device: currentDevice(),
    refs: refsOf(type, payload as Record<string, unknown>),
    payload,
  } as VaardigEvent;
}

/**
 * Validates input with the event's schema, runs the business checks against current data,
 * then appends the event and updates the projections — all in one transaction, so a
 * failure anywhere leaves the database as it was.
 */
async function commit<T extends EventType>(
  type: T,
  input: PayloadInput<T>,
  ctx: CommandContext,
  check: (payload: Payload<T>) => Promise<FieldError[]> = async () => [],
): Promise<CommandResult<Payload<T>>> {
  const parsed = payloadSchemas[type].safeParse(input);
  if (!parsed.success) return fail(...issuesToErrors(parsed.error.issues));
  const payload = parsed.data as Payload<T>;
  try {
    return await db.transaction('rw', ALL_TABLES(), async () => {
      const errors = await check(payload);
      if (errors.length) return fail<Payload<T>>(...errors);
      await appendEvents([buildEvent(type, payload, ctx.actor)]);
      return ok(payload);
    });
  } catch (error) {
    return storageFailure(error);
  }
}

/** Appends events and folds them into the projections; call inside a rw transaction. */
async function appendEvents(events: VaardigEvent[]): Promise<void> {
  await db.events.bulkAdd(events);
  await applyEvents(events);
}

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

// Teams

export function createTeam(input: { name: string }, ctx: CommandContext) {
  return commit('team.created', { id: newId(), ...input }, ctx, (p) => nameTaken(db.teams.toArray(), p.name, p.id));
}

export function changeTeam(input: PayloadInput<'team.changed'>, ctx: CommandContext) {
  return commit('team.changed', input, ctx, async (p) => [
    ...(await mustExist('teams', p.id)),
    ...(await nameTaken(db.teams.toArray(), p.name, p.id)),
    ...(p.archived && (await db.workers.where('teamId').equals(p.id).filter((w) => !w.archived).count())
      ? [{ field: 'archived', key: 'error.teamHasWorkers' }]
      : []),
  ]);
}

// Stations

export async function createStation(input: { name: string }, ctx: CommandContext) {
  const last = await db.stations.orderBy('order').last();
  return commit('station.created', { id: newId(), name: input.name, order: (last?.order ?? -1) + 1 }, ctx, (p) =>
    nameTaken(db.stations.toArray(), p.name, p.id),
  );
}

export function changeStation(input: PayloadInput<'station.changed'>, ctx: CommandContext) {
  return commit('station.changed', input, ctx, async (p) => [
    ...(await mustExist('stations', p.id)),
    ...(await nameTaken(db.stations.toArray(), p.name, p.id)),
    ...(p.archived && (await db.skills.where('stationId').equals(p.id).filter((s) => !s.archived).count())
      ? [{ field: 'archived', key: 'error.stationHasSkills' }]
      : []),
  ]);
}

/** Swaps a station with its neighbour in the matrix order, both writes or neither. */
export async function moveStation(id: string, direction: -1 | 1, ctx: CommandContext): Promise<CommandResult<void>> {
  try {
    return await db.transaction('rw', ALL_TABLES(), async () => {
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

export function createWorker(input: { name: string; teamId: string }, ctx: CommandContext) {
  return commit('worker.created', { id: newId(), ...input }, ctx, async (p) => [
    ...(await nameTaken(db.workers.toArray(), p.name, p.id)),
    ...(await activeRef('teams', p.teamId, 'teamId')),
  ]);
}

export function changeWorker(input: PayloadInput<'worker.changed'>, ctx: CommandContext) {
  return commit('worker.changed', input, ctx, async (p) => [
    ...(await mustExist('workers', p.id)),
    ...(p.archived === false || p.name !== undefined ? await nameTaken(db.workers.toArray(), p.name ?? (await db.workers.get(p.id))?.name, p.id) : []),
    ...(await activeRef('teams', p.teamId, 'teamId')),
  ]);
}

// Skills

export interface SkillInput {
  name: string;
  stationId: string;
  description?: string;
  targetCoverage?: number;
  validityMonths?: number | null;
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
    },
    ctx,
    async (p) => [...(await nameTaken(skillsInStation(p.stationId), p.name, p.id)), ...(await activeRef('stations', p.stationId, 'stationId'))],
  );
}

export function changeSkill(input: PayloadInput<'skill.changed'>, ctx: CommandContext) {
  return commit('skill.changed', input, ctx, async (p) => {
    const current = await db.skills.get(p.id);
    if (!current) return [{ field: 'id', key: 'error.notFound' }];
    const stationId = p.stationId ?? current.stationId;
    const checkName = p.name !== undefined || p.stationId !== undefined || p.archived === false;
    return [
      ...(checkName ? await nameTaken(skillsInStation(stationId), p.name ?? current.name, p.id) : []),
      ...(await activeRef('stations', p.stationId, 'stationId')),
    ];
  });
}

// Levels

export function setLevel(input: PayloadInput<'level.set'>, ctx: CommandContext) {
  return commit('level.set', input, ctx, async (p) => {
    const [worker, skill] = await Promise.all([db.workers.get(p.workerId), db.skills.get(p.skillId)]);
    if (!worker || worker.archived) return [{ field: 'workerId', key: 'error.notFound' }];
    if (!skill || skill.archived) return [{ field: 'skillId', key: 'error.notFound' }];
    return [];
  });
}
