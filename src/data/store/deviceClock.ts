import { formatHlc, receive, resume, tick, type HlcState } from '../../domain/hlc';
import { db } from './database';
import { getMeta, setMeta } from './meta';
import { forgetDeviceKeyForTests, loadDeviceKey } from './deviceKey';
import { resetKeyRingForTests } from './personKeys';

/**
 * This device's identity and hybrid logical clock. The clock starts past the newest event
 * in the log, so a wall clock that jumps back never orders a new event before an old one.
 */
let deviceId: string | undefined;
let hlc: HlcState = { wall: 0, counter: 0 };

function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function initClock(): Promise<string> {
  let id = await getMeta('deviceId');
  if (!id) {
    id = newDeviceId();
    await setMeta('deviceId', id);
  }
  deviceId = id;
  await loadDeviceKey();
  const newest = await db.events.orderBy('at').last();
  if (newest) hlc = resume(hlc, newest.at);
  return id;
}

export function currentDevice(): string {
  if (!deviceId) throw new Error('initClock() has not run');
  return deviceId;
}

export function nextStamp(now = Date.now()): string {
  hlc = tick(hlc, now);
  return formatHlc(hlc, currentDevice());
}

/** Moves the clock past a stamp that came from elsewhere (sync, restore), within the bound. */
export function observeStamp(stamp: string, now = Date.now()): void {
  hlc = receive(hlc, stamp, now);
}

/** Moves the clock past this device's own log (after a restore has replaced it). */
export function resumeAfter(stamp: string): void {
  hlc = resume(hlc, stamp);
}

/** For tests only: forget the in-memory identity. */
export function resetClockForTests(): void {
  deviceId = undefined;
  forgetDeviceKeyForTests();
  resetKeyRingForTests();
  hlc = { wall: 0, counter: 0 };
}
