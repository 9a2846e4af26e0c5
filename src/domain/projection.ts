import type { VaardigEvent } from './events';
import type { Assignment, ClaimOutcome, CoachingSession, Device, LevelRecord, Skill, Station, Team, Wish, Worker } from './model';
import { mappingId, qualificationId, type Consent, type Mapping, type Qualification } from './qualification';

/**
 * How events become the tables the UI reads. Each projected field is a last-writer-wins
 * register keyed by the event's (HLC stamp, id): applying the same events in any order, with
 * duplicates, gives the same rows. The data layer and the in-memory fold both use this code.
 */
export interface ProjectedTables {
  teams: Team;
  stations: Station;
  workers: Worker;
  skills: Skill;
  levels: LevelRecord;
  wishes: Wish;
  assignments: Assignment;
  sessions: CoachingSession;
  qualifications: Qualification;
  mappings: Mapping;
  consents: Consent;
  devices: Device;
}
export type TableName = keyof ProjectedTables;
export const PROJECTED_TABLES: readonly TableName[] = ['teams', 'stations', 'workers', 'skills', 'levels', 'wishes', 'assignments', 'sessions', 'qualifications', 'mappings', 'consents', 'devices'];

/** Per-field stamps of the writes a row holds. */
export type Clocked<T> = T & { _clock: Record<string, string> };

export interface Effect {
  table: TableName;
  /** The fields that identify the row (its primary key). */
  key: Record<string, string>;
  fields: Record<string, unknown>;
}

export function stampOf(event: Pick<VaardigEvent, 'at' | 'id'>): string {
  return `${event.at}~${event.id}`;
}

export function rowKey(key: Record<string, string>): string {
  return Object.values(key).join('|');
}

function withoutId<T extends { id: string }>(payload: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = payload;
  return rest;
}

/** The row writes an event stands for. */
export function effectsOf(event: VaardigEvent): Effect[] {
  switch (event.type) {
    case 'worker.created':
      return [
        {
          table: 'workers',
          key: { id: event.payload.id },
          // Events written before roles existed have no role: they were workers.
          fields: {
            name: event.payload.name,
            teamId: event.payload.teamId,
            role: event.payload.role ?? 'worker',
            coachSince: null,
            showInitials: false,
            archived: false,
            ...(event.payload.sealKey ? { sealKey: event.payload.sealKey } : {}),
          },
        },
      ];
    case 'worker.forgotten':
      return [{ table: 'workers', key: { id: event.payload.id }, fields: { name: '', forgotten: true, archived: true, showInitials: false, coachSince: null } }];
    case 'skill.created':
      return [{ table: 'skills', key: { id: event.payload.id }, fields: { ...withoutId(event.payload), requires: event.payload.requires ?? [], archived: false } }];
    case 'team.created':
    case 'station.created':
      return [{ table: tableOf(event.type), key: { id: event.payload.id }, fields: { ...withoutId(event.payload), archived: false } }];
    case 'team.changed':
    case 'station.changed':
    case 'worker.changed':
    case 'skill.changed':
      return [{ table: tableOf(event.type), key: { id: event.payload.id }, fields: definedOnly(withoutId(event.payload)) }];
    case 'level.set': {
      const { workerId, skillId, level, status, note } = event.payload;
      const fields = status === 'claimed' ? { claim: { level, at: event.at, note } } : { level, note, by: event.actor, at: event.at, claim: null };
      return [{ table: 'levels', key: { workerId, skillId }, fields }];
    }
    case 'levels.recorded': {
      const { workerId, cells } = event.payload;
      return cells.map(({ skillId, level, note }) => ({ table: 'levels', key: { workerId, skillId }, fields: { level, note, by: event.actor, at: event.at, claim: null } }));
    }
    case 'claim.confirmed': {
      const { workerId, skillId, level, claimedLevel, note } = event.payload;
      const outcome: ClaimOutcome = { kind: level === claimedLevel ? 'confirmed' : 'adjusted', claimedLevel, by: event.actor, at: event.at, reason: note };
      return [{ table: 'levels', key: { workerId, skillId }, fields: { level, note, by: event.actor, at: event.at, claim: null, outcome } }];
    }
    case 'claim.declined': {
      const { workerId, skillId, claimedLevel, note } = event.payload;
      const outcome: ClaimOutcome = { kind: 'declined', claimedLevel, by: event.actor, at: event.at, reason: note };
      return [{ table: 'levels', key: { workerId, skillId }, fields: { claim: null, outcome } }];
    }
    case 'assignment.created': {
      const { id, ...rest } = event.payload;
      return [{ table: 'assignments', key: { id }, fields: { ...rest, status: 'open', createdAt: event.at } }];
    }
    case 'assignment.changed':
      return [{ table: 'assignments', key: { id: event.payload.id }, fields: definedOnly(withoutId(event.payload)) }];
    case 'session.recorded': {
      const { id, ...rest } = event.payload;
      return [{ table: 'sessions', key: { id }, fields: { ...rest, at: event.at } }];
    }
    // Instructions are read from the log by version (an old session points to the version it
    // used), never folded into a table: see data/queries/instructionQueries.
    case 'instruction.saved':
      return [];
    case 'qualification.imported': {
      const q = event.payload;
      return [{ table: 'qualifications', key: { id: qualificationId(q.crebo, q.version) }, fields: { ...q } }];
    }
    case 'mapping.set': {
      const { qualificationId: qid, werkproces, skillId, requiredLevel, coverage } = event.payload;
      // A changed mapping is a draft again until someone approves it.
      return [
        {
          table: 'mappings',
          key: { id: mappingId(qid, werkproces, skillId) },
          fields: { qualificationId: qid, werkproces, skillId, requiredLevel, coverage, status: 'draft', approvedBy: null, approvedAt: null, removed: false },
        },
      ];
    }
    case 'mapping.removed': {
      const { qualificationId: qid, werkproces, skillId } = event.payload;
      return [{ table: 'mappings', key: { id: mappingId(qid, werkproces, skillId) }, fields: { removed: true } }];
    }
    case 'mapping.approved': {
      const { qualificationId: qid, werkproces, skillId } = event.payload;
      return [{ table: 'mappings', key: { id: mappingId(qid, werkproces, skillId) }, fields: { status: 'approved', approvedBy: event.actor, approvedAt: event.at } }];
    }
    case 'consent.given': {
      const { id, ...rest } = event.payload;
      return [{ table: 'consents', key: { id }, fields: { ...rest, givenAt: event.at, withdrawn: false, withdrawnAt: null } }];
    }
    case 'consent.withdrawn':
      return [{ table: 'consents', key: { id: event.payload.id }, fields: { withdrawn: true, withdrawnAt: event.at } }];
    case 'wish.set': {
      const { workerId, skillId, wished } = event.payload;
      return [{ table: 'wishes', key: { workerId, skillId }, fields: { wished } }];
    }
    case 'device.requested':
      return [{ table: 'devices', key: { id: event.payload.deviceId }, fields: { requestKey: event.payload.key, requestedAt: event.at } }];
    case 'device.enrolled': {
      const { deviceId, key, name, pinFor } = event.payload;
      return [{ table: 'devices', key: { id: deviceId }, fields: { key, name, pinFor, enrolledAt: event.at, enrolledBy: event.actor, revokedAt: null, revokedBy: null } }];
    }
    case 'device.revoked':
      return [{ table: 'devices', key: { id: event.payload.deviceId }, fields: { revokedAt: event.at, revokedBy: event.actor } }];
  }
}

function tableOf(type: string): TableName {
  const prefix = type.slice(0, type.indexOf('.'));
  return `${prefix}s` as TableName;
}

function definedOnly(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/**
 * Applies one effect to a row. Returns the same object when nothing changed (an older or
 * duplicate write), so callers can skip the store.
 */
export function mergeEffect<T extends object>(row: Clocked<T> | undefined, effect: Effect, stamp: string): Clocked<T> | undefined {
  let next: (Record<string, unknown> & { _clock: Record<string, string> }) | undefined;
  for (const [field, value] of Object.entries(effect.fields)) {
    const current = (next ?? row)?._clock[field];
    if (current !== undefined && current >= stamp) continue;
    if (!next) {
      next = row ? { ...row, _clock: { ...row._clock } } : { ...effect.key, _clock: {} };
    }
    next[field] = value;
    next._clock[field] = stamp;
  }
  return (next as Clocked<T> | undefined) ?? row;
}

export type ProjectionState = { [K in TableName]: Map<string, Clocked<ProjectedTables[K]>> };

export function emptyProjection(): ProjectionState {
  return {
    teams: new Map(),
    stations: new Map(),
    workers: new Map(),
    skills: new Map(),
    levels: new Map(),
    wishes: new Map(),
    assignments: new Map(),
    sessions: new Map(),
    qualifications: new Map(),
    mappings: new Map(),
    consents: new Map(),
    devices: new Map(),
  };
}

/** Folds events into tables in memory; the order of `events` does not matter. */
export function foldEvents(events: Iterable<VaardigEvent>, state: ProjectionState = emptyProjection()): ProjectionState {
  for (const event of events) {
    const stamp = stampOf(event);
    for (const effect of effectsOf(event)) {
      const table = state[effect.table] as Map<string, Clocked<object>>;
      const key = rowKey(effect.key);
      const merged = mergeEffect(table.get(key), effect, stamp);
      if (merged) table.set(key, merged);
    }
  }
  return state;
}

/** Rows as the app sees them: only complete rows (a `changed` may arrive before its `created`). */
export function isComplete(table: TableName, row: object): boolean {
  const required: Record<TableName, string[]> = {
    teams: ['name'],
    stations: ['name', 'order'],
    workers: ['name', 'teamId'],
    skills: ['name', 'stationId', 'targetCoverage'],
    levels: [],
    wishes: ['wished'],
    assignments: ['workerId', 'status'],
    sessions: ['learnerId', 'minutes'],
    qualifications: ['crebo', 'parts'],
    mappings: ['qualificationId', 'skillId'],
    consents: ['workerId', 'recipient'],
    devices: [],
  };
  return required[table].every((f) => (row as Record<string, unknown>)[f] !== undefined);
}
