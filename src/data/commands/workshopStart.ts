import { DEMO_WORKSHOP, type DemoWorkshop } from '../../domain/demo';
import type { Payload, VaardigEvent } from '../../domain/events';
import { DEFAULT_TARGET_COVERAGE } from '../../domain/thresholds';
import { qualificationId } from '../../domain/qualification';
import { EXAMPLE_QUALIFICATION } from '../../domain/exampleQualification';
import { admitLocal } from '../gate';
import { buildEvent, buildRootEvent } from './kernel';
import { adoptUnsignedLog } from './logAdoption';
import { ROOT_EVENT_ID } from '../../domain/identity/rootEvent';
import { loadSealing, db, getMeta, setMeta, newId, applyEvents, saveNewKeys, deleteMeta, dropDemo, signEvents, currentDevice, resumeAfter, type StartState } from '../store';
import { planDemoHistory } from '../../domain/demoHistory';
import { formatHlc } from '../../domain/hlc';
import { hashPin } from './kioskCommands';

/**
 * Starting, resetting and the demo workshop. The first start of an empty database loads
 * the demo; "start empty" and "remove demo" are the ways out of it.
 *
 * The demo comes with its past (domain/demoHistory.ts): set up thirteen weeks before `now`,
 * then twelve weeks of coaching, claims and confirmations. Its events carry the stamps of
 * those moments, made here in time order, so the gate judges each against the workshop as it
 * was then (the device and the lead are in before anything they sign or confirm).
 */
export function demoEvents(workshop: DemoWorkshop = DEMO_WORKSHOP, now = Date.now()): { events: VaardigEvent[]; leadId: string } {
  const history = planDemoHistory(workshop, now);
  const device = currentDevice();
  const counters = new Map<number, number>();
  const stampAt = (ms: number) => {
    const counter = counters.get(ms) ?? 0;
    counters.set(ms, counter + 1);
    return formatHlc({ wall: ms, counter }, device);
  };
  // The device that sets up the demo is the workshop's first device: its enrolment comes first.
  const events: VaardigEvent[] = [buildRootEvent(stampAt(history.setupAt))];
  const at = <T extends VaardigEvent['type']>(ms: number, type: T, payload: Payload<T>, actor: string | null) => events.push(buildEvent(type, payload, actor, stampAt(ms)));
  const setup = <T extends VaardigEvent['type']>(type: T, payload: Payload<T>, actor: string | null = null) => at(history.setupAt, type, payload, actor);
  const teamIds = new Map<string, string>();
  for (const team of workshop.teams) {
    const id = newId();
    teamIds.set(team.key, id);
    setup('team.created', { id, name: team.name });
  }
  const skillIds: string[] = [];
  workshop.stations.forEach((station, order) => {
    const stationId = newId();
    setup('station.created', { id: stationId, name: station.name, order });
    for (const skill of station.skills) {
      const id = newId();
      skillIds.push(id);
      setup('skill.created', {
        id,
        name: skill.name,
        stationId,
        description: skill.description,
        targetCoverage: skill.target ?? DEFAULT_TARGET_COVERAGE,
        validityMonths: skill.validityMonths ?? null,
      });
    }
  });
  const workerIds = workshop.workers.map(() => newId());
  const lead = workshop.workers.findIndex((w) => w.name === workshop.lead.name);
  const leadId = workerIds[lead]!;
  const coachSince = new Map(workshop.coaches.map((c) => [c.name, c.since]));
  // The workshop is set up before it has a lead (so nobody confirms their own level): people,
  // the lead's own levels, then the lead; after that the lead enters everyone's levels as they
  // were then, a row at a time, as from the paper matrix.
  workshop.workers.forEach((worker, i) => {
    setup('worker.created', { id: workerIds[i]!, name: worker.name, teamId: teamIds.get(worker.team)!, role: 'worker' });
    if (coachSince.has(worker.name)) setup('worker.changed', { id: workerIds[i]!, coachSince: coachSince.get(worker.name)! });
  });
  const recordRow = (i: number, actor: string | null) => {
    const cells = history.baseline[i]!.flatMap((level, s) => (level === '-' ? [] : [{ skillId: skillIds[s]!, level, note: '' }]));
    if (cells.length) setup('levels.recorded', { workerId: workerIds[i]!, cells }, actor);
  };
  recordRow(lead, null);
  setup('worker.changed', { id: leadId, role: 'lead' });
  workshop.workers.forEach((_, i) => i !== lead && recordRow(i, leadId));
  // The example qualification, its approved mappings, and the machining team working toward it.
  const example = EXAMPLE_QUALIFICATION;
  const qid = qualificationId(example.crebo, example.version);
  setup('qualification.imported', example, leadId);
  const skillIdByName = new Map(workshop.stations.flatMap((st) => st.skills.map((sk) => sk.name)).map((name, i) => [name, skillIds[i]!]));
  for (const m of workshop.mappings) {
    const target = { qualificationId: qid, werkproces: m.werkproces, skillId: skillIdByName.get(m.skill)! };
    setup('mapping.set', { ...target, requiredLevel: 'U', coverage: m.coverage }, leadId);
    setup('mapping.approved', target, leadId);
  }
  workshop.workers.forEach((w, i) => w.team === workshop.qualificationTeam && setup('worker.changed', { id: workerIds[i]!, targetQualificationId: qid }, leadId));

  // The twelve weeks after.
  const sessionIds = new Map<number, string>();
  const assignmentIds = new Map<number, string>();
  const idOf = (map: Map<number, string>, n: number) => map.get(n) ?? (map.set(n, newId()), map.get(n)!);
  for (const step of history.steps) {
    switch (step.kind) {
      case 'assignment':
        at(
          step.at,
          'assignment.created',
          {
            id: idOf(assignmentIds, step.assignment),
            workerId: workerIds[step.worker]!,
            skillId: skillIds[step.skill]!,
            coachId: workerIds[step.coach]!,
            targetLevel: step.targetLevel,
            dueDate: step.dueDate,
          },
          leadId,
        );
        break;
      case 'assignmentStatus':
        at(step.at, 'assignment.changed', { id: idOf(assignmentIds, step.assignment), status: step.status }, workerIds[step.by]!);
        break;
      case 'session':
        at(
          step.at,
          'session.recorded',
          {
            id: idOf(sessionIds, step.session),
            coachId: workerIds[step.coach]!,
            learnerId: workerIds[step.learner]!,
            skillId: skillIds[step.skill]!,
            assignmentId: step.assignment === null ? null : idOf(assignmentIds, step.assignment),
            date: step.date,
            minutes: step.minutes,
            practised: step.practised,
            levelReached: step.levelReached,
          },
          workerIds[step.coach]!,
        );
        break;
      case 'claim':
        at(step.at, 'level.set', { workerId: workerIds[step.worker]!, skillId: skillIds[step.skill]!, level: step.level, status: 'claimed', note: '' }, workerIds[step.worker]!);
        break;
      case 'confirm': {
        const cell = { workerId: workerIds[step.worker]!, skillId: skillIds[step.skill]! };
        const evidence = step.evidence === null ? undefined : idOf(sessionIds, step.evidence);
        const by = workerIds[step.by]!;
        if (step.claimed) at(step.at, 'claim.confirmed', { ...cell, claimedLevel: step.claimed, level: step.level, note: '', evidence }, by);
        else at(step.at, 'level.set', { ...cell, level: step.level, status: 'confirmed', note: '', evidence }, by);
        break;
      }
    }
  }
  return { events, leadId };
}

/** On first start with an empty database, load the demo. Safe to call on every start. */
export async function ensureStarted(): Promise<StartState> {
  await loadSealing();
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
    await saveNewKeys(events);
    await applyEvents(events);
    // Live events come after the demo's past, whatever this device's clock said before.
    resumeAfter(events.at(-1)!.at);
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
    await Promise.all([db.events.clear(), db.credentials.clear(), db.personKeys.clear(), db.photos.clear(), db.photoOutbox.clear(), ...db.projectionTables.map((t) => t.clear())]);
    await deleteMeta('demoIds');
    await setMeta('started', 'empty');
  });
}

/**
 * Removes the demo's people, teams, stations and skills with all their history, and keeps
 * whatever the company added itself (a level on a demo skill goes with the demo skill).
 */
export async function removeDemo(): Promise<void> {
  await loadSealing();
  await db.transaction('rw', db.allTables, dropDemo);
}
