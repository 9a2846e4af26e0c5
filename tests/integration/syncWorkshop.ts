import { afterAll, beforeAll } from 'vitest';
import * as cmd from '../../src/data/commands';
import { disconnect } from '../../src/data/sync/syncEngine';
import { startCouch } from './couchServer';
import { admitReceived } from '../../src/data/gate';
import type { VaardigEvent } from '../../src/domain/events';
import { enrolmentCode } from '../../src/domain/identity/enrolmentCode';
import { eventOf, makeDevice, sign, type TestDevice } from './testDevices';

/** The small workshop the sync tests share: lead Kees, worker Jan, one skill, and Kees's phone. */
export interface WorkshopIds {
  lead: string;
  jan: string;
  skill: string;
  /** A second device of the company, let in by Kees the way a lead does (its request, his code). */
  phone: TestDevice;
}

export async function smallWorkshop(): Promise<WorkshopIds> {
  const first = await cmd.createFirstLead({ name: 'Kees', teamName: 'Machinaal', pin: '1234' });
  if (!first.ok) throw new Error('no first lead');
  const lead = { actor: first.value.id };
  const station = await cmd.createStation({ name: 'Zagen' }, lead);
  const skill = station.ok ? await cmd.createSkill({ name: 'Afkorten', stationId: station.value.id }, lead) : undefined;
  const jan = await cmd.createWorker({ name: 'Jan', teamId: first.value.teamId }, lead);
  if (!skill?.ok || !jan.ok) throw new Error('workshop not made');
  const phone = await makeDevice('phone');
  await admitReceived(await sign([phone], [eventOf(phone, 'device.requested', { deviceId: phone.id, key: phone.key }, null, { wall: Date.now(), counter: 0 })]), 'sync');
  const enrolled = await cmd.enrolDevice({ code: enrolmentCode(phone.key), name: 'Telefoon van Kees', pinForMe: false }, lead);
  if (!enrolled.ok) throw new Error('phone not enrolled');
  return { lead: first.value.id, jan: jan.value.id, skill: skill.value.id, phone };
}

/** Kees's level edit for Jan on his phone, as the phone's own sync would write it to the server. */
export async function phoneEdit(ids: WorkshopIds, level: 'I' | 'L' | 'U' | 'O', wall: number, actor = ids.lead): Promise<VaardigEvent> {
  const [event] = await sign([ids.phone], [eventOf(ids.phone, 'level.set', { workerId: ids.jan, skillId: ids.skill, level, status: 'confirmed', note: '' }, actor, { wall, counter: 0 })]);
  return event!;
}

/** A CouchDB-compatible server for the file's tests, started once; the device disconnects before it stops. */
export function couchForFile(): { server: Awaited<ReturnType<typeof startCouch>> } {
  const env = {} as ReturnType<typeof couchForFile>;
  beforeAll(async () => {
    env.server = await startCouch();
  }, 30_000);
  afterAll(async () => {
    await disconnect();
    await env.server?.stop();
  });
  return env;
}
