import { payloadSchemas, type VaardigEvent } from '../../domain/events';
import { formatHlc, parseHlc, type HlcState } from '../../domain/hlc';
import { contentHash, ROOT_EVENT_ID, type EventContent } from '../../domain/identity/eventIdentity';
import { stampOf } from '../../domain/projection';
import { forgetAuthority } from '../gate';
import { loadSealing, currentDevice, currentPublicKey, db, deleteMeta, getMeta, refoldAll, setMeta, signEvents } from '../store';

/**
 * This device takes a whole log on as its own and becomes its first device: a fresh root, then
 * every event as it was (who, what, when) but written and signed by this device. For a log that
 * has no device here to vouch for it: one from before events were signed, or a backup restored
 * onto a new tablet with no other device of the company at hand. Such a device starts its own
 * chain of trust — other devices of the company will not take its events (README: Several devices).
 */
export async function adoptLog(events: readonly VaardigEvent[]): Promise<VaardigEvent[]> {
  const device = currentDevice();
  const key = currentPublicKey();
  const ordered = events.filter((e) => e.id !== ROOT_EVENT_ID).sort((a, b) => (stampOf(a) < stampOf(b) ? -1 : 1));
  const first = ordered[0] ? parseHlc(ordered[0].at) : { wall: Date.now(), counter: 0 };
  // The root goes just before the first event; stamps stay in order and stay unique.
  let previous: HlcState = { wall: first.wall - 1, counter: 0 };
  const adopted: VaardigEvent[] = [];
  const content = (e: Omit<EventContent, 'at' | 'device' | 'key'>, at: HlcState) => ({ ...e, at: formatHlc(at, device), device, key }) as EventContent;
  adopted.push({ ...content({ type: 'device.enrolled', actor: null, refs: [device], payload: { deviceId: device, key, name: '', pinFor: null } }, previous), id: ROOT_EVENT_ID } as VaardigEvent);
  for (const e of ordered) {
    const stamp = parseHlc(e.at);
    const next =
      stamp.wall > previous.wall || (stamp.wall === previous.wall && stamp.counter > previous.counter)
        ? { wall: stamp.wall, counter: stamp.counter }
        : { wall: previous.wall, counter: previous.counter + 1 };
    const { id: _id, sig: _sig, at: _at, device: _device, key: _key, ...rest } = e;
    // Read the payload as every receiver will (defaults filled in, old fields dropped), so the
    // hash it is named by is the hash they compute.
    const payload = payloadSchemas[e.type].safeParse(e.payload);
    // Before people signed in (release 1) a claim was recorded without who made it; a claim is
    // only ever the person's own, so it is recorded as theirs — the rules ask it of every claim.
    const claimBy = e.type === 'level.set' && e.payload.status === 'claimed' && e.actor === null ? e.payload.workerId : e.actor;
    const c = content({ ...rest, actor: claimBy, payload: payload.success ? payload.data : e.payload } as typeof rest, next);
    adopted.push({ id: contentHash(c), ...c } as VaardigEvent);
    previous = next;
  }
  await signEvents(adopted);
  return adopted;
}

/**
 * A log from before events were signed becomes this device's own, once, at start. A device that
 * synced is disconnected: its old server holds the unsigned log, which no device takes any more
 * (README: "Updating devices that synced before signing").
 */
export async function adoptUnsignedLog(): Promise<void> {
  await loadSealing();
  for (let attempt = 0; attempt < 3 && (await getMeta('unsignedLog')); attempt++) {
    const old = await db.events.toArray();
    const adopted = await adoptLog(old);
    const done = await db.transaction('rw', db.allTables, async () => {
      if (!(await getMeta('unsignedLog'))) return true;
      if ((await db.events.count()) !== old.length) return false; // another tab wrote meanwhile: again
      await db.events.clear();
      await db.events.bulkAdd(adopted);
      await db.held.clear();
      await refoldAll();
      const sync = await getMeta('sync');
      if (sync) {
        await setMeta('syncBeforeSigning', sync);
        await deleteMeta('sync', 'syncSince', 'syncInstance');
        await db.outbox.clear();
      }
      await deleteMeta('unsignedLog');
      return true;
    });
    forgetAuthority();
    if (done) return;
  }
}
