import type { StepTick } from './instructions';
import { atLeast, type LevelCode } from './levels';

/** The rows the UI reads. Each is a projection of the event log (see projection.ts). */
export interface Team {
  id: string;
  name: string;
  archived: boolean;
}

/**
 * A device that takes part in the company's log: asked to (`requestKey`), let in by a lead
 * (`key`), or taken out (`revokedAt`). Stamps are HLC stamps of the events.
 */
export interface Device {
  id: string;
  /** The key its request named (what the enrolment code is made from). */
  requestKey?: string;
  requestedAt?: string;
  /** The key it was enrolled with: only events signed by it count. */
  key?: string;
  name?: string;
  enrolledAt?: string;
  /** Who let it in (null: the company's first device, set up on itself). */
  enrolledBy?: string | null;
  /** The lead who may choose their PIN on it once, to start using it. */
  pinFor?: string | null;
  revokedAt?: string | null;
  revokedBy?: string | null;
}

export type DeviceStatus = 'requested' | 'enrolled' | 'revoked';

export function deviceStatus(device: Device): DeviceStatus {
  if (device.revokedAt) return 'revoked';
  return device.key ? 'enrolled' : 'requested';
}

export interface Station {
  id: string;
  name: string;
  /** Position of the station's columns in the matrix, low first. */
  order: number;
  archived: boolean;
}

export type Role = 'worker' | 'lead';

export interface Worker {
  id: string;
  name: string;
  teamId: string;
  archived: boolean;
  /** A team lead (teamleider, praktijkopleider) manages the workshop and confirms levels. */
  role: Role;
  /** Date (YYYY-MM-DD) this person was trained as a peer coach; null if not. */
  coachSince: string | null;
  /** The person chose to appear by initials on the wall matrix. */
  showInitials: boolean;
  /** The qualification this person works toward (id), if any. */
  targetQualificationId?: string | null;
  /** The hex SHA-256 of the key their name and texts are sealed with (absent: added before sealing). */
  sealKey?: string;
  /** Forgotten: the key is gone, so are their name and texts; the facts stay, as "oud-medewerker". */
  forgotten?: boolean;
}

export interface Skill {
  id: string;
  name: string;
  stationId: string;
  description: string;
  /** People at U or O this skill needs (the lean "1-3 rule" says 3). */
  targetCoverage: number;
  /** A confirmed level expires after this many months (e.g. forklift); null = never. */
  validityMonths: number | null;
  /** Skills that must be at a level first; [] when none. */
  requires: Prerequisite[];
  archived: boolean;
}

/** A worker's own "I can do this": waits for a coach at O or the lead. */
export interface Claim {
  level: LevelCode;
  at: string;
  note: string;
}

/** What became of the worker's last claim, so they can see it. */
export interface ClaimOutcome {
  kind: 'confirmed' | 'adjusted' | 'declined';
  claimedLevel: LevelCode;
  by: string | null;
  at: string;
  reason: string;
}

/**
 * One matrix cell. `level`, `by`, `at` and `note` are the confirmed state ('-' and empty
 * when nothing was ever confirmed); `claim` is a pending claim on top of it.
 */
export interface LevelRecord {
  workerId: string;
  skillId: string;
  level: LevelCode;
  by: string | null;
  at: string;
  note: string;
  claim: Claim | null;
  outcome: ClaimOutcome | null;
}

export interface Wish {
  workerId: string;
  skillId: string;
  wished: boolean;
}

/** Declared in thresholds.ts; re-exported here for the data layer's existing imports. */

/** A cell as the projection stores it may lack fields no event has set yet. */
export function normaliseLevel(row: Partial<LevelRecord> & { workerId: string; skillId: string }): LevelRecord {
  return {
    workerId: row.workerId,
    skillId: row.skillId,
    level: row.level ?? '-',
    by: row.by ?? null,
    at: row.at ?? '',
    note: row.note ?? '',
    claim: row.claim ?? null,
    outcome: row.outcome ?? null,
  };
}

/** What the matrix shows for a cell: a pending claim (dashed) over the confirmed level. */
export function shownLevel(record: LevelRecord | undefined): { level: LevelCode; status: 'claimed' | 'confirmed' } {
  if (!record) return { level: '-', status: 'confirmed' };
  if (record.claim) return { level: record.claim.level, status: 'claimed' };
  return { level: record.level, status: 'confirmed' };
}

/** Initials for the wall: "Fatima El Amrani" → "F.E.A.", "Jan de Vries" → "J.d.V.". */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part[0]}.`)
    .join('');
}

/** A skill that must be at a level before another can be learned (e.g. "Afkorten" at U before "CNC"). */
export interface Prerequisite {
  skillId: string;
  level: LevelCode;
}

export type AssignmentStatus = 'open' | 'inProgress' | 'reached' | 'cancelled';

/** A leeropdracht: a worker learns a skill they have not mastered, from a coach at O. */
export interface Assignment {
  id: string;
  workerId: string;
  skillId: string;
  coachId: string;
  targetLevel: LevelCode;
  /** YYYY-MM-DD or null. */
  dueDate: string | null;
  status: AssignmentStatus;
  /** HLC stamp of the creating event. */
  createdAt: string;
}

export const isOpenAssignment = (a: Pick<Assignment, 'status'>) => a.status === 'open' || a.status === 'inProgress';

/** The open assignments of a skill that a newly confirmed level reaches (they become 'reached'). */
export function assignmentsReached<A extends Pick<Assignment, 'skillId' | 'targetLevel'>>(open: readonly A[], skillId: string, level: LevelCode): A[] {
  return open.filter((a) => a.skillId === skillId && atLeast(level, a.targetLevel));
}

/** A coaching session, confirmed by both coach and learner when it was recorded. */
export interface CoachingSession {
  id: string;
  coachId: string;
  learnerId: string;
  skillId: string;
  assignmentId: string | null;
  /** YYYY-MM-DD */
  date: string;
  minutes: number;
  practised: string;
  levelReached: LevelCode | null;
  /** The work instruction's version its steps were ticked against (sessions before instructions have none). */
  instructionVersion?: number;
  steps?: StepTick[];
  /** Hash of a photo of the finished work (the bytes are in the photo store). */
  photo?: string;
  at: string;
}
