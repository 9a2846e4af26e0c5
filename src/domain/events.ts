import { z } from 'zod';
import { LEVEL_CODES } from './levels';

/**
 * Every change is one of these events. Payload schemas are the single validation boundary
 * for commands, backups and sync. Messages are i18n keys (see i18n `error.*`).
 */
const id = z.string().min(1).max(64);
const name = z.string().trim().min(1, 'error.required').max(80, 'error.tooLong');
const description = z.string().trim().max(500, 'error.tooLong');
const targetCoverage = z
  .number({ message: 'error.number' })
  .int('error.wholeNumber')
  .min(1, 'error.targetRange')
  .max(50, 'error.targetRange');
const validityMonths = z
  .number({ message: 'error.number' })
  .int('error.wholeNumber')
  .min(1, 'error.validityRange')
  .max(240, 'error.validityRange')
  .nullable();
const order = z.number().int().min(0).max(100_000);

export const payloadSchemas = {
  'team.created': z.object({ id, name }),
  'team.changed': z.object({ id, name: name.optional(), archived: z.boolean().optional() }),
  'station.created': z.object({ id, name, order }),
  'station.changed': z.object({ id, name: name.optional(), order: order.optional(), archived: z.boolean().optional() }),
  'worker.created': z.object({ id, name, teamId: id }),
  'worker.changed': z.object({
    id,
    name: name.optional(),
    teamId: id.optional(),
    archived: z.boolean().optional(),
  }),
  'skill.created': z.object({ id, name, stationId: id, description, targetCoverage, validityMonths }),
  'skill.changed': z.object({
    id,
    name: name.optional(),
    stationId: id.optional(),
    description: description.optional(),
    targetCoverage: targetCoverage.optional(),
    validityMonths: validityMonths.optional(),
    archived: z.boolean().optional(),
  }),
  'level.set': z.object({
    workerId: id,
    skillId: id,
    level: z.enum(LEVEL_CODES),
    status: z.enum(['claimed', 'confirmed']),
    note: z.string().trim().max(500, 'error.tooLong').default(''),
  }),
} as const;

export type EventType = keyof typeof payloadSchemas;
export type Payload<T extends EventType> = z.output<(typeof payloadSchemas)[T]>;
export type PayloadInput<T extends EventType> = z.input<(typeof payloadSchemas)[T]>;

export const EVENT_TYPES = Object.keys(payloadSchemas) as EventType[];

export const HLC_PATTERN = /^\d{15}:\d{5}:[A-Za-z0-9_-]{1,64}$/;

const envelope = {
  id: z.string().min(8).max(64),
  at: z.string().regex(HLC_PATTERN),
  actor: z.string().max(64).nullable(),
  device: z.string().min(1).max(64),
  refs: z.array(z.string().max(140)).max(16),
};

const envelopeSchema = z.object({ ...envelope, type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]), payload: z.unknown() });

export type EventParseResult = { ok: true; event: VaardigEvent } | { ok: false; issues: z.core.$ZodIssue[] };

/** Validates an event that comes from outside (backup, sync): envelope first, then its payload. */
export function parseEvent(raw: unknown): EventParseResult {
  const env = envelopeSchema.safeParse(raw);
  if (!env.success) return { ok: false, issues: env.error.issues };
  const payload = payloadSchemas[env.data.type].safeParse(env.data.payload);
  if (!payload.success) return { ok: false, issues: payload.error.issues };
  return { ok: true, event: { ...env.data, payload: payload.data } as VaardigEvent };
}

export type VaardigEvent = {
  [T in EventType]: {
    id: string;
    type: T;
    at: string;
    actor: string | null;
    device: string;
    /** Ids this event is about; indexed so history per person, skill or cell is one query. */
    refs: string[];
    payload: Payload<T>;
  };
}[EventType];

export type EventOf<T extends EventType> = Extract<VaardigEvent, { type: T }>;

/** Key of one matrix cell, as used in `refs` and in the levels table. */
export function cellRef(workerId: string, skillId: string): string {
  return `${workerId}|${skillId}`;
}

/** What an event is about, for the `refs` index. */
export function refsOf(type: EventType, payload: Record<string, unknown>): string[] {
  if (type === 'level.set') {
    const { workerId, skillId } = payload as Payload<'level.set'>;
    return [workerId, skillId, cellRef(workerId, skillId)];
  }
  const refs = [payload.id as string];
  for (const k of ['teamId', 'stationId'] as const) {
    if (typeof payload[k] === 'string') refs.push(payload[k] as string);
  }
  return refs;
}
