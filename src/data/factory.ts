import { refsOf, type EventType, type Payload, type VaardigEvent } from '../domain/events';
import { planFactory, type FactorySpec } from '../domain/factory';
import { formatHlc } from '../domain/hlc';
import { currentDevice, observeStamp } from './clock';
import { db, getMeta, setMeta } from './db';
import { newId } from './ids';
import { hashPin } from './pins';
import type { Table } from 'dexie';
import { foldEvents, PROJECTED_TABLES } from '../domain/projection';

/** The synthetic factory's team lead signs in with this PIN (documented in the README). */
export const FACTORY_LEAD_PIN = '1234';
const CHUNK = 10_000;
const DAY = 86_400_000;

/** The factory as events with stamps spread over the past year, oldest first. */
export function factoryEvents(spec: FactorySpec, now = Date.now()): VaardigEvent[] {
  const plan = planFactory(spec);
  const device = currentDevice();
  const counters = new Map<number, number>();
  const events: VaardigEvent[] = [];
  const add = <T extends EventType>(type: T, payload: Payload<T>, actor: string | null, daysAgo: number) => {
    const wall = now - daysAgo * DAY;
    const counter = counters.get(wall) ?? 0;
    counters.set(wall, counter + 1);
    events.push({ id: newId(), type, at: formatHlc({ wall, counter }, device), actor, device, refs: refsOf(payload as Record<string, unknown>), payload } as VaardigEvent);
  };
  const teamIds = plan.teams.map(() => newId());
  const stationIds = plan.stations.map(() => newId());
  const skillIds = plan.skills.map(() => newId());
  const workerIds = plan.workers.map(() => newId());
  const lead = workerIds[0]!;
  plan.teams.forEach((name, i) => add('team.created', { id: teamIds[i]!, name }, lead, 400));
  plan.stations.forEach((name, i) => add('station.created', { id: stationIds[i]!, name, order: i }, lead, 400));
  plan.skills.forEach((s, i) =>
    add('skill.created', { id: skillIds[i]!, name: s.name, stationId: stationIds[s.station]!, description: '', targetCoverage: s.target, validityMonths: s.validityMonths, requires: [] }, lead, 400),
  );
  plan.workers.forEach((w, i) => add('worker.created', { id: workerIds[i]!, name: w.name, teamId: teamIds[w.team]!, role: w.lead ? 'lead' : 'worker' }, lead, 399));
  for (const c of plan.cells) {
    const workerId = workerIds[c.worker]!;
    const skillId = skillIds[c.skill]!;
    if (c.level !== '-') add('level.set', { workerId, skillId, level: c.level, status: 'confirmed', note: '' }, workerId === lead ? null : lead, c.daysAgo);
    if (c.claim) add('level.set', { workerId, skillId, level: c.claim, status: 'claimed', note: '' }, workerId, Math.max(0, c.daysAgo - 1));
  }
  for (const s of plan.sessions) {
    add(
      'session.recorded',
      { id: newId(), coachId: workerIds[s.coach]!, learnerId: workerIds[s.learner]!, skillId: skillIds[s.skill]!, assignmentId: null, date: new Date(now - s.daysAgo * DAY).toISOString().slice(0, 10), minutes: s.minutes, practised: '', levelReached: null },
      workerIds[s.coach]!,
      s.daysAgo,
    );
  }
  return events.sort((a, b) => (a.at < b.at ? -1 : 1));
}

/**
 * Loads a synthetic factory into an empty database (never over real data), in chunked
 * transactions so a large load does not hold one giant transaction. Returns the number of
 * level records written, or null if the database was not empty.
 */
export async function loadFactory(spec: FactorySpec, onProgress?: (done: number, total: number) => void): Promise<number | null> {
  if ((await getMeta('started')) || (await db.events.count()) > 0) return null;
  performance.mark('vaardig:factory-start');
  const events = factoryEvents(spec);
  const pin = await hashPin(FACTORY_LEAD_PIN);
  const leadId = events.find((e) => e.type === 'worker.created' && e.payload.role === 'lead')!.payload as { id: string };
  // The database is empty, so the projections are one fold in memory, written without reading.
  const state = foldEvents(events);
  const writes: [Table<unknown>, unknown[]][] = [[db.events as Table<unknown>, events], ...PROJECTED_TABLES.map((name) => [db.table(name), [...state[name].values()]] as [Table<unknown>, unknown[]])];
  const total = writes.reduce((n, [, rows]) => n + rows.length, 0);
  let done = 0;
  for (const [table, rows] of writes) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db.transaction('rw', table, () => table.bulkAdd(rows.slice(i, i + CHUNK)));
      onProgress?.((done += Math.min(CHUNK, rows.length - i)), total);
    }
  }
  await db.credentials.put({ workerId: leadId.id, ...pin, failures: 0, lockedUntil: 0 });
  await setMeta('factory', spec);
  await setMeta('started', 'own');
  observeStamp(events.at(-1)!.at);
  performance.measure('vaardig:factory-load', 'vaardig:factory-start');
  return events.filter((e) => e.type === 'level.set').length;
}
