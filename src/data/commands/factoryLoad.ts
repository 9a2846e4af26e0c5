import type { EventType, Payload, VaardigEvent } from '../../domain/events';
import { refsOf } from '../../domain/eventRefs';
import { planFactory, type FactorySpec } from '../../domain/factoryPlan';
import { formatHlc } from '../../domain/hlc';
import { DAY_MS } from '../../domain/thresholds';
import { contentHashes, ROOT_EVENT_ID, type EventContent } from '../../domain/identity/eventIdentity';
import { loadSealing, currentDevice, currentPublicKey, observeStamp, db, getMeta, setMeta, newId, columnDocs, rowDocs, signEvents, newPersonKey, openEvent, saveNewKeys, sealPayload } from '../store';
import { hashPin } from './kioskCommands';
import type { Table } from 'dexie';
import { foldEvents, PROJECTED_TABLES } from '../../domain/projection';
import type { LevelCode } from '../../domain/levels';

/** The synthetic factory's team lead signs in with this PIN (documented in the README). */
export const FACTORY_LEAD_PIN = '1234';
const CHUNK = 10_000;
/** Events per signed and written chunk: small enough that writing starts soon after signing. */
const EVENT_CHUNK = 2_000;
/** Write transactions in flight at once (bounded: each holds its chunk's copy until it commits). */
const IN_FLIGHT = 4;

/** The factory as events with stamps spread over the past year, oldest first. */
export async function factoryEvents(spec: FactorySpec, now = Date.now()): Promise<VaardigEvent[]> {
  const plan = planFactory(spec);
  const device = currentDevice();
  const key = currentPublicKey();
  const counters = new Map<number, number>();
  // Contents first; their ids (hashes) are taken all at once below.
  const events: EventContent[] = [];
  const add = <T extends EventType>(type: T, payload: Payload<T>, actor: string | null, daysAgo: number) => {
    const wall = now - daysAgo * DAY_MS;
    const counter = counters.get(wall) ?? 0;
    counters.set(wall, counter + 1);
    // People are created with a key and their names sealed, as buildEvent does (privacy/sealing.ts).
    const keyed = type === 'worker.created' ? { ...payload, sealKey: newPersonKey((payload as Payload<'worker.created'>).id) } : payload;
    const content = { type, at: formatHlc({ wall, counter }, device), actor, device, refs: refsOf(payload as Record<string, unknown>), payload: sealPayload(type, keyed), key } as EventContent;
    events.push(content);
  };
  // This device set the factory up: it lets itself in first (signatures come in loadFactory).
  add('device.enrolled', { deviceId: device, key, name: '', pinFor: null }, null, 401);
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
  // Keyed by a number (person × 100 + month), not a text: 200,000 cells look their row up.
  const rows = new Map<number, { worker: number; daysAgo: number; cells: { skillId: string; level: LevelCode; note: string }[] }>();
  for (const c of plan.cells) {
    if (c.level === '-' || c.worker === 0) continue;
    const key = c.worker * 100 + Math.floor(c.daysAgo / 30);
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
  const ids = await contentHashes(events);
  ids[0] = ROOT_EVENT_ID;
  return events.map((content, i) => ({ id: ids[i]!, ...content }) as VaardigEvent).sort((a, b) => (a.at < b.at ? -1 : 1));
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
  const events = await factoryEvents(spec);
  // The events are signed on worker threads (signEvents) a chunk at a time, and each chunk is
  // written once signed: signing runs while this thread folds and writes the projections, and
  // the last chunks are still being signed while the first are written. One lane of chunks
  // per spare core (one on a 2-core tablet: its other core is this thread's).
  const eventChunks = Array.from({ length: Math.ceil(events.length / EVENT_CHUNK) }, (_, i) => events.slice(i * EVENT_CHUNK, (i + 1) * EVENT_CHUNK));
  const lanes: Promise<void>[] = Array.from({ length: Math.max(1, Math.min(4, (globalThis.navigator?.hardwareConcurrency || 2) - 1)) }, () => Promise.resolve());
  const signed = eventChunks.map((chunk, i) => (lanes[i % lanes.length] = lanes[i % lanes.length]!.then(() => signEvents(chunk))));
  // WebCrypto derives the PIN hash on the browser's own threads meanwhile.
  const pinHashing = hashPin(FACTORY_LEAD_PIN);
  const leadId = events.find((e) => e.type === 'worker.changed' && e.payload.role === 'lead')!.payload as { id: string };
  // The database is empty, so the projections are one fold in memory, written without reading.
  const state = foldEvents(events.map(openEvent));
  const levels = [...state.levels.values()];
  // What to write, each in a transaction of its own, and what it waits for first (outside the
  // transaction, which would not outlive it).
  const writes: [Table<unknown>[], () => Promise<unknown>, Promise<void>?][] = [];
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
  eventChunks.forEach((chunk, i) => writes.push([[db.events], () => db.events.bulkAdd(chunk), signed[i]]));
  // A few transactions in flight at once: while IndexedDB commits one, this thread copies the
  // next one's records (structured cloning) instead of waiting.
  let done = 0;
  const inFlight = new Set<Promise<void>>();
  for (const [tables, write, first] of writes) {
    await first;
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    const writing: Promise<void> = db.transaction('rw', tables, write).then(() => {
      inFlight.delete(writing);
      onProgress?.(++done, writes.length);
    });
    inFlight.add(writing);
  }
  await Promise.all(inFlight);
  await db.credentials.put({ workerId: leadId.id, ...(await pinHashing), failures: 0, lockedUntil: 0 });
  await db.transaction('rw', db.personKeys, () => saveNewKeys(events));
  await setMeta('factory', spec);
  await setMeta('started', 'own');
  observeStamp(events.at(-1)!.at);
  performance.measure('vaardig:factory-load', 'vaardig:factory-start');
  return state.levels.size;
}
