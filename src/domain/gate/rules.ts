import type { EventOf, VaardigEvent } from '../events';
import { ROOT_EVENT_ID } from '../identity/rootEvent';
import { hlcMillis } from '../hlc';
import { canTeach, confirmRefusal } from '../permissions';
import { LIMITS } from '../thresholds';
import type { Facts } from './facts';
import { refuse, type Refusal } from './refusal';

/**
 * Who may write what, replayed from the log: the same domain rules the screens use
 * (permissions.ts), asked of the workshop as it was just before the event. Returns null when
 * the event may enter the log.
 *
 * While the workshop has no active lead it is being set up (the demo, a first lead, a
 * restore onto a new tablet): nobody holds authority yet, so none can be usurped, and
 * management events need no lead. Before any of that, the event must come from a device the
 * company let in: its signature is checked on arrival, its key here.
 */
export function judge(event: VaardigEvent, facts: Facts): Refusal | null {
  const settingUp = !facts.hasLead();
  if (event.type === 'device.requested') return event.payload.deviceId === event.device && event.payload.key === event.key ? null : refuse('notOwn');
  if (event.id === ROOT_EVENT_ID) return rootRefusal(event, settingUp);
  const signer = signerRefusal(event, facts);
  if (signer) return signer;
  const actor = event.actor === null ? undefined : facts.worker(event.actor);
  if (!settingUp) {
    if (event.actor === null) return refuse('noActor');
    if (!actor) return refuse('unknownActor', event.actor);
    if (actor.archived) return refuse('archivedActor', event.actor);
  }
  const lead = settingUp || (actor?.role === 'lead' && !actor.archived);
  const needLead = () => (lead ? null : refuse('notLead'));
  const known = (kind: Parameters<Facts['exists']>[0], id: string) => (facts.exists(kind, id) ? null : refuse('unknownSubject', id));
  const fresh = (kind: Parameters<Facts['exists']>[0], id: string) => (facts.exists(kind, id) ? refuse('duplicateId', id) : null);
  const first = (...checks: (() => Refusal | null)[]) => {
    for (const check of checks) {
      const refusal = check();
      if (refusal) return refusal;
    }
    return null;
  };
  const own = (personId: string) => () => (event.actor === personId ? null : refuse('notOwn'));

  switch (event.type) {
    case 'team.created':
      return first(needLead, () => fresh('team', event.payload.id));
    case 'station.created':
      return first(needLead, () => fresh('station', event.payload.id));
    case 'team.changed':
      return first(needLead, () => known('team', event.payload.id));
    case 'station.changed':
      return first(needLead, () => known('station', event.payload.id));
    case 'worker.created':
      return first(
        needLead,
        () => fresh('worker', event.payload.id),
        () => known('team', event.payload.teamId),
        () => (facts.count('workers') >= LIMITS.people ? refuse('limit', 'people') : null),
      );
    case 'worker.changed':
      return workerChanged(event, facts, lead);
    case 'worker.forgotten':
      // Never oneself: a lead who leaves is forgotten by the next lead.
      return first(
        needLead,
        () => known('worker', event.payload.id),
        () => (event.actor === event.payload.id ? refuse('self') : null),
      );
    case 'skill.created':
      return first(
        needLead,
        () => fresh('skill', event.payload.id),
        () => known('station', event.payload.stationId),
        () => requiredSkills(event.payload.requires, facts),
        () => (facts.count('skills') >= LIMITS.skills ? refuse('limit', 'skills') : null),
      );
    case 'skill.changed':
      return first(
        needLead,
        () => known('skill', event.payload.id),
        () => (event.payload.stationId === undefined ? null : known('station', event.payload.stationId)),
        () => requiredSkills(event.payload.requires, facts),
      );
    case 'level.set':
      if (event.payload.status === 'claimed') return first(own(event.payload.workerId), () => cell(event.payload, facts));
      return first(
        () => cell(event.payload, facts),
        () => (settingUp ? null : mayConfirm(event, facts)),
      );
    case 'claim.confirmed':
    case 'claim.declined':
      return first(
        () => cell(event.payload, facts),
        () => (settingUp ? null : mayConfirm(event, facts)),
      );
    case 'levels.recorded':
      return first(
        needLead,
        () => known('worker', event.payload.workerId),
        () =>
          firstMissing(
            event.payload.cells.map((c) => c.skillId),
            'skill',
            facts,
          ),
      );
    case 'wish.set':
      return first(own(event.payload.workerId), () => cell(event.payload, facts));
    case 'assignment.created':
      return first(
        needLead,
        () => fresh('assignment', event.payload.id),
        () => cell(event.payload, facts),
        () => known('worker', event.payload.coachId),
        () => (event.payload.coachId === event.payload.workerId ? refuse('self') : null),
      );
    case 'assignment.changed': {
      const assignment = facts.assignment(event.payload.id);
      if (!assignment) return refuse('unknownSubject', event.payload.id);
      return first(
        () => (lead || event.actor === assignment.coachId ? null : refuse('notCoach')),
        () => (event.payload.coachId === undefined ? null : known('worker', event.payload.coachId)),
        () => (event.payload.coachId === assignment.workerId ? refuse('self') : null),
      );
    }
    case 'session.recorded':
      return first(
        () => (event.actor === event.payload.coachId || settingUp ? null : refuse('notCoach')),
        () => (event.payload.coachId === event.payload.learnerId ? refuse('self') : null),
        () => fresh('session', event.payload.id),
        () => known('worker', event.payload.coachId),
        () => cell({ workerId: event.payload.learnerId, skillId: event.payload.skillId }, facts),
        () => (event.payload.assignmentId === null ? null : known('assignment', event.payload.assignmentId)),
      );
    case 'instruction.saved':
      return first(
        () => known('skill', event.payload.skillId),
        () => (lead ? null : mayTeach(event, facts)),
      );
    case 'qualification.imported':
      return needLead();
    case 'mapping.set':
      return first(
        needLead,
        () => known('qualification', event.payload.qualificationId),
        () => known('skill', event.payload.skillId),
      );
    case 'mapping.removed':
    case 'mapping.approved':
      return first(needLead, () => known('qualification', event.payload.qualificationId));
    case 'consent.given':
      return first(
        own(event.payload.workerId),
        () => fresh('consent', event.payload.id),
        () => known('worker', event.payload.workerId),
        () => known('qualification', event.payload.qualificationId),
      );
    case 'consent.withdrawn': {
      const consent = facts.consent(event.payload.id);
      if (!consent || consent.workerId !== event.payload.workerId) return refuse('unknownSubject', event.payload.id);
      return own(consent.workerId)();
    }
    case 'device.enrolled':
      return first(needLead, () => (event.payload.pinFor === null ? null : known('worker', event.payload.pinFor)));
    case 'device.revoked':
      return first(needLead, () => (facts.deviceKey(event.payload.deviceId) === undefined ? refuse('unknownSubject', event.payload.deviceId) : null));
  }
}

/**
 * Every event but a device's request must be signed by a device let in before it, with the key
 * it was let in with, and not taken out before it (screen checked the signature itself).
 */
function signerRefusal(event: VaardigEvent, facts: Facts): Refusal | null {
  const key = facts.deviceKey(event.device);
  if (key === undefined) return refuse('notEnrolled', event.device);
  if (key === null) return refuse('revoked', event.device);
  return key === event.key ? null : refuse('notEnrolled', event.device);
}

/**
 * The company's first device lets itself in while the workshop is being set up: it signs its
 * own enrolment, under the one fixed id a log can hold once.
 */
function rootRefusal(event: VaardigEvent, settingUp: boolean): Refusal | null {
  if (event.type !== 'device.enrolled' || event.actor !== null) return refuse('notEnrolled', event.device);
  if (event.payload.deviceId !== event.device || event.payload.key !== event.key) return refuse('notEnrolled', event.device);
  return settingUp ? null : refuse('notLead');
}

function cell(p: { workerId: string; skillId: string }, facts: Facts): Refusal | null {
  if (!facts.worker(p.workerId)) return refuse('unknownSubject', p.workerId);
  if (!facts.skill(p.skillId)) return refuse('unknownSubject', p.skillId);
  return null;
}

function firstMissing(ids: readonly string[], kind: 'skill', facts: Facts): Refusal | null {
  const missing = ids.find((id) => !facts.exists(kind, id));
  return missing === undefined ? null : refuse('unknownSubject', missing);
}

function requiredSkills(requires: readonly { skillId: string }[] | undefined, facts: Facts): Refusal | null {
  return firstMissing(
    (requires ?? []).map((r) => r.skillId),
    'skill',
    facts,
  );
}

/** The lead, or a colleague who could teach the skill at that moment; never oneself. */
function mayConfirm(event: EventOf<'level.set' | 'claim.confirmed' | 'claim.declined'>, facts: Facts): Refusal | null {
  const { workerId, skillId } = event.payload;
  const actor = event.actor === null ? undefined : facts.worker(event.actor);
  const skill = facts.skill(skillId)!;
  const own = event.actor === null ? undefined : facts.confirmed(event.actor, skillId);
  const refusal = confirmRefusal(actor && { id: event.actor!, ...actor }, workerId, own, skill, hlcMillis(event.at));
  if (refusal === 'self') return refuse('self');
  if (refusal === 'notQualified') return refuse('notQualified');
  if (refusal === 'notSignedIn') return refuse('unknownActor');
  return null;
}

/** A work instruction is written by the lead or by a colleague who can teach the skill (O) at that moment. */
function mayTeach(event: EventOf<'instruction.saved'>, facts: Facts): Refusal | null {
  const own = event.actor === null ? undefined : facts.confirmed(event.actor, event.payload.skillId);
  return canTeach(own, facts.skill(event.payload.skillId)!, hlcMillis(event.at)) ? null : refuse('notQualified');
}

/** The lead changes anyone; a person changes only their own privacy and target. */
function workerChanged(event: EventOf<'worker.changed'>, facts: Facts, lead: boolean): Refusal | null {
  const p = event.payload;
  const person = facts.worker(p.id);
  if (!person) return refuse('unknownSubject', p.id);
  if (person.forgotten) return refuse('forgotten', p.id);
  const ownOnly = Object.entries(p).every(([k, v]) => v === undefined || k === 'id' || k === 'showInitials' || k === 'targetQualificationId');
  if (!lead && !(ownOnly && event.actor === p.id)) return refuse('notLead');
  if (p.teamId !== undefined && !facts.exists('team', p.teamId)) return refuse('unknownSubject', p.teamId);
  if (p.targetQualificationId && !facts.exists('qualification', p.targetQualificationId)) return refuse('unknownSubject', p.targetQualificationId);
  return null;
}
