import type { VaardigEvent } from '../../domain/events';
import type { Translate } from '../../i18n';
import { levelName } from '../../ui/levelDisplay';
import { ROOT_EVENT_ID } from '../../domain/identity/rootEvent';

export interface Names {
  person(id: string | null): string;
  /** A device by the name a lead gave it (or what it is, before it has one). */
  device(id: string): string;
  /** Whether the log knows this device (asked, let in or taken out); a stranger is shown by its id. */
  knowsDevice(id: string): boolean;
  skill(id: string): string;
  team(id: string): string;
  station(id: string): string;
}

/**
 * One event in plain words, for a cell's timeline and the lead's audit log. The actor is
 * said separately (who), so this is the what.
 */
export function describeEvent(event: VaardigEvent, names: Names, t: Translate): string {
  switch (event.type) {
    case 'level.set':
      return t(event.payload.status === 'claimed' ? 'history.claimed' : 'history.setLevel', {
        worker: names.person(event.payload.workerId),
        skill: names.skill(event.payload.skillId),
        level: levelName(t, event.payload.level),
      });
    case 'levels.recorded': {
      const { workerId, cells } = event.payload;
      // A cell's timeline narrows the event to its own cell (narrowToCell): say that level.
      return cells.length === 1
        ? t('history.setLevel', { worker: names.person(workerId), skill: names.skill(cells[0]!.skillId), level: levelName(t, cells[0]!.level) })
        : t('history.levelsRecorded', { worker: names.person(workerId), count: cells.length });
    }
    case 'claim.confirmed':
      return t(event.payload.level === event.payload.claimedLevel ? 'history.confirmed' : 'history.adjusted', {
        worker: names.person(event.payload.workerId),
        skill: names.skill(event.payload.skillId),
        level: levelName(t, event.payload.level),
        claimed: levelName(t, event.payload.claimedLevel),
      });
    case 'claim.declined':
      return t('history.declined', { worker: names.person(event.payload.workerId), skill: names.skill(event.payload.skillId), claimed: levelName(t, event.payload.claimedLevel) });
    case 'wish.set':
      return t(event.payload.wished ? 'history.wished' : 'history.unwished', { worker: names.person(event.payload.workerId), skill: names.skill(event.payload.skillId) });
    case 'assignment.created':
      return t('history.assigned', {
        worker: names.person(event.payload.workerId),
        skill: names.skill(event.payload.skillId),
        coach: names.person(event.payload.coachId),
        level: levelName(t, event.payload.targetLevel),
      });
    case 'assignment.changed':
      return t(event.payload.status ? (`history.assignment.${event.payload.status}` as const) : 'history.assignment.changed');
    case 'session.recorded':
      return t('history.session', {
        coach: names.person(event.payload.coachId),
        worker: names.person(event.payload.learnerId),
        skill: names.skill(event.payload.skillId),
        minutes: event.payload.minutes,
      });
    case 'instruction.saved':
      return t('history.instruction', { skill: names.skill(event.payload.skillId), version: event.payload.version });
    case 'qualification.imported':
      return t('history.qualification', { title: event.payload.title, crebo: event.payload.crebo, version: event.payload.version });
    case 'mapping.set':
      return t('history.mapping', { skill: names.skill(event.payload.skillId), werkproces: event.payload.werkproces });
    case 'mapping.removed':
      return t('history.mappingRemoved', { skill: names.skill(event.payload.skillId), werkproces: event.payload.werkproces });
    case 'mapping.approved':
      return t('history.mappingApproved', { skill: names.skill(event.payload.skillId), werkproces: event.payload.werkproces });
    case 'consent.given':
      return t('history.consent', { worker: names.person(event.payload.workerId), recipient: event.payload.recipient });
    case 'consent.withdrawn':
      return t('history.consentWithdrawn', { worker: names.person(event.payload.workerId) });
    case 'device.requested':
      return t('history.deviceRequested');
    case 'device.enrolled':
      return event.id === ROOT_EVENT_ID ? t('history.deviceFirst') : t('history.deviceEnrolled', { device: event.payload.name || names.device(event.payload.deviceId) });
    case 'worker.forgotten':
      return t(event.payload.reason === 'left' ? 'history.forgottenLeft' : 'history.forgottenAsked', { name: names.person(event.payload.id) });
    case 'device.revoked':
      return t('history.deviceRevoked', { device: names.device(event.payload.deviceId) });
    // Teams, stations and skills say what they are: "Schuren toegevoegd" could be any of them.
    case 'team.created':
    case 'station.created':
    case 'skill.created':
    case 'worker.created':
      // A forgotten person's name no longer opens: they are named as they are now ("Oud-medewerker").
      return t('history.created', { name: t(`history.kind.${kindOf(event.type)}`, { name: event.payload.name || (event.type === 'worker.created' ? names.person(event.payload.id) : '') }) });
    case 'team.changed':
    case 'station.changed':
    case 'skill.changed':
    case 'worker.changed': {
      const p = event.payload as { id: string; archived?: boolean; name?: string };
      const kind = kindOf(event.type);
      const subject = t(`history.kind.${kind}`, { name: kind === 'team' ? names.team(p.id) : kind === 'station' ? names.station(p.id) : kind === 'skill' ? names.skill(p.id) : names.person(p.id) });
      if (p.archived === true) return t('history.archived', { name: subject });
      if (p.archived === false) return t('history.restored', { name: subject });
      return t('history.changed', { name: subject });
    }
  }
}

/** The note or reason that goes with an event, if any. */
export function noteOf(event: VaardigEvent): string {
  return 'note' in event.payload && typeof event.payload.note === 'string' ? event.payload.note : '';
}

/** What a created or changed row is, from its event's type (`team.created` → team). */
function kindOf(type: `${'team' | 'station' | 'skill' | 'worker'}.${string}`): 'team' | 'station' | 'skill' | 'worker' {
  return type.slice(0, type.indexOf('.')) as 'team' | 'station' | 'skill' | 'worker';
}
