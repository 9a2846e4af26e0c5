import type { EventType, Payload, VaardigEvent } from '../../domain/events';
import { refsOf } from '../../domain/eventRefs';
import { planFactory, type FactorySpec } from '../../domain/factoryPlan';
import { formatHlc } from '../../domain/hlc';
import { DAY_MS } from '../../domain/thresholds';
import { contentHash, ROOT_EVENT_ID, type EventContent } from '../../domain/identity/eventIdentity';
import { loadSealing, currentDevice, currentPublicKey, observeStamp, db, getMeta, setMeta, newId, columnDocs, rowDocs, signEvents, newPersonKey, openEvent, saveNewKeys, sealPayload } from '../store';
import { hashPin } from './kioskCommands';
import type { Table } from 'dexie';
import { foldEvents, PROJECTED_TABLES } from '../../domain/projection';
import type { LevelCode } from '../../domain/levels';

/** The synthetic factory's team lead signs in with this PIN (documented in the README). */
export const FACTORY_LEAD_PIN = '1234';
const CHUNK = 10_000;

/** The factory as events with stamps spread over the past year, oldest first. */
export function factoryEvents(spec: FactorySpec, now = Date.now()): VaardigEvent[] {
  const plan = planFactory(spec);
  const device = currentDevice();
  const key = currentPublicKey();
  const counters = new Map<number, number>();
  const events: VaardigEvent[] = [];
  const add = <T extends EventType>(type: T, payload: Payload<T>, actor: string | null, daysAgo: number) => {
    const wall = now - daysAgo * DAY_MS;
    const counter = counters.get(wall) ?? 0;
    counters.set(wall, counter + 1);
    // People are created with a key and their names sealed, as buildEvent does (privacy/sealing.ts).
    const keyed = type === 'worker.created' ? { ...payload, sealKey: newPersonKey((payload as Payload<'worker.created'>).id) } : payload;
    const content = { type, at: formatHlc({ wall, counter }, device), actor, device, refs: refsOf(payload as Record<string, unknown>), payload: sealPayload(type, keyed), key } as EventContent;
    events.push({ id: contentHash(content), ...content } as VaardigEvent);
  };
  // This device set the factory up: it lets itself in first (signatures come in loadFactory).
  add('device.enrolled', { deviceId: device, key, name: '', pinFor: null }, null, 401);
  events[0] = { ...events[0]!, id: ROOT_EVENT_ID };
  const teamIds = plan.teams.map(() => newId());
  const stationIds = plan.stations.map(() => newId());
  const skillIds = plan.skills.map(() => newId());
  const workerIds = plan.workers.map(() => newId());
  const lead = workerIds[0]!;
  plan.teams.forEach((name, i) => add('team.created', { id: teamIds[i]!, name }, null, 400));
  plan.stations.forEach((name, i) => add('station.created', { id: stationIds[i]!, name, order: i }, null, 400));
  plan.skills.forEach((s, i) =>
    add('skill.created', { id: skillIds[i]!, name: s.name, stationId: stationIds[s.station]!, description: '', targetCoverage: s.target, validityMonths: s.validityMonths, requires: [] }, null, 400),
  );
  // The lead joins as a worker, their own levels are filled in while the workshop is being set
  // up (nobody confirms their own), then they become the lead who adds everyone else.
  const leadPlan = plan.workers[0]!;
  add('worker.created', { id: lead, name: leadPlan.name, teamId: teamIds[leadPlan.team]!, role: 'worker' }, null, 400);
  const leadCells = plan.cells.filter((c) => c.worker === 0 && c.level !== '-').map((c) => ({ skillId: skillIds[c.skill]!, level: c.level, note: '' }));
  if (leadCells.length) add('levels.recorded', { workerId: lead, cells: leadCells }, null, 400);
  add('worker.changed', { id: lead, role: 'lead' }, null, 400);
  plan.workers.forEach((w, i) => i > 0 && add('worker.created', { id: workerIds[i]!, name: w.name, teamId: teamIds[w.team]!, role: w.lead ? 'lead' : 'worker' }, lead, 399));
  // Confirmed levels arrive as a lead enters them: a person's row at a time (one event per
  // person per month of the past year), so 200,000 cells are a few thousand events. Claims
  // are the workers' own, one cell each.
  const rows = new Map<string, { worker: number; daysAgo: number; cells: { skillId: string; level: LevelCode; note: string }[] }>();
  for (const c of plan.cells) {
    if (c.level === '-' || c.worker === 0) continue;
    const key = `${c.worker}|${Math.floor(c.daysAgo / 30)}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { worker: c.worker, daysAgo: Math.floor(c.daysAgo / 30) * 30, cells: [] }));
    row.cells.push({ skillId: skillIds[c.skill]!, level: c.level, note: '' });
  }
  for (const row of rows.values()) {
    const workerId = workerIds[row.worker]!;
    add('levels.recorded', { workerId, cells: row.cells }, lead, row.daysAgo);
  }
  for (const c of plan.cells) {
    if (c.claim) add('level.set', { workerId: workerIds[c.worker]!, skillId: skillIds[c.skill]!, level: c.claim, status: 'claimed', note: '' }, workerIds[c.worker]!, Math.max(0, c.daysAgo - 1));
  }
  for (const s of plan.sessions) {
    add(
      'session.recorded',
      {
        id: newId(),
        coachId: workerIds[s.coach]!,
        learnerId: workerIds[s.learner]!,
        skillId: skillIds[s.skill]!,
        assignmentId: null,
        date: new Date(now - s.daysAgo * DAY_MS).toISOString().slice(0, 10),
        minutes: s.minutes,
        practised: '',
        levelReached: null,
      },
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
  await loadSealing();
  performance.mark('vaardig:factory-start');
  const events = factoryEvents(spec);
  // WebCrypto signs (and derives the PIN hash) on the browser's own threads: that runs while this
  // thread folds and writes the projections; the events are written last, once signed.
  const signing = signEvents(events);
  const pinHashing = hashPin(FACTORY_LEAD_PIN);
  const leadId = events.find((e) => e.type === 'worker.changed' && e.payload.role === 'lead')!.payload as { id: string };
  // The database is empty, so the projections are one fold in memory, written without reading.
  const state = foldEvents(events.map(openEvent));
  const levels = [...state.levels.values()];
  const writes: [Table<unknown>[], () => Promise<unknown>][] = [];
  for (const name of PROJECTED_TABLES.filter((n) => n !== 'levels')) {
    const rows = [...state[name].values()];
    if (rows.length) writes.push([[db.table(name)], () => db.table(name).bulkAdd(rows)]);
  }
  // Levels as whole row documents and whole column documents (see levelDocs), in chunks of
  // about CHUNK cells each.
  for (const [table, docs, size] of [
    [db.levelsByWorker, rowDocs(levels), spec.skills],
    [db.levelsBySkill, columnDocs(levels), spec.workers],
  ] as const) {
    const perChunk = Math.max(1, Math.floor(CHUNK / size));
    for (let i = 0; i < docs.length; i += perChunk) writes.push([[table], () => (table as Table<unknown>).bulkAdd(docs.slice(i, i + perChunk))]);
  }
  for (let i = 0; i < events.length; i += CHUNK) writes.push([[db.events], () => db.events.bulkAdd(events.slice(i, i + CHUNK))]);
  let done = 0;
  for (const [tables, write] of writes) {
    // Waiting for the signatures happens before the transaction opens (it would not outlive them).
    if (tables[0] === db.events) await signing;
    await db.transaction('rw', tables, write);
    onProgress?.(++done, writes.length);
  }
  await db.credentials.put({ workerId: leadId.id, ...(await pinHashing), failures: 0, lockedUntil: 0 });
  await db.transaction('rw', db.personKeys, () => saveNewKeys(events));
  await setMeta('factory', spec);
  await setMeta('started', 'own');
  observeStamp(events.at(-1)!.at);
  performance.measure('vaardig:factory-load', 'vaardig:factory-start');
  return state.levels.size;
}
