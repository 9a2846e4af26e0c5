import { loadSealing } from '../store';
import { refsOf } from '../../domain/eventRefs';
import { payloadSchemas, PRIVATE_EVENT_TYPES, type EventType, type Payload, type PayloadInput, type VaardigEvent } from '../../domain/events';
import type { Worker } from '../../domain/model';
import { REFUSAL_PARAMS } from '../../domain/gate/refusal';
import { isLead } from '../../domain/permissions';
import { admitLocal, GateRefused, noteLocalEvents } from '../gate';
import { contentHash, ROOT_EVENT_ID, type EventContent } from '../../domain/identity/eventIdentity';
import {
  applyEvents,
  ForgottenPerson,
  honourForgetting,
  currentDevice,
  currentPublicKey,
  db,
  getMeta,
  MissingPersonKey,
  newPersonKey,
  nextStamp,
  refreshKeyRing,
  saveNewKeys,
  sealPayload,
  signEvents,
} from '../store';
import { fail, issuesToErrors, ok, storageFailure, type CommandResult, type FieldError } from './commandResult';

/**
 * The command kernel: every change to the workshop goes through `transact()` — one read-write
 * transaction over the log, its projections and the device tables — and appends its events
 * with `appendEvents()`. A failure anywhere leaves the database as it was; a full disk comes
 * back as a message, anything else is a bug and is thrown.
 */
export interface CommandContext {
  /** The signed-in person, recorded as the event's actor; null when nobody is signed in. */
  actor: string | null;
}

export const LEAD_ONLY: FieldError[] = [{ field: '', key: 'error.leadOnly' }];

/**
 * A new event of this device: stamped, keyed, and named by the hash of its content (it is
 * signed when appended). The payload is read through its schema first, so the content hashed
 * here is exactly what every receiver reads back; a person's texts are then sealed with their
 * key (a new person gets one here). `at`: a stamp of this device made elsewhere (the demo's
 * past); by default the clock's next one.
 */
export function buildEvent<T extends EventType>(type: T, payload: Payload<T>, actor: string | null, at: string = nextStamp()): VaardigEvent {
  const read = payloadSchemas[type].parse(payload) as Payload<T>;
  const keyed = type === 'worker.created' && !(read as Payload<'worker.created'>).sealKey ? { ...read, sealKey: newPersonKey((read as Payload<'worker.created'>).id) } : read;
  const content = {
    type,
    at,
    actor,
    device: currentDevice(),
    refs: [] as string[],
    payload: sealPayload(type, keyed),
    key: currentPublicKey(),
  };
  content.refs = refsOf(content.payload as Record<string, unknown>);
  return { id: contentHash(content as EventContent), ...content } as VaardigEvent;
}

/** The company's first device letting itself in: the first event of a workshop set up here. */
export function buildRootEvent(at?: string): VaardigEvent {
  const event = buildEvent('device.enrolled', { deviceId: currentDevice(), key: currentPublicKey(), name: '', pinFor: null }, null, at);
  return { ...event, id: ROOT_EVENT_ID };
}

/**
 * Appends events and folds them into the projections; call inside `transact()`. The gate
 * judges them first by the same rules as everything received (a refusal undoes the command);
 * then this device signs them.
 */
export async function appendEvents(events: VaardigEvent[]): Promise<void> {
  await admitLocal(events);
  await signEvents(events);
  await db.events.bulkAdd(events);
  await saveNewKeys(events);
  await applyEvents(events);
  await honourForgetting(events);
  noteLocalEvents(events);
  // While this device syncs, its new shared events wait in the outbox (same transaction).
  if (await getMeta('sync')) await db.outbox.bulkPut(events.filter((e) => !PRIVATE_EVENT_TYPES.has(e.type)).map((e) => ({ id: e.id, at: e.at })));
}

/** The signed-in person as stored (undefined when nobody is signed in or they are gone). */
export async function actorOf(ctx: CommandContext): Promise<Worker | undefined> {
  return ctx.actor ? db.workers.get(ctx.actor) : undefined;
}

/** Runs a command's reads and writes in one transaction: all of it, or nothing. */
export async function transact<T>(run: () => Promise<CommandResult<T>>): Promise<CommandResult<T>> {
  try {
    await loadSealing();
    return await db.transaction('rw', db.allTables, async () => {
      await refreshKeyRing();
      return run();
    });
  } catch (error) {
    if (error instanceof MissingPersonKey) return fail<T>({ field: '', key: 'error.personKeyMissing' });
    if (error instanceof ForgottenPerson) return fail<T>({ field: '', key: 'forget.already' });
    if (error instanceof GateRefused) return fail<T>({ field: '', key: `gate.reason.${error.refusal.code}`, params: REFUSAL_PARAMS[error.refusal.code] });
    return storageFailure(error);
  }
}

/** `transact()` for the team lead's work: refused unless the actor is a lead. */
export function asLead<T>(ctx: CommandContext, run: (lead: Worker) => Promise<CommandResult<T>>): Promise<CommandResult<T>> {
  return transact(async () => {
    const actor = await actorOf(ctx);
    return isLead(actor) ? run(actor!) : fail<T>(...LEAD_ONLY);
  });
}

export type Check<T> = (payload: T, actor: Worker | undefined) => Promise<FieldError[]>;

/**
 * A command that is one event (or a few built from it): validates the input with the event's
 * schema, runs the rules against current data (who may do this, unique names, references),
 * then appends the events — in one transaction.
 */
export async function commit<T extends EventType>(
  type: T,
  input: PayloadInput<T>,
  ctx: CommandContext,
  check: Check<Payload<T>> = async () => [],
  build: (payload: Payload<T>, actor: Worker | undefined) => Promise<VaardigEvent[]> = async (p) => [buildEvent(type, p, ctx.actor)],
): Promise<CommandResult<Payload<T>>> {
  const parsed = payloadSchemas[type].safeParse(input);
  if (!parsed.success) return fail(...issuesToErrors(parsed.error.issues));
  const payload = parsed.data as Payload<T>;
  return transact(async () => {
    const actor = await actorOf(ctx);
    const errors = await check(payload, actor);
    if (errors.length) return fail<Payload<T>>(...errors);
    await appendEvents(await build(payload, actor));
    return ok(payload);
  });
}

/** Management (people, skills, stations, teams) is the team lead's job. */
export const leadOnly =
  <T>(rest: Check<T> = async () => []): Check<T> =>
  async (payload, actor) =>
    isLead(actor) ? rest(payload, actor) : LEAD_ONLY;
