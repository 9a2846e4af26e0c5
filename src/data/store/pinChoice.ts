import { currentPublicKey } from './deviceKey';
import { currentDevice } from './deviceClock';
import { db } from './database';
import { getMeta } from './meta';

/**
 * Whether a person without a PIN on this device may choose one here now: if they were added
 * on this device (the lead handed it over here), if the lead who let this device in said so,
 * or if a lead signed in here allowed it. Anyone else could be somebody else tapping their name.
 */
export async function pinChoice(workerId: string): Promise<'free' | 'askLead'> {
  const device = currentDevice();
  const [created, me, allowed] = await Promise.all([
    db.events
      .where('refs')
      .equals(workerId)
      .filter((e) => e.type === 'worker.created' && e.payload.id === workerId)
      .first(),
    db.devices.get(device),
    getMeta('pinAllowed'),
  ]);
  if (created?.device === device) return 'free';
  if (me?.pinFor === workerId && me.key === currentPublicKey()) return 'free';
  return allowed?.includes(workerId) ? 'free' : 'askLead';
}
