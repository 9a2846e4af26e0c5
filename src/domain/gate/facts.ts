import type { LevelCode } from '../levels';
import type { Role } from '../model';

/**
 * What the gate needs to know about the workshop at the moment an event happened: who
 * existed, with which role, which skills, who could teach what. Answered by `Authority`
 * (replayed from the log, at the event's place in it) — one interface, so local commands,
 * sync and restore are judged by the same rules.
 */
export interface PersonFact {
  role: Role;
  archived: boolean;
  /** Forgotten: final; nothing brings them back or changes them. */
  forgotten?: boolean;
}

export interface SkillFact {
  archived: boolean;
  validityMonths: number | null;
}

export interface ConfirmedLevel {
  level: LevelCode;
  /** Stamp of the confirmation (validity runs from it). */
  at: string;
}

export interface Facts {
  worker(id: string): PersonFact | undefined;
  skill(id: string): SkillFact | undefined;
  /** Teams, stations, qualifications, sessions: only whether they exist. */
  exists(kind: EntityKind, id: string): boolean;
  confirmed(workerId: string, skillId: string): ConfirmedLevel | undefined;
  assignment(id: string): { workerId: string; coachId: string } | undefined;
  consent(id: string): { workerId: string } | undefined;
  /** Whether the workshop has an active lead; until it has, it is being set up. */
  hasLead(): boolean;
  count(kind: 'workers' | 'skills'): number;
  /** The key a device was let in with; null once taken out; undefined if never let in. */
  deviceKey(deviceId: string): string | null | undefined;
}

export type EntityKind = 'team' | 'station' | 'qualification' | 'session' | 'assignment' | 'consent' | 'worker' | 'skill';
