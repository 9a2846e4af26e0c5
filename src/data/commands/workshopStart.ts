import { decodeDemoLevel, demoLevelChars, DEMO_WORKSHOP, type DemoWorkshop } from '../../domain/demo';
import type { Payload, VaardigEvent } from '../../domain/events';
import { DEFAULT_TARGET_COVERAGE } from '../../domain/thresholds';
import { qualificationId } from '../../domain/qualification';
import { EXAMPLE_QUALIFICATION } from '../../domain/exampleQualification';
import { admitLocal } from '../gate';
import { buildEvent, buildRootEvent } from './kernel';
import { adoptUnsignedLog } from './logAdoption';
import { ROOT_EVENT_ID } from '../../domain/identity/eventIdentity';
import { db, getMeta, setMeta, newId, applyEvents, deleteMeta, dropDemo, signEvents, type StartState } from '../store';
import { hashPin } from './kioskCommands';

/**
 * Starting, resetting and the demo workshop. The first start of an empty database loads
 * the demo; "start empty" and "remove demo" are the ways out of it.
 */
export function demoEvents(workshop: DemoWorkshop = DEMO_WORKSHOP): { events: VaardigEvent[]; leadId: string } {
  // The device that sets up the demo is the workshop's first device: its enrolment comes first.
  const events: VaardigEvent[] = [buildRootEvent()];
  const add = <T extends VaardigEvent['type']>(type: T, payload: Payload<T>) => events.push(buildEvent(type, payload, null));
  const teamIds = new Map<string, string>();
  for (const team of workshop.teams) {
    const id = newId();
    teamIds.set(team.key, id);
    add('team.created', { id, name: team.name });
  }
  const skillIds: string[] = [];
  workshop.stations.forEach((station, order) => {
    const stationId = newId();
    add('station.created', { id: stationId, name: station.name, order });
    for (const skill of station.skills) {
      const id = newId();
      skillIds.push(id);
      add('skill.created', {
        id,
        name: skill.name,
        stationId,
        description: skill.description,
        targetCoverage: skill.target ?? DEFAULT_TARGET_COVERAGE,
        validityMonths: skill.validityMonths ?? null,
      });
    }
  });
  const workerIds = new Map(workshop.workers.map((w) => [w.name, newId()]));
  const leadId = workerIds.get(workshop.lead.name)!;
  const coachSince = new Map(workshop.coaches.map((c) => [c.name, c.since]));
  // The workshop is set up before it has a lead (so nobody confirms their own level): people,
  // the lead's own levels, then the lead; after that the lead confirms and people claim.
  for (const worker of workshop.workers) {
    const workerId = workerIds.get(worker.name)!;
    add('worker.created', { id: workerId, name: worker.name, teamId: teamIds.get(worker.team)!, role: 'worker' });
    if (coachSince.has(worker.name)) add('worker.changed', { id: workerId, coachSince: coachSince.get(worker.name)! });
  }
  const levelEvents = (worker: DemoWorkshop['workers'][number], actorOf: (status: 'claimed' | 'confirmed', workerId: string) => string | null) => {
    const workerId = workerIds.get(worker.name)!;
    demoLevelChars(worker.levels).forEach((ch, i) => {
      const decoded = decodeDemoLevel(ch);
      if (decoded) events.push(buildEvent('level.set', { workerId, skillId: skillIds[i]!, ...decoded, note: '' }, actorOf(decoded.status, workerId)));
    });
  };
  const lead = workshop.workers.find((w) => workerIds.get(w.name) === leadId)!;
  levelEvents(lead, (status) => (status === 'claimed' ? leadId : null));
  add('worker.changed', { id: leadId, role: 'lead' });
  for (const worker of workshop.workers) if (worker !== lead) levelEvents(worker, (status, workerId) => (status === 'claimed' ? workerId : leadId));
  // The example qualification, its approved mappings, and the machining team working toward it.
  const example = EXAMPLE_QUALIFICATION;
  const qid = qualificationId(example.crebo, example.version);
  events.push(buildEvent('qualification.imported', example, leadId));
  const skillIdByName = new Map(workshop.stations.flatMap((st) => st.skills.map((sk) => sk.name)).map((name, i) => [name, skillIds[i]!]));
  for (const m of workshop.mappings) {
    const target = { qualificationId: qid, werkproces: m.werkproces, skillId: skillIdByName.get(m.skill)! };
    events.push(buildEvent('mapping.set', { ...target, requiredLevel: 'U', coverage: m.coverage }, leadId));
    events.push(buildEvent('mapping.approved', target, leadId));
  }
  for (const worker of workshop.workers.filter((w) => w.team === workshop.qualificationTeam)) {
    events.push(buildEvent('worker.changed', { id: workerIds.get(worker.name)!, targetQualificationId: qid }, leadId));
  }
  return { events, leadId };
}

/** On first start with an empty database, load the demo. Safe to call on every start. */
export async function ensureStarted(): Promise<StartState> {
  await adoptUnsignedLog();
  const started = await getMeta('started');
  if (started) return started;
  const leadPin = await hashPin(DEMO_WORKSHOP.lead.pin);
  return db.transaction('rw', db.allTables, async () => {
    const started = await getMeta('started');
    if (started) return started;
    if ((await db.events.count()) > 0) {
      await setMeta('started', 'own');
      return 'own';
    }
    const { events, leadId } = demoEvents();
    await admitLocal(events);
    await signEvents(events);
    await db.events.bulkAdd(events);
    await applyEvents(events);
    await db.credentials.put({ workerId: leadId, ...leadPin, failures: 0, lockedUntil: 0 });
    // The example qualification goes with the demo too (its event has no refs to find it by).
    const example = qualificationId(EXAMPLE_QUALIFICATION.crebo, EXAMPLE_QUALIFICATION.version);
    // The root stays when the demo goes: it is this device, which the company goes on using.
    await setMeta('demoIds', [...new Set([...events.filter((e) => e.id !== ROOT_EVENT_ID).flatMap((e) => e.refs), example])]);
    await setMeta('companyName', DEMO_WORKSHOP.company);
    await setMeta('started', 'demo');
    return 'demo';
  });
}

/** Removes everything: the log and its projections. The demo does not come back. */
export async function startEmpty(): Promise<void> {
  await db.transaction('rw', db.allTables, async () => {
    await Promise.all([db.events.clear(), db.credentials.clear(), ...db.projectionTables.map((t) => t.clear())]);
    await deleteMeta('demoIds');
    await setMeta('started', 'empty');
  });
}

/**
 * Removes the demo's people, teams, stations and skills with all their history, and keeps
 * whatever the company added itself (a level on a demo skill goes with the demo skill).
 */
export async function removeDemo(): Promise<void> {
  await db.transaction('rw', db.allTables, dropDemo);
}
