import { ROOT_EVENT_ID } from '../../domain/identity/rootEvent';
import { db, getMeta, isMember, thisDeviceRow } from '../store';
import { useLive } from './liveQuery';

/**
 * Where this device stands in the company: in it; waiting to be let in (connected to a company
 * that has a first device, but not enrolled with this key); taken out; or on its own (not
 * connected, or the company has no first device yet: this one may become it).
 */
export type DeviceStanding = 'member' | 'waiting' | 'revoked' | 'alone';

export async function deviceStanding(): Promise<DeviceStanding> {
  const [me, sync, root] = await Promise.all([thisDeviceRow(), getMeta('sync'), db.events.get(ROOT_EVENT_ID)]);
  if (me?.revokedAt) return 'revoked';
  if (isMember(me)) return 'member';
  if (!sync || !root) return 'alone';
  return 'waiting';
}

export function useDeviceStanding(): DeviceStanding | undefined {
  return useLive(deviceStanding, []);
}
