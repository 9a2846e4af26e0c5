import Dexie, { type Table } from 'dexie';
import type { VaardigEvent } from '../../domain/events';
import type { Assignment, CoachingSession, Device, Skill, Station, Team, Wish, Worker } from '../../domain/model';
import type { Consent, Mapping, Qualification } from '../../domain/qualification';
import type { RefusalCode } from '../../domain/gate/refusal';
import { foldEvents, PROJECTED_TABLES, type Clocked } from '../../domain/projection';
import { packLegacyDoc, putLevelDocs, type LevelTables, type SkillLevels, type WorkerLevels } from './levelDocuments';
import type { PersonKeyRow } from './personKeys';

export interface CredentialRow {
  workerId: string;
  salt: string;
  hash: string;
  iterations: number;
  failures: number;
  lockedUntil: number;
}

/** An event the gate kept out of the log, with why (see src/domain/gate). Never folded. */
export interface RefusedRow {
  id: string;
  /** Its clock stamp ('' when it had none): events are re-judged from a stamp on. */
  at: string;
  device: string;
  actor: string | null;
  type: string;
  code: RefusalCode;
  detail?: string;
  /** Where it came from, and when this device received it. */
  source: 'sync' | 'backup';
  receivedAt: number;
  /** The event, when it was one; what could be read of it otherwise. */
  event?: VaardigEvent;
  raw?: unknown;
}

/** An event stamped ahead of this device's clock: it waits here until its time comes. */
export interface HeldRow {
  id: string;
  at: string;
  event: VaardigEvent;
  source: RefusedRow['source'];
}

/**
 * A photo (a work instruction step, or the finished work shown in a session), resized on the
 * device to a JPEG. Keyed by the SHA-256 (hex) of its bytes: events name it by that hash and
 * never carry the bytes. Synced as its own document (see data/sync/photoSync).
 */
export interface PhotoRow {
  hash: string;
  bytes: Uint8Array;
  width: number;
  height: number;
  /** The person it is evidence about (a session's photo), or null (company material: instructions). */
  workerId: string | null;
  /** When this device stored it (milliseconds). */
  storedAt: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Release v1's stores; kept as a constant so the upgrade test can build a v1 database. */
export const SCHEMA_V1 = {
  events: 'id, at, type, *refs',
  teams: 'id',
  stations: 'id, order',
  workers: 'id, teamId',
  skills: 'id, stationId',
  levels: '[workerId+skillId], workerId, skillId',
  meta: 'key',
};

/**
 * The one IndexedDB database. `events` is the append-only log; the other tables are its
 * projections (rebuildable at any time). Schema changes add a `version(n)` with an upgrade.
 */
export class VaardigDB extends Dexie {
  events!: Table<VaardigEvent, string>;
  teams!: Table<Clocked<Team>, string>;
  stations!: Table<Clocked<Station>, string>;
  workers!: Table<Clocked<Worker>, string>;
  skills!: Table<Clocked<Skill>, string>;
  /** The levels projection, by row and by column: read and written through `levels.ts`. */
  levelsByWorker!: Table<WorkerLevels, string>;
  levelsBySkill!: Table<SkillLevels, string>;
  wishes!: Table<Clocked<Wish>, [string, string]>;
  assignments!: Table<Clocked<Assignment>, string>;
  sessions!: Table<Clocked<CoachingSession>, string>;
  qualifications!: Table<Clocked<Qualification>, string>;
  mappings!: Table<Clocked<Mapping>, string>;
  consents!: Table<Clocked<Consent>, string>;
  devices!: Table<Clocked<Device>, string>;
  /** PIN hashes and lock state: private to this device, never in the event log. */
  credentials!: Table<CredentialRow, string>;
  /** Each person's key, apart from the log so that it can be erased (see personKeys.ts). */
  personKeys!: Table<PersonKeyRow, string>;
  /** Ids of local events not yet pushed to the company's CouchDB (only while connected). */
  outbox!: Table<{ id: string; at: string }, string>;
  meta!: Table<MetaRow, string>;
  refused!: Table<RefusedRow, string>;
  held!: Table<HeldRow, string>;
  photos!: Table<PhotoRow, string>;
  /** Hashes of photos not yet pushed to the company's CouchDB (only while connected). */
  photoOutbox!: Table<{ hash: string }, string>;

  constructor(name = 'vaardig') {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // v2: roles, claims on top of confirmed levels, wishes, PINs.
    this.version(2).stores({ wishes: '[workerId+skillId], workerId', credentials: 'workerId' });
    // v3: assignments (leeropdrachten) and coaching sessions; skills may have prerequisites.
    this.version(3).stores({ assignments: 'id, workerId, coachId, skillId, status', sessions: 'id, learnerId, coachId, skillId, date' });
    // v4: MBO qualifications, skill ↔ werkproces mappings and consents.
    this.version(4).stores({ qualifications: 'id, crebo', mappings: 'id, qualificationId, skillId', consents: 'id, workerId' });
    // v5: the sync outbox. No projection changes.
    this.version(5).stores({ outbox: 'id, at' });
    // v6: levels stored as one document per row and per column (see levelDocs).
    // Projections change shape from version to version, so the newest version's upgrade folds
    // them again from the (unchanged) log; the stores of later versions do not exist yet while
    // an earlier upgrade runs, so only the last version's upgrade may refold.
    this.version(6).stores({ levels: null, levelsByWorker: 'workerId', levelsBySkill: 'skillId' });
    // v7: the gate keeps refused events apart, and holds events stamped ahead of this clock;
    // leads are found by role.
    this.version(7).stores({ refused: 'id, at, code, receivedAt', held: 'id, at', workers: 'id, teamId, role' });
    // v8: devices (asked, enrolled, revoked) — every event is signed by one.
    // Everything logged before is unsigned: marked here, signed by this device at the next start
    // (adoptLog; signing is asynchronous WebCrypto, which an upgrade transaction cannot wait for).
    this.version(8)
      .stores({ devices: 'id' })
      .upgrade(async (tx) => {
        if ((await tx.table('events').count()) > 0) await tx.table('meta').put({ key: 'unsignedLog', value: true });
        await refold((name) => tx.table(name));
      });
    // v9: each person's key apart from the log (crypto-shredding); keys wait by `pushed` to be sent.
    // Nothing to refold: logs from before hold no sealed texts.
    this.version(9).stores({ personKeys: 'workerId, pushed' });
    // v10: photos, apart from the log (events name them by hash), and their sync outbox. No projection changes.
    this.version(10).stores({ photos: 'hash, workerId', photoOutbox: 'hash' });
    // v11: a level document's cells as one JSON text (levelDocuments.ts); converted in place,
    // no refold (nothing else changed, and the fold would need the people's keys).
    this.version(11)
      .stores({})
      .upgrade(async (tx) => {
        await tx.table('levelsByWorker').toCollection().modify(packLegacyDoc);
        await tx.table('levelsBySkill').toCollection().modify(packLegacyDoc);
      });
  }

  /** Every table: a command, a restore or a reset writes them in one transaction. */
  get allTables() {
    return [this.events, this.meta, this.credentials, this.personKeys, this.outbox, this.refused, this.held, this.photos, this.photoOutbox, ...this.projectionTables];
  }

  get projectionTables() {
    return [
      this.teams,
      this.stations,
      this.workers,
      this.skills,
      this.levelsByWorker,
      this.levelsBySkill,
      this.wishes,
      this.assignments,
      this.sessions,
      this.qualifications,
      this.mappings,
      this.consents,
      this.devices,
    ] as const;
  }
}

/**
 * Replaces the projection tables with a fresh fold of the whole event log. `open`: how an
 * event's sealed texts are read (the key ring; an upgrade's old log holds none).
 */
export async function refold(table: (name: string) => Table, open: (event: VaardigEvent) => VaardigEvent = (e) => e): Promise<void> {
  const state = foldEvents((await table('events').toArray()).map(open));
  for (const name of PROJECTED_TABLES) {
    if (name === 'levels') {
      const tables: LevelTables = { byWorker: table('levelsByWorker'), bySkill: table('levelsBySkill') };
      await Promise.all([tables.byWorker.clear(), tables.bySkill.clear()]);
      await putLevelDocs([...state.levels.values()], tables, true);
      continue;
    }
    await table(name).clear();
    await table(name).bulkPut([...state[name].values()]);
  }
}

export const db = new VaardigDB();
