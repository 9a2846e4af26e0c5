import { afterAll, beforeAll } from 'vitest';
import * as cmd from '../../src/data/commands';
import { disconnect } from '../../src/data/sync/syncEngine';
import { startCouch } from './couchServer';
import { newId } from '../../src/data/store';
import type { VaardigEvent } from '../../src/domain/events';
import { formatHlc } from '../../src/domain/hlc';

/** The small workshop the sync tests share: lead Kees, worker Jan, one skill. */
export interface WorkshopIds {
  lead: string;
  jan: string;
  skill: string;
}

export async function smallWorkshop(): Promise<WorkshopIds> {
  const first = await cmd.createFirstLead({ name: 'Kees', teamName: 'Machinaal', pin: '1234' });
  if (!first.ok) throw new Error('no first lead');
  const lead = { actor: first.value.id };
  const station = await cmd.createStation({ name: 'Zagen' }, lead);
  const skill = station.ok ? await cmd.createSkill({ name: 'Afkorten', stationId: station.value.id }, lead) : undefined;
  const jan = await cmd.createWorker({ name: 'Jan', teamId: first.value.teamId }, lead);
  if (!skill?.ok || !jan.ok) throw new Error('workshop not made');
  return { lead: first.value.id, jan: jan.value.id, skill: skill.value.id };
}

/** Another device's level edit for Jan, as its own sync would write it to the server. */
export function phoneEdit(ids: WorkshopIds, level: 'I' | 'L' | 'U' | 'O', wall: number): VaardigEvent {
  return {
    id: newId(),
    type: 'level.set',
    at: formatHlc({ wall, counter: 0 }, 'phone'),
    actor: ids.lead,
    device: 'phone',
    refs: [`${ids.jan}|${ids.skill}`],
    payload: { workerId: ids.jan, skillId: ids.skill, level, status: 'confirmed', note: '' },
  } as VaardigEvent;
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
