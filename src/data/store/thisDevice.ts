import type { Device } from '../../domain/model';
import { db } from './database';
import { currentDevice } from './deviceClock';
import { currentPublicKey } from './deviceKey';

/** This device as the log knows it (asked, let in, taken out), or undefined. */
export function thisDeviceRow(): Promise<Device | undefined> {
  return db.devices.get(currentDevice());
}

/** Whether the company let this device in with the key it has now, and has not taken it out. */
export function isMember(row: Device | undefined): boolean {
  return Boolean(row && !row.revokedAt && row.key === currentPublicKey());
}
