import { Authority, type SeedFacts } from '../../domain/gate/authority';
import type { EntityKind } from '../../domain/gate/facts';
import { refuse, type Refusal } from '../../domain/gate/refusal';
import { jsonBytes } from '../../domain/gate/screen';
import { LIMITS } from '../../domain/thresholds';
import { judge } from '../../domain/gate/rules';
import type { VaardigEvent } from '../../domain/events';
import { normaliseLevel } from '../../domain/model';
import { stampOf } from '../../domain/projection';
import { qualificationId } from '../../domain/qualification';
import { db, getLevels } from '../store';

/**
 * The gate for this device's own new events. They are the newest in the log, so the
 * workshop "just before" them is what the projections hold now: the authority is seeded
 * with just the rows these events are about, and judged by the same rules as everything
 * received. A refusal here means a command let through what the rules forbid — it is
 * thrown, and the command's transaction leaves nothing behind.
 */
export class GateRefused extends Error {
  constructor(
    readonly refusal: Refusal,
    readonly event: VaardigEvent,
  ) {
    super(`gate refused ${event.type}: ${refusal.code}${refusal.detail ? ` (${refusal.detail})` : ''}`);
  }
}

const PERSON_FIELDS = ['workerId', 'learnerId', 'coachId'] as const;
const TABLE_OF_ID: Partial<Record<string, EntityKind>> = { team: 'team', station: 'station', worker: 'worker', skill: 'skill', assignment: 'assignment', session: 'session', consent: 'consent' };

/** Call inside the command's transaction, before the events are written. */
export async function admitLocal(events: readonly VaardigEvent[]): Promise<void> {
  if (!events.length) return;
  const authority = new Authority();
  authority.seed('', await seedFacts(events));
  for (const event of events) {
    const refusal = jsonBytes(event) > LIMITS.eventBytes ? refuse('tooLarge') : judge(event, authority.factsBefore(stampOf(event)));
    if (refusal) throw new GateRefused(refusal, event);
    authority.admit(event);
  }
}

async function seedFacts(events: readonly VaardigEvent[]): Promise<SeedFacts> {
  const ids: Record<EntityKind, Set<string>> = {
    worker: new Set(),
    skill: new Set(),
    team: new Set(),
    station: new Set(),
    qualification: new Set(),
    session: new Set(),
    assignment: new Set(),
    consent: new Set(),
  };
  for (const event of events) {
    const p = event.payload as Record<string, unknown>;
    const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
    const add = (kind: EntityKind, id: string | undefined | null) => id && ids[kind].add(id);
    add('worker', event.actor);
    for (const f of PERSON_FIELDS) add('worker', str(f));
    add('skill', str('skillId'));
    add('team', str('teamId'));
    add('station', str('stationId'));
    add('assignment', str('assignmentId'));
    add('qualification', str('qualificationId'));
    add('qualification', str('targetQualificationId'));
    const own = TABLE_OF_ID[event.type.slice(0, event.type.indexOf('.'))];
    if (own) add(own, str('id'));
    if (event.type === 'qualification.imported') add('qualification', qualificationId(event.payload.crebo, event.payload.version));
    for (const r of (p.requires as { skillId: string }[] | undefined) ?? []) add('skill', r.skillId);
    if (event.type === 'levels.recorded') for (const c of event.payload.cells) add('skill', c.skillId);
  }
  const list = (kind: EntityKind) => [...ids[kind]];
  const deviceIds = [...new Set(events.flatMap((e) => [e.device, ...(e.type.startsWith('device.') ? [(e.payload as { deviceId: string }).deviceId] : [])]))];
  const [workers, leads, skills, teams, stations, qualifications, sessions, assignments, consents, devices, workerCount, skillCount] = await Promise.all([
    db.workers.bulkGet(list('worker')),
    db.workers.where('role').equals('lead').toArray(),
    db.skills.bulkGet(list('skill')),
    db.teams.bulkGet(list('team')),
    db.stations.bulkGet(list('station')),
    db.qualifications.bulkGet(list('qualification')),
    db.sessions.bulkGet(list('session')),
    db.assignments.bulkGet(list('assignment')),
    db.consents.bulkGet(list('consent')),
    db.devices.bulkGet(deviceIds),
    // The size limits matter only to events that add a person or a skill: no count on every tap.
    events.some((e) => e.type === 'worker.created') ? db.workers.count() : 0,
    events.some((e) => e.type === 'skill.created') ? db.skills.count() : 0,
  ]);
  const present = <T>(rows: (T | undefined)[]) => rows.filter((r): r is T => r !== undefined);
  const facts: SeedFacts = {
    workers: new Map([...present(workers), ...leads].map((w) => [w.id, { role: w.role ?? 'worker', archived: w.archived, forgotten: w.forgotten ?? false }])),
    skills: new Map(present(skills).map((s) => [s.id, { archived: s.archived, validityMonths: s.validityMonths }])),
    entities: new Map<EntityKind, Set<string>>([
      ['team', new Set(present(teams).map((t) => t.id))],
      ['station', new Set(present(stations).map((s) => s.id))],
      ['qualification', new Set(present(qualifications).map((q) => q.id))],
      ['session', new Set(present(sessions).map((s) => s.id))],
    ]),
    levels: new Map(),
    assignments: new Map(present(assignments).map((a) => [a.id, { workerId: a.workerId, coachId: a.coachId }])),
    consents: new Map(present(consents).map((c) => [c.id, { workerId: c.workerId }])),
    devices: new Map(
      present(devices)
        .filter((d) => d.key)
        .map((d) => [d.id, d.revokedAt ? null : d.key!]),
    ),
    counts: { workers: workerCount, skills: skillCount },
  };
  // What the actor can teach matters only for confirmations (and work instructions) by someone who is not the lead.
  const cells = events
    .filter((e) => (e.type === 'level.set' || e.type === 'claim.confirmed' || e.type === 'claim.declined' || e.type === 'instruction.saved') && e.actor && facts.workers.get(e.actor)?.role !== 'lead')
    .map((e) => ({ workerId: e.actor!, skillId: (e.payload as { skillId: string }).skillId }));
  const levels = await getLevels(cells);
  levels.forEach((row, i) => {
    const record = row && normaliseLevel(row);
    if (record && record.level !== '-') facts.levels.set(`${cells[i]!.workerId}|${cells[i]!.skillId}`, { level: record.level, at: record.at });
  });
  return facts;
}
