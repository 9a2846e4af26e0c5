import type { VaardigEvent } from '../../domain/events';
import { normaliseLevel } from '../../domain/model';
import { deviceNames, mentionedIds, personalData, type PersonalData, type PersonalSources } from '../../domain/personalData';
import { db, levelsOfWorker } from '../store';
import { openedEvents, readAll, readOne, readWhere } from './readTables';

/**
 * Everything this device keeps about one person (issue 18, "see and take my data"): read once
 * when they ask, never kept live. The shape is documented in domain/personalData.ts.
 */
export async function collectPersonalData(workerId: string, now: number): Promise<PersonalData | undefined> {
  const person = await readOne('workers', workerId);
  if (!person) return undefined;
  const [levels, learning, coaching, ownAssignments, coachedAssignments, wishes, consents, devices, pin, events] = await Promise.all([
    levelsOfWorker(workerId),
    readWhere('sessions', 'learnerId', workerId),
    readWhere('sessions', 'coachId', workerId),
    readWhere('assignments', 'workerId', workerId),
    readWhere('assignments', 'coachId', workerId),
    readWhere('wishes', 'workerId', workerId),
    readWhere('consents', 'workerId', workerId),
    readAll('devices'),
    db.credentials.get(workerId),
    eventsAbout(workerId),
  ]);
  const sources: Omit<PersonalSources, 'names'> = {
    person,
    levels: levels.map(normaliseLevel),
    // A session where someone coached themself is one session, not two.
    sessions: [...new Map([...learning, ...coaching].map((x) => [x.id, x])).values()],
    assignments: [...new Map([...ownAssignments, ...coachedAssignments].map((a) => [a.id, a])).values()],
    wishes: wishes.map(({ skillId, wished }) => ({ skillId, wished })),
    consents,
    devices: devices.filter((d) => deviceNames(d, workerId)),
    pinStored: Boolean(pin),
    events,
  };
  return personalData({ ...sources, names: await namesOf(mentionedIds(sources)) }, now);
}

/**
 * Every log event about this person: whose `refs` name them, one of their cells
 * (`person|skill`) or one of their assignments (a change of one names only the assignment),
 * that they made, or that lets them choose a PIN on a device. The one place this file reads
 * events: their sealed texts opened here.
 */
async function eventsAbout(workerId: string): Promise<VaardigEvent[]> {
  const cellPrefix = `${workerId}|`;
  const [learning, coaching] = await Promise.all([readWhere('assignments', 'workerId', workerId), readWhere('assignments', 'coachId', workerId)]);
  const theirs = new Set([workerId, ...learning.map((a) => a.id), ...coaching.map((a) => a.id)]);
  return db.events
    .filter((e) => e.actor === workerId || e.refs.some((r) => theirs.has(r) || r.startsWith(cellPrefix)) || (e.type === 'device.enrolled' && e.payload.pinFor === workerId))
    .toArray()
    .then(openedEvents);
}

/** The names of only the ids these records mention: the file holds nothing else about others. */
async function namesOf(ids: ReadonlySet<string>): Promise<PersonalSources['names']> {
  const [workers, skills, stations, teams, qualifications, devices] = await Promise.all([
    readAll('workers'),
    readAll('skills'),
    readAll('stations'),
    readAll('teams'),
    readAll('qualifications'),
    readAll('devices'),
  ]);
  const mentioned = <R extends { id: string }, V>(rows: readonly R[], value: (r: R) => V) => new Map(rows.filter((r) => ids.has(r.id)).map((r) => [r.id, value(r)] as const));
  const usedSkills = mentioned(skills, (s) => ({ name: s.name, stationId: s.stationId }));
  const stationIds = new Set([...usedSkills.values()].map((s) => s.stationId));
  return {
    people: mentioned(workers, (w) => w.name),
    skills: usedSkills,
    stations: new Map(stations.filter((s) => stationIds.has(s.id)).map((s) => [s.id, s.name] as const)),
    teams: mentioned(teams, (t) => t.name),
    qualifications: mentioned(qualifications, (q) => q.title),
    devices: new Map(devices.filter((d) => ids.has(d.id) && d.name).map((d) => [d.id, d.name!] as const)),
  };
}
