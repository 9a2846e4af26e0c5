import type { LevelCode, LevelStatus } from './levels';

/** The rows the UI reads. Each is a projection of the event log (see projection.ts). */
export interface Team {
  id: string;
  name: string;
  archived: boolean;
}

export interface Station {
  id: string;
  name: string;
  /** Position of the station's columns in the matrix, low first. */
  order: number;
  archived: boolean;
}

export interface Worker {
  id: string;
  name: string;
  teamId: string;
  archived: boolean;
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
  archived: boolean;
}

export interface LevelRecord {
  workerId: string;
  skillId: string;
  level: LevelCode;
  status: LevelStatus;
  /** Who set it (a person id), or null when nobody was signed in. */
  by: string | null;
  /** HLC stamp of the event that set it. */
  at: string;
  note: string;
}

export const DEFAULT_TARGET_COVERAGE = 3;
