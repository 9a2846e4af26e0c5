import type { VaardigEvent } from '../../domain/events';
import type { FactorySpec } from '../../domain/factoryPlan';
import type { KioskPolicy } from '../../domain/pin';
import { db } from './database';
import type { DeviceKey } from './deviceKey';

/**
 * Every key this device keeps in the `meta` table, with the type of its value. Settings
 * and bookkeeping that are not events live here; nothing else writes to `meta`.
 */
export type StartState = 'demo' | 'empty' | 'own';

export interface SyncConfig {
  url: string;
  db: string;
  user: string;
}

export interface MetaValues {
  /** This device's id, part of every event it writes. */
  deviceId: string;
  /** This device's signing key pair (the private half cannot be read out). */
  deviceKey: DeviceKey;
  /** The log holds events from before signing: this device signs them at the next start. */
  unsignedLog: true;
  /** The server this device synced with before its log was signed: it must be connected anew. */
  syncBeforeSigning: SyncConfig;
  /** People a lead signed in here allowed to choose their first PIN on this device. */
  pinAllowed: string[];
  /** How this device's workshop began. */
  started: StartState;
  /** Ids of the demo's teams, people, stations and skills, so "remove demo" finds them. */
  demoIds: string[];
  companyName: string;
  /** The company's KvK number (8 digits), on fund reports, portfolios and credentials; absent or '' when not filled in. */
  companyKvk: string;
  /** The company's number as a recognised leerbedrijf at SBB (digits). Absent: not filled in. */
  leerbedrijfId: string;
  kioskPolicy: Partial<KioskPolicy>;
  /** The company CouchDB this device syncs with (never the password). */
  sync: SyncConfig;
  /** The server's `_changes` sequence this device has pulled up to. */
  syncSince: string;
  /**
   * The mark of the company database this device synced with (`_local/vaardig-instance` on the
   * server). Another mark at the same address means the server lost its data or is another database.
   */
  syncInstance: string;
  /** Own events the company server refused by its rules (they stay on this device; Controleren offers them again). */
  notOnServer: string[];
  /** When a backup was last made (ISO). */
  lastBackup: string;
  /**
   * People forgotten, as this device learned it: kept through a restore, so an older backup
   * cannot bring them back; with the signed events that forgot them, restored with any log.
   */
  forgottenPeople: string[];
  forgottenEvents: VaardigEvent[];
  /** Forgotten people whose key document the company server may still hold: deleted there at the next sync. */
  keysToErase: string[];
  /** Hashes of forgotten people's photos the company server may still hold: deleted there at the next sync. */
  photosToErase: string[];
  /** The synthetic factory that was loaded (benchmarks). */
  factory: FactorySpec;
}

export type MetaKey = keyof MetaValues;

/** What this device remembers of forgetting: kept through restores and resets of the log. */
export const FORGETTING_META = ['forgottenPeople', 'forgottenEvents', 'keysToErase', 'photosToErase'] as const satisfies readonly MetaKey[];

/** The settings a backup carries to another device. */
export const BACKED_UP_META = ['started', 'kioskPolicy', 'demoIds', 'factory'] as const satisfies readonly MetaKey[];

export async function getMeta<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
  return (await db.meta.get(key))?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

export async function deleteMeta(...keys: MetaKey[]): Promise<void> {
  await db.meta.bulkDelete(keys);
}
