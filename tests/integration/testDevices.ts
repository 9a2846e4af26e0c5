import { SIGNING } from '../../src/data/store';
import type { EventType, Payload, VaardigEvent } from '../../src/domain/events';
import { formatHlc, type HlcState } from '../../src/domain/hlc';
import { contentHash, hexToBytes, ROOT_EVENT_ID, toBase64Url, type EventContent } from '../../src/domain/identity/eventIdentity';
import { refsOf } from '../../src/domain/eventRefs';

/**
 * Other devices for tests: each with its own WebCrypto key pair, writing events the way the
 * app does (id = content hash, signed), so tests can play a phone, a second tablet or a thief.
 */
export interface TestDevice {
  id: string;
  key: string;
  privateKey: CryptoKey;
}

export async function makeDevice(id: string): Promise<TestDevice> {
  const pair = await crypto.subtle.generateKey({ name: SIGNING.name, namedCurve: SIGNING.namedCurve }, false, ['sign', 'verify']);
  return { id, key: toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))), privateKey: pair.privateKey };
}

/** An event of this device (not signed yet: `sign`). */
export function eventOf<T extends EventType>(device: Pick<TestDevice, 'id' | 'key'>, type: T, payload: Payload<T>, actor: string | null, at: HlcState): VaardigEvent {
  const content = { type, at: formatHlc(at, device.id), actor, device: device.id, refs: refsOf(payload as Record<string, unknown>), payload, key: device.key } as EventContent;
  return { id: contentHash(content), ...content } as VaardigEvent;
}

/** The device as a company's first device: its own enrolment, under the fixed id. */
export function rootOf(device: TestDevice, at: HlcState): VaardigEvent {
  return { ...eventOf(device, 'device.enrolled', { deviceId: device.id, key: device.key, name: '', pinFor: null }, null, at), id: ROOT_EVENT_ID };
}

export function enrolmentOf(device: TestDevice, by: { device: TestDevice; lead: string }, at: HlcState, name = device.id): VaardigEvent {
  return eventOf(by.device, 'device.enrolled', { deviceId: device.id, key: device.key, name, pinFor: null }, by.lead, at);
}

/** Signs events in place, each with the key of the device it names (unknown devices: left unsigned). */
export async function sign(devices: readonly TestDevice[], events: readonly VaardigEvent[]): Promise<VaardigEvent[]> {
  const byId = new Map(devices.map((d) => [d.id, d]));
  await Promise.all(
    events.map(async (e) => {
      const device = byId.get(e.device);
      if (!device) return;
      const sig = await crypto.subtle.sign({ name: SIGNING.name, hash: SIGNING.hash }, device.privateKey, hexToBytes(contentHash(e)));
      e.sig = toBase64Url(new Uint8Array(sig));
    }),
  );
  return [...events];
}
