import { z } from 'zod/mini';
import { LEVEL_CODES } from './levels';
import { qualificationFileSchema } from './qualificationSchema';
import { INSTRUCTION, NAME_MAX_LENGTH, TEXT_MAX_LENGTH } from './thresholds';
import { isSealed, sealedFits } from './privacy/sealedForm';

/**
 * Every change is one of these events. Payload schemas are the single validation boundary
 * for commands, backups and sync. Messages are i18n keys (see i18n `error.*`). zod/mini
 * keeps the validation code out of the way of the first paint.
 */
const id = z.string().check(z.minLength(1), z.maxLength(64));
const text = (max: number, required: boolean) => z.string({ message: 'error.required' }).check(z.trim(), ...(required ? [z.minLength(1, 'error.required')] : []), z.maxLength(max, 'error.tooLong'));
const name = text(NAME_MAX_LENGTH, true);
const description = text(TEXT_MAX_LENGTH, false);
/**
 * A person's own text (privacy/personalFields.ts): typed as plain text, stored sealed with
 * their key. Either form is checked against the same limit (the sealed form by its own length).
 */
const personal = (max: number, required: boolean) =>
  z.string({ message: 'error.required' }).check(
    z.trim(),
    ...(required ? [z.minLength(1, 'error.required')] : []),
    z.superRefine<string>((value, ctx) => {
      if (isSealed(value) ? !sealedFits(value, max) : value.length > max) ctx.issues.push({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, input: value, message: 'error.tooLong' });
    }),
  );
const personName = personal(NAME_MAX_LENGTH, true);
const note = z._default(personal(TEXT_MAX_LENGTH, false), '');
/** The hex SHA-256 of a person's key (privacy/sealing.ts): the key that opens their texts, and no other. */
const keyCommitment = z.string().check(z.regex(/^[0-9a-f]{64}$/));
const wholeNumber = (min: number, max: number, rangeMessage: string) =>
  z.number({ message: 'error.number' }).check(z.int('error.wholeNumber'), z.minimum(min, rangeMessage), z.maximum(max, rangeMessage));
const targetCoverage = wholeNumber(1, 50, 'error.targetRange');
const validityMonths = z.nullable(wholeNumber(1, 240, 'error.validityRange'));
const order = z.number().check(z.int(), z.minimum(0), z.maximum(100_000));
const flag = z.optional(z.boolean());
const level = z.enum(LEVEL_CODES);
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'error.date'));
const cell = { workerId: id, skillId: id };
const requires = z.array(z.object({ skillId: id, level })).check(z.maxLength(10));
/** A device's public key (P-256, raw point) or a signature, base64url. */
const publicKey = z.string().check(z.regex(/^[A-Za-z0-9_-]{43,128}$/));
/** The coaching session a confirmation rests on, if any. */
const evidence = z.optional(id);
/** A photo, named by the SHA-256 (hex) of its bytes: events never carry the bytes (see data/photos). */
const photoHash = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'error.invalid'));
const step = z.object({
  title: text(INSTRUCTION.titleLength, true),
  keyPoints: text(INSTRUCTION.textLength, false),
  reasons: text(INSTRUCTION.textLength, false),
  photo: z.optional(photoHash),
});
const stepTick = z.object({ step: z.number().check(z.int(), z.minimum(0), z.maximum(INSTRUCTION.maxSteps - 1)), how: z.enum(['helped', 'alone']) });

export const payloadSchemas = {
  'team.created': z.object({ id, name }),
  'team.changed': z.object({ id, name: z.optional(name), archived: flag }),
  'station.created': z.object({ id, name, order }),
  'station.changed': z.object({ id, name: z.optional(name), order: z.optional(order), archived: flag }),
  'worker.created': z.object({ id, name: personName, teamId: id, role: z._default(z.enum(['worker', 'lead']), 'worker'), sealKey: z.optional(keyCommitment) }),
  'worker.changed': z.object({
    id,
    name: z.optional(personName),
    teamId: z.optional(id),
    archived: flag,
    role: z.optional(z.enum(['worker', 'lead'])),
    coachSince: z.optional(z.nullable(isoDate)),
    showInitials: flag,
    /** The qualification this person works toward (its id), or null. */
    targetQualificationId: z.optional(z.nullable(z.string().check(z.maxLength(40)))),
  }),
  /**
   * A person forgotten (by a lead, with their consent or after they left): their key is
   * erased everywhere, so their name and texts can no longer be read; the facts stay.
   */
  'worker.forgotten': z.object({ id, reason: z.enum(['request', 'left']) }),
  'skill.created': z.object({ id, name, stationId: id, description, targetCoverage, validityMonths, requires: z.optional(requires) }),
  'skill.changed': z.object({
    id,
    name: z.optional(name),
    stationId: z.optional(id),
    description: z.optional(description),
    targetCoverage: z.optional(targetCoverage),
    validityMonths: z.optional(validityMonths),
    requires: z.optional(requires),
    archived: flag,
  }),
  /** status 'claimed': the worker's own claim; 'confirmed': set by the lead or a coach at O. */
  'level.set': z.object({ ...cell, level, status: z.enum(['claimed', 'confirmed']), note, evidence }),
  /**
   * Confirmed levels for many skills of one person at once (a matrix import, a bulk entry):
   * one event per person rather than one per cell, so 200,000 cells stay a few hundred events.
   */
  'levels.recorded': z.object({
    workerId: id,
    cells: z.array(z.object({ skillId: id, level, note })).check(z.minLength(1), z.maxLength(5000)),
  }),
  /** A claim confirmed as claimed, or adjusted to another level (then `note` says why). */
  'claim.confirmed': z.object({ ...cell, claimedLevel: level, level, note, evidence }),
  'claim.declined': z.object({ ...cell, claimedLevel: level, note: personal(TEXT_MAX_LENGTH, true) }),
  /** "I would like to learn this": private to the worker (never synced to the company). */
  'wish.set': z.object({ ...cell, wished: z.boolean() }),
  /** A leeropdracht: learn a skill from a coach at O, up to a target level. */
  'assignment.created': z.object({ id, ...cell, coachId: id, targetLevel: level, dueDate: z.nullable(isoDate) }),
  'assignment.changed': z.object({
    id,
    coachId: z.optional(id),
    dueDate: z.optional(z.nullable(isoDate)),
    status: z.optional(z.enum(['open', 'inProgress', 'reached', 'cancelled'])),
  }),
  /** A coaching session, confirmed by coach (signed in) and learner (PIN) when recorded. */
  'session.recorded': z.object({
    id,
    coachId: id,
    learnerId: id,
    skillId: id,
    assignmentId: z.nullable(id),
    date: isoDate,
    minutes: wholeNumber(1, 600, 'error.minutesRange'),
    practised: personal(TEXT_MAX_LENGTH, false),
    levelReached: z.nullable(level),
    /** The work instruction's version the steps were ticked against, the steps, and a photo of the finished work (all optional: older sessions have none). */
    instructionVersion: z.optional(wholeNumber(1, 1_000_000, 'error.invalid')),
    steps: z.optional(z.array(stepTick).check(z.maxLength(INSTRUCTION.maxSteps))),
    photo: z.optional(photoHash),
  }),
  /** A skill's work instruction, saved whole as a new version by the lead or a coach at O. */
  'instruction.saved': z.object({
    skillId: id,
    version: wholeNumber(1, 1_000_000, 'error.invalid'),
    steps: z.array(step).check(z.minLength(1, 'instruction.error.noSteps'), z.maxLength(INSTRUCTION.maxSteps, 'instruction.error.tooManySteps')),
  }),
  /** A dossier fragment loaded from a file (or the shipped example). */
  'qualification.imported': qualificationFileSchema,
  'mapping.set': z.object({
    qualificationId: z.string().check(z.maxLength(40)),
    werkproces: z.string().check(z.maxLength(20)),
    skillId: id,
    requiredLevel: level,
    coverage: z.enum(['full', 'partial']),
  }),
  'mapping.removed': z.object({ qualificationId: z.string().check(z.maxLength(40)), werkproces: z.string().check(z.maxLength(20)), skillId: id }),
  'mapping.approved': z.object({ qualificationId: z.string().check(z.maxLength(40)), werkproces: z.string().check(z.maxLength(20)), skillId: id }),
  /** The worker's consent to share their evidence, given with their PIN; it can be withdrawn. */
  'consent.given': z.object({ id, workerId: id, qualificationId: z.string().check(z.maxLength(40)), recipient: text(200, true), purpose: text(300, true) }),
  'consent.withdrawn': z.object({ id, workerId: id }),
  /** A new device asks to take part; its own key signs it. Grants nothing until a lead enrols it. */
  'device.requested': z.object({ deviceId: id, key: publicKey }),
  /**
   * A lead lets a device in (or the company's first device enrols itself: `ROOT_EVENT_ID`).
   * `pinFor`: the lead who may choose their PIN on that device, once, to start using it.
   */
  'device.enrolled': z.object({ deviceId: id, key: publicKey, name: description, pinFor: z._default(z.nullable(id), null) }),
  /** A lead takes a lost or stolen device out: what it signs from then on is refused. */
  'device.revoked': z.object({ deviceId: id }),
} as const;

/** Events that stay on the worker's side (DESIGN §5): they never leave the device. */
export const PRIVATE_EVENT_TYPES: ReadonlySet<string> = new Set(['wish.set']);

export type EventType = keyof typeof payloadSchemas;
export type Payload<T extends EventType> = z.output<(typeof payloadSchemas)[T]>;
export type PayloadInput<T extends EventType> = z.input<(typeof payloadSchemas)[T]>;

export const EVENT_TYPES = Object.keys(payloadSchemas) as EventType[];

export const HLC_PATTERN = /^\d{15}:\d{5}:[A-Za-z0-9_-]{1,64}$/;

const envelope = {
  id: z.string().check(z.minLength(8), z.maxLength(64)),
  at: z.string().check(z.regex(HLC_PATTERN)),
  actor: z.nullable(z.string().check(z.maxLength(64))),
  device: z.string().check(z.minLength(1), z.maxLength(64)),
  refs: z.array(z.string().check(z.maxLength(140))).check(z.maxLength(16)),
  /** The signing device's public key and its signature over the content hash (absent only in logs from before signing). */
  key: z.optional(publicKey),
  sig: z.optional(publicKey),
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
    /** Public key of the device that wrote it (see `identity/`). */
    key?: string;
    /** That device's signature over the content hash. */
    sig?: string;
  };
}[EventType];

export type EventOf<T extends EventType> = Extract<VaardigEvent, { type: T }>;
