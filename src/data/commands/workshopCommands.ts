import type { Collection } from 'dexie';
import { payloadSchemas, type PayloadInput } from '../../domain/events';
import { type Prerequisite, type Worker } from '../../domain/model';
import { COMPANY_NAME_MAX_LENGTH, DEFAULT_TARGET_COVERAGE, KVK_NUMBER_DIGITS, LEERBEDRIJF_ID_MAX_DIGITS } from '../../domain/thresholds';
import { isValidKvk, normaliseKvk } from '../../domain/kvk';
import { nameClash, sameName } from '../../domain/names';
import { isLead } from '../../domain/permissions';
import { isValidPin } from '../../domain/pin';
import { db, deleteMeta, newId, setMeta, setupBlocker } from '../store';
import { fail, issuesToErrors, ok, type CommandResult, type FieldError } from './commandResult';
import { appendEvents, asLead, buildEvent, buildRootEvent, commit, LEAD_ONLY, leadOnly, transact, type CommandContext } from './kernel';
import { ROOT_EVENT_ID } from '../../domain/identity/rootEvent';
import { hashPin } from './kioskCommands';

/** The workshop itself: its name, teams, stations, people and skills — the lead's to manage. */

async function nameTaken(rows: Promise<{ id: string; name: string; archived: boolean }[]>, name: string | undefined, selfId: string): Promise<FieldError[]> {
  if (name === undefined) return [];
  return nameClash(await rows, name, selfId) ? [{ field: 'name', key: 'error.nameTaken' }] : [];
}

async function activeRef(table: 'teams' | 'stations', id: string | undefined, field: string): Promise<FieldError[]> {
  if (id === undefined) return [];
  const row = await db[table].get(id);
  return row && !row.archived ? [] : [{ field, key: table === 'teams' ? 'error.unknownTeam' : 'error.unknownStation' }];
}

/** A team with active people, or a station with active skills, cannot be archived. */
async function stillInUse<T extends { archived: boolean }>(members: Collection<T, string>, key: string): Promise<FieldError[]> {
  return (await members.filter((m) => !m.archived).count()) ? [{ field: 'archived', key }] : [];
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
  return transact(async () => {
    const workers = await db.workers.toArray();
    if (workers.some((w) => isLead(w))) return fail<Worker>(...LEAD_ONLY);
    const blocked = await setupBlocker();
    if (blocked) return fail<Worker>({ field: '', key: `setup.${blocked}` });
    const taken = await nameTaken(Promise.resolve(workers), worker.data.name, '');
    if (taken.length) return fail<Worker>(...taken);
    const existingTeam = (await db.teams.toArray()).find((t) => !t.archived && sameName(t.name, team.data.name));
    const teamId = existingTeam?.id ?? team.data.id;
    const lead = { ...worker.data, teamId };
    // A workshop set up here from nothing starts with this device letting itself in.
    const root = (await db.events.get(ROOT_EVENT_ID)) ? [] : [buildRootEvent()];
    const events = [...root, ...(existingTeam ? [] : [buildEvent('team.created', team.data, lead.id)]), buildEvent('worker.created', lead, lead.id)];
    await appendEvents(events);
    await db.credentials.put({ workerId: lead.id, ...credential, failures: 0, lockedUntil: 0 });
    return ok(normaliseWorker(await db.workers.get(lead.id)));
  });
}

function normaliseWorker(row: Worker | undefined): Worker {
  if (!row) throw new Error('worker vanished inside its own transaction');
  return row;
}

// Teams

export function createTeam(input: { name: string }, ctx: CommandContext) {
  return commit(
    'team.created',
    { id: newId(), ...input },
    ctx,
    leadOnly((p) => nameTaken(db.teams.toArray(), p.name, p.id)),
  );
}

export function changeTeam(input: PayloadInput<'team.changed'>, ctx: CommandContext) {
  return commit(
    'team.changed',
    input,
    ctx,
    leadOnly(async (p) => [
      ...(await mustExist('teams', p.id)),
      ...(await nameTaken(db.teams.toArray(), p.name, p.id)),
      ...(p.archived ? await stillInUse(db.workers.where('teamId').equals(p.id), 'error.teamHasWorkers') : []),
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
      ...(p.archived ? await stillInUse(db.skills.where('stationId').equals(p.id), 'error.stationHasSkills') : []),
    ]),
  );
}

/** Swaps a station with its neighbour in the matrix order, both writes or neither. */
export async function moveStation(id: string, direction: -1 | 1, ctx: CommandContext): Promise<CommandResult<void>> {
  return asLead(ctx, async () => {
    const stations = (await db.stations.orderBy('order').toArray()).filter((s) => !s.archived);
    const i = stations.findIndex((s) => s.id === id);
    const j = i + direction;
    if (i < 0) return fail({ field: 'id', key: 'error.notFound' });
    if (j < 0 || j >= stations.length) return ok(undefined);
    const [a, b] = [stations[i]!, stations[j]!];
    await appendEvents([buildEvent('station.changed', { id: a.id, order: b.order }, ctx.actor), buildEvent('station.changed', { id: b.id, order: a.order }, ctx.actor)]);
    return ok(undefined);
  });
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
    if (current.forgotten) return [{ field: '', key: 'forget.already' }];
    // A worker may choose how they appear on the wall; everything else is the lead's.
    const ownPrivacyOnly = Object.keys(p).every((k) => k === 'id' || k === 'showInitials') && actor?.id === p.id;
    if (!ownPrivacyOnly && !isLead(actor)) return LEAD_ONLY;
    if ((p.archived || p.role === 'worker') && current.role === 'lead' && current.id === actor?.id) {
      return [{ field: 'role', key: 'error.lastLead' }];
    }
    return [...(p.archived === false || p.name !== undefined ? await nameTaken(db.workers.toArray(), p.name ?? current.name, p.id) : []), ...(await activeRef('teams', p.teamId, 'teamId'))];
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
      return [...(checkName ? await nameTaken(skillsInStation(stationId), p.name ?? current.name, p.id) : []), ...(await activeRef('stations', p.stationId, 'stationId'))];
    }),
  );
}

// The company's name and KvK number (on portfolios and fund reports)

export function setCompanyName(name: string, ctx: CommandContext): Promise<CommandResult<string>> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > COMPANY_NAME_MAX_LENGTH) return Promise.resolve(fail({ field: 'company', key: 'error.required' }));
  return asLead(ctx, async () => {
    await setMeta('companyName', trimmed);
    return ok(trimmed);
  });
}

export interface CompanyDetails {
  /** KvK number: 8 digits, or '' when not filled in. */
  kvkNumber: string;
  /** Leerbedrijf-ID at SBB: digits, or '' when not filled in. */
  leerbedrijfId: string;
}

/**
 * The company's KvK number and SBB leerbedrijf-ID (on portfolios and reports). Both optional:
 * empty removes it. Spaces and dots people type between the digits are left out.
 */
export function setCompanyDetails(input: CompanyDetails, ctx: CommandContext): Promise<CommandResult<CompanyDetails>> {
  const kvkNumber = normaliseKvk(input.kvkNumber);
  const leerbedrijfId = input.leerbedrijfId.replace(/[\s.]/g, '');
  const errors: FieldError[] = [];
  if (!isValidKvk(kvkNumber)) errors.push({ field: 'kvkNumber', key: 'error.kvk', params: { digits: KVK_NUMBER_DIGITS } });
  if (leerbedrijfId && !new RegExp(`^\\d{1,${LEERBEDRIJF_ID_MAX_DIGITS}}$`).test(leerbedrijfId))
    errors.push({ field: 'leerbedrijfId', key: 'error.leerbedrijfId', params: { max: LEERBEDRIJF_ID_MAX_DIGITS } });
  if (errors.length) return Promise.resolve(fail(...errors));
  return asLead(ctx, async () => {
    await (kvkNumber ? setMeta('companyKvk', kvkNumber) : deleteMeta('companyKvk'));
    await (leerbedrijfId ? setMeta('leerbedrijfId', leerbedrijfId) : deleteMeta('leerbedrijfId'));
    return ok({ kvkNumber, leerbedrijfId });
  });
}
