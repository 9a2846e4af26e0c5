import { isMember, thisDeviceRow } from './thisDevice';
import { currentDevice } from './deviceClock';
import { db } from './database';
import { getMeta } from './meta';

export type PinChoice = 'free' | 'askLead';

/**
 * Whether a person without a PIN on this device may choose one here now: if they were added
 * on this device (the lead handed it over here), if the lead who let this device in said so,
 * or if a lead signed in here allowed it. Anyone else could be somebody else tapping their name.
 */
export async function pinChoice(workerId: string): Promise<PinChoice> {
  const created = await db.events
    .where('refs')
    .equals(workerId)
    .filter((e) => e.type === 'worker.created' && e.payload.id === workerId)
    .first();
  return (await choices([workerId], new Map(created ? [[workerId, created.device]] : [])))[0]!;
}

/** The same for many people at once (the lead's list): one read of who was added where. */
export async function pinChoices(workerIds: readonly string[]): Promise<PinChoice[]> {
  const created = await db.events.where('type').equals('worker.created').toArray();
  return choices(workerIds, new Map(created.map((e) => [(e.payload as { id: string }).id, e.device])));
}

async function choices(workerIds: readonly string[], addedOn: ReadonlyMap<string, string>): Promise<PinChoice[]> {
  const device = currentDevice();
  const [me, allowed] = await Promise.all([thisDeviceRow(), getMeta('pinAllowed')]);
  const allowedHere = new Set(allowed ?? []);
  const enrolledFor = isMember(me) ? me!.pinFor : null;
  return workerIds.map((id) => (addedOn.get(id) === device || enrolledFor === id || allowedHere.has(id) ? 'free' : 'askLead'));
}
