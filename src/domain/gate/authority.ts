import type { VaardigEvent } from '../events';
import { levelOf, type LevelCode } from '../levels';
import { stampOf } from '../projection';
import { qualificationId } from '../qualification';
import type { ConfirmedLevel, EntityKind, Facts, PersonFact, SkillFact } from './facts';

/**
 * The workshop's facts that decide who may do what, with their history: each fact is a
 * register of (stamp, value) writes, so the gate can ask "as it was just before this event"
 * wherever the event falls in the log — events from other devices arrive late and out of
 * order. Writes come from admitted events only, and can be taken back when a late arrival
 * shows an event should not have been admitted.
 */
interface Write {
  stamp: string;
  eventId: string;
  value: unknown;
}

/** Where each fact lives: `<kind>:<id>` exists, `<kind>.<field>:<id>` is a field. */
const key = (kind: string, id: string) => `${kind}:${id}`;

/**
 * A fact an event writes: a keyed fact, or a matrix cell's confirmed level. Cells are many
 * (200,000 at factory scale), so they live in nested maps without a key string each, and a
 * level that cannot teach is kept as null: only "could they teach it then" is ever asked.
 */
type FactWrite = { key: string; value: unknown } | { cell: readonly [workerId: string, skillId: string]; value: ConfirmedLevel | null };

/** The facts an admitted event writes. */
export function writesOf(event: VaardigEvent): FactWrite[] {
  const w = (kind: string, id: string, value: unknown = true): FactWrite => ({ key: key(kind, id), value });
  switch (event.type) {
    case 'team.created':
    case 'station.created':
      return [w(event.type.slice(0, -8), event.payload.id)];
    case 'worker.created':
      return [w('worker', event.payload.id), w('worker.role', event.payload.id, event.payload.role ?? 'worker'), w('worker.archived', event.payload.id, false)];
    case 'worker.forgotten':
      // Forgotten is gone: nothing they sign from then on is theirs to sign.
      return [w('worker.archived', event.payload.id, true), w('worker.forgotten', event.payload.id, true)];
    case 'worker.changed':
      return [
        ...(event.payload.role === undefined ? [] : [w('worker.role', event.payload.id, event.payload.role)]),
        ...(event.payload.archived === undefined ? [] : [w('worker.archived', event.payload.id, event.payload.archived)]),
      ];
    case 'skill.created':
      return [w('skill', event.payload.id), w('skill.archived', event.payload.id, false), w('skill.validity', event.payload.id, event.payload.validityMonths)];
    case 'skill.changed':
      return [
        ...(event.payload.archived === undefined ? [] : [w('skill.archived', event.payload.id, event.payload.archived)]),
        ...(event.payload.validityMonths === undefined ? [] : [w('skill.validity', event.payload.id, event.payload.validityMonths)]),
      ];
    case 'level.set':
      return event.payload.status === 'confirmed' ? [confirmedWrite(event.payload.workerId, event.payload.skillId, event.payload.level, event.at)] : [];
    case 'claim.confirmed':
      return [confirmedWrite(event.payload.workerId, event.payload.skillId, event.payload.level, event.at)];
    case 'levels.recorded':
      return event.payload.cells.map((c) => confirmedWrite(event.payload.workerId, c.skillId, c.level, event.at));
    case 'assignment.created':
      return [w('assignment', event.payload.id, { workerId: event.payload.workerId, coachId: event.payload.coachId })];
    case 'assignment.changed':
      return event.payload.coachId === undefined ? [] : [w('assignment.coach', event.payload.id, event.payload.coachId)];
    case 'session.recorded':
      return [w('session', event.payload.id)];
    case 'qualification.imported':
      return [w('qualification', qualificationId(event.payload.crebo, event.payload.version))];
    case 'consent.given':
      return [w('consent', event.payload.id, { workerId: event.payload.workerId })];
    case 'device.enrolled':
      return [w('device', event.payload.deviceId, event.payload.key)];
    case 'device.revoked':
      return [w('device', event.payload.deviceId, null)];
    default:
      return [];
  }
}

function confirmedWrite(workerId: string, skillId: string, level: LevelCode, at: string): FactWrite {
  return { cell: [workerId, skillId], value: levelOf(level).mayCoach ? { level, at } : null };
}

/** Index of the first entry at or after `stamp` in a list sorted by stamp. */
function lowerBound(length: number, stampAt: (i: number) => string, stamp: string): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stampAt(mid) < stamp) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const firstAtOrAfter = (writes: readonly Write[], stamp: string) => lowerBound(writes.length, (i) => writes[i]!.stamp, stamp);
const sortedIndex = (list: readonly string[], stamp: string) => lowerBound(list.length, (i) => list[i]!, stamp);

export class Authority {
  private readonly registers = new Map<string, Write[]>();
  private readonly cells = new Map<string, Map<string, Write[]>>();
  /** Creation stamps of people and skills, sorted, for the size limits. */
  private readonly created = { workers: [] as string[], skills: [] as string[] };
  /** Everyone who was ever a lead in some write: the only people `hasLead` needs to look at. */
  private readonly everLead = new Set<string>();
  /** Ids of the events whose facts are in (their writes are derived again to take them back). */
  private readonly admitted = new Set<string>();

  get size(): number {
    return this.admitted.size;
  }

  has(eventId: string): boolean {
    return this.admitted.has(eventId);
  }

  /** Facts as they were just before the event with this stamp (`stampOf`). */
  factsBefore(stamp: string): Facts {
    const at = <T>(k: string): T | undefined => {
      const writes = this.registers.get(k);
      if (!writes) return undefined;
      const i = firstAtOrAfter(writes, stamp);
      return i === 0 ? undefined : (writes[i - 1]!.value as T);
    };
    const exists = (kind: EntityKind, id: string) => at(key(kind, id)) !== undefined;
    const worker = (id: string): PersonFact | undefined =>
      exists('worker', id)
        ? { role: at<PersonFact['role']>(key('worker.role', id)) ?? 'worker', archived: at<boolean>(key('worker.archived', id)) ?? false, forgotten: at<boolean>(key('worker.forgotten', id)) ?? false }
        : undefined;
    const skill = (id: string): SkillFact | undefined =>
      exists('skill', id) ? { archived: at<boolean>(key('skill.archived', id)) ?? false, validityMonths: at<number | null>(key('skill.validity', id)) ?? null } : undefined;
    return {
      worker,
      skill,
      exists,
      confirmed: (workerId, skillId) => {
        const writes = this.cells.get(workerId)?.get(skillId);
        const i = writes ? firstAtOrAfter(writes, stamp) : 0;
        return i === 0 ? undefined : ((writes![i - 1]!.value as ConfirmedLevel | null) ?? undefined);
      },
      assignment: (id) => {
        const base = at<{ workerId: string; coachId: string }>(key('assignment', id));
        return base && { workerId: base.workerId, coachId: at<string>(key('assignment.coach', id)) ?? base.coachId };
      },
      consent: (id) => at<{ workerId: string }>(key('consent', id)),
      hasLead: () =>
        [...this.everLead].some((id) => {
          const w = worker(id);
          return w?.role === 'lead' && !w.archived;
        }),
      count: (kind) => sortedIndex(this.created[kind], stamp),
      deviceKey: (deviceId) => at<string | null>(key('device', deviceId)),
    };
  }

  /** Records an admitted event's facts. */
  admit(event: VaardigEvent): void {
    if (this.admitted.has(event.id)) return;
    const stamp = stampOf(event);
    const writes = writesOf(event);
    this.admitted.add(event.id);
    for (const write of writes) {
      const list = this.registerFor(write, true)!;
      list.splice(firstAtOrAfter(list, stamp), 0, { stamp, eventId: event.id, value: write.value });
      if ('key' in write && write.key.startsWith('worker.role:') && write.value === 'lead') this.everLead.add(write.key.slice('worker.role:'.length));
    }
    if (event.type === 'worker.created' || event.type === 'skill.created') {
      const list = this.created[event.type === 'worker.created' ? 'workers' : 'skills'];
      list.splice(sortedIndex(list, stamp), 0, stamp);
    }
  }

  /** Takes back the facts of an event that turned out not to belong in the log. */
  retract(event: VaardigEvent): void {
    if (!this.admitted.delete(event.id)) return;
    for (const write of writesOf(event)) {
      const list = this.registerFor(write, false);
      const i = list ? list.findIndex((w) => w.eventId === event.id) : -1;
      if (i >= 0) list!.splice(i, 1);
    }
    if (event.type === 'worker.created' || event.type === 'skill.created') {
      const list = this.created[event.type === 'worker.created' ? 'workers' : 'skills'];
      const i = list.indexOf(stampOf(event));
      if (i >= 0) list.splice(i, 1);
    }
  }

  /** The register a write goes to (made when `create`). */
  private registerFor(write: FactWrite, create: boolean): Write[] | undefined {
    if ('key' in write) {
      let list = this.registers.get(write.key);
      if (!list && create) this.registers.set(write.key, (list = []));
      return list;
    }
    const [workerId, skillId] = write.cell;
    let row = this.cells.get(workerId);
    if (!row && create) this.cells.set(workerId, (row = new Map()));
    let list = row?.get(skillId);
    if (!list && create) row!.set(skillId, (list = []));
    return list;
  }

  /** Facts of rows as they are now, for judging new local events against the projections. */
  seed(stamp: string, facts: SeedFacts): void {
    const put = (k: string, value: unknown) => this.registers.set(k, [{ stamp, eventId: '', value }]);
    for (const [id, w] of facts.workers) {
      put(key('worker', id), true);
      put(key('worker.role', id), w.role);
      put(key('worker.archived', id), w.archived);
      if (w.forgotten) put(key('worker.forgotten', id), true);
      if (w.role === 'lead') this.everLead.add(id);
    }
    for (const [id, s] of facts.skills) {
      put(key('skill', id), true);
      put(key('skill.archived', id), s.archived);
      put(key('skill.validity', id), s.validityMonths);
    }
    for (const [kind, ids] of facts.entities) for (const id of ids) put(key(kind, id), true);
    for (const [cell, level] of facts.levels) {
      const [workerId, skillId] = cell.split('|') as [string, string];
      this.registerFor({ cell: [workerId, skillId], value: level }, true)!.push({ stamp, eventId: '', value: level });
    }
    for (const [id, a] of facts.assignments) put(key('assignment', id), a);
    for (const [id, c] of facts.consents) put(key('consent', id), c);
    for (const [id, k] of facts.devices) put(key('device', id), k);
    this.created.workers = Array<string>(facts.counts.workers).fill(stamp);
    this.created.skills = Array<string>(facts.counts.skills).fill(stamp);
  }
}

export interface SeedFacts {
  workers: Map<string, PersonFact>;
  skills: Map<string, SkillFact>;
  entities: Map<EntityKind, Set<string>>;
  /** `worker|skill` → the confirmed level. */
  levels: Map<string, ConfirmedLevel>;
  assignments: Map<string, { workerId: string; coachId: string }>;
  consents: Map<string, { workerId: string }>;
  /** Device → the key it is let in with (null: taken out). */
  devices: Map<string, string | null>;
  counts: { workers: number; skills: number };
}
