import { enrolmentCode } from '../../domain/identity/enrolmentCode';
import { deviceStatus, type Device, type DeviceStatus } from '../../domain/model';
import { ROOT_EVENT_ID } from '../../domain/identity/rootEvent';
import { currentDevice, currentPublicKey, db, pinChoice, pinChoices, type PinChoice } from '../store';
import { useLive } from './liveQuery';

/** This device as the lead's screen needs it: its id and the code a lead types to let it in. */
export function thisDevice(): { id: string; code: string } {
  return { id: currentDevice(), code: enrolmentCode(currentPublicKey()) };
}

export interface DeviceRow extends Device {
  status: DeviceStatus;
  /** The code its latest request showed (what the lead compares). */
  code: string | null;
  isThis: boolean;
  isFirst: boolean;
}

/** Every device the log knows, the waiting ones first, then by when they were let in. */
export function useDevices(): DeviceRow[] | undefined {
  return useLive(async () => {
    const [rows, root] = await Promise.all([db.devices.toArray(), db.events.get(ROOT_EVENT_ID)]);
    const order: Record<DeviceStatus, number> = { requested: 0, enrolled: 1, revoked: 2 };
    return rows
      .map((d) => ({
        ...d,
        status: deviceStatus(d),
        code: d.requestKey ? enrolmentCode(d.requestKey) : null,
        isThis: d.id === currentDevice(),
        isFirst: root?.type === 'device.enrolled' && root.payload.deviceId === d.id,
      }))
      .sort((a, b) => order[a.status] - order[b.status] || (a.enrolledAt ?? a.requestedAt ?? '').localeCompare(b.enrolledAt ?? b.requestedAt ?? ''));
  }, []);
}

/** Whether a person without a PIN here may choose one now, or must ask a lead (see the store's pinChoice). */
export { pinChoice };

/** What a person's PIN step is here: type their PIN ('pin'), choose one ('free'), or ask a lead first. */
export async function pinStep(workerId: string): Promise<'pin' | PinChoice> {
  return (await db.credentials.get(workerId)) ? 'pin' : pinChoice(workerId);
}

/** Active people with no PIN on this device who may not choose one here until a lead allows it. */
export function usePeopleWaitingForPin(): { id: string; name: string }[] | undefined {
  return useLive(async () => {
    const [workers, credentials] = await Promise.all([db.workers.toArray(), db.credentials.toArray()]);
    const withPin = new Set(credentials.map((c) => c.workerId));
    const candidates = workers.filter((w) => !w.archived && !withPin.has(w.id));
    const choices = await pinChoices(candidates.map((w) => w.id));
    return candidates.filter((_, i) => choices[i] === 'askLead').map((w) => ({ id: w.id, name: w.name }));
  }, []);
}
