import { CLOCK_BOUNDS, DAY_MS, LIMITS } from '../thresholds';

/**
 * Why the gate kept an event out of the log. Codes are stored with the refused event and
 * shown to the lead through the i18n catalogs (`gate.reason.<code>`).
 */
export const REFUSAL_CODES = [
  /** Not an event at all, or a field out of bounds (schema). */
  'malformed',
  /** Larger than one event may be. */
  'tooLarge',
  /** Stamped further in the future than any honest clock can be. */
  'future',
  /** Its clock stamp names another device than the event does. */
  'stampDevice',
  /** A private event (a wish) that should never have left its device. */
  'private',
  /** Nobody signed in, where someone must be. */
  'noActor',
  /** Done by someone the workshop does not know (at that moment). */
  'unknownActor',
  /** Done by someone who had left the workshop. */
  'archivedActor',
  /** About a person, skill, team, … the workshop does not know (at that moment). */
  'unknownSubject',
  /** Creates something that already exists. */
  'duplicateId',
  /** Only a team lead may do this. */
  'notLead',
  /** Nobody confirms their own level. */
  'self',
  /** Only a colleague who can teach the skill (O) or the lead may confirm it. */
  'notQualified',
  /** Only the person themselves may do this (a claim, a wish, a consent). */
  'notOwn',
  /** Only the coach (signed in) records a session; the lead or the coach changes an assignment. */
  'notCoach',
  /** More people or skills than a workshop may have. */
  'limit',
  /** An event this device already has, come back with other content: changed on the way. */
  'altered',
  /** Not signed by any device (written before signing, or by something that is not Vaardig). */
  'unsigned',
  /** Its id is not the hash of its content: changed after it was written. */
  'badId',
  /** Its signature does not fit its content and key: changed, or forged. */
  'badSignature',
  /** Signed by a device the company has not let in (or with another key than the one let in). */
  'notEnrolled',
  /** Signed by a device a lead had taken out before. */
  'revoked',
  /** Changes a person who was forgotten (forgetting is final). */
  'forgotten',
  /** A person's key that is not the one their creation committed to (or not a key at all). */
  'badKey',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  code: RefusalCode;
  /** What the refusal is about (a field or an id), for the record; never shown to workers. */
  detail?: string;
}

export const refuse = (code: RefusalCode, detail?: string): Refusal => (detail === undefined ? { code } : { code, detail });

/**
 * Refusals for what an event is (its shape, size, where it says it comes from): final. A
 * `future` refusal is looked at again as time passes (the receiving clock may have been
 * wrong); the others depend on the log and are judged again when earlier events arrive.
 */
const FINAL: ReadonlySet<RefusalCode> = new Set(['badKey', 'malformed', 'tooLarge', 'stampDevice', 'private', 'altered', 'future', 'unsigned', 'badId', 'badSignature']);

export function isFinal(code: RefusalCode): boolean {
  return FINAL.has(code);
}

/** The numbers a refusal's message names (its limit), from the one place limits are declared. */
export const REFUSAL_PARAMS: Partial<Record<RefusalCode, Record<string, number>>> = {
  tooLarge: { kb: LIMITS.eventBytes / 1024 },
  future: { days: CLOCK_BOUNDS.refuseMs / DAY_MS },
  limit: { people: LIMITS.people, skills: LIMITS.skills },
};
