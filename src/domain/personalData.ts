import type { VaardigEvent } from './events';
import { hlcMillis } from './hlc';
import { LEVELS, type LevelCode } from './levels';
import { deviceStatus, type Assignment, type AssignmentStatus, type CoachingSession, type Device, type DeviceStatus, type LevelRecord, type Role, type Worker } from './model';
import type { Consent } from './qualification';

/**
 * "See and take my data" (issue 18): everything this device keeps about one person, as one
 * plain object a person can read and a program can re-read. Field names are English and do
 * not change with the UI language; dates are ISO 8601; every id that has a name carries it
 * beside the id. The shape is versioned (`format`, `version`): a field is only ever added.
 * Words in the user's language (the legend's labels, one line per log event) are added when
 * the file is made (src/features/mine/myDataFile.ts), not here.
 */
export const PERSONAL_DATA_FORMAT = 'vaardig-personal-data';
export const PERSONAL_DATA_VERSION = 1;

/** Something with an id and, where the log knows one, its name. */
export interface Named {
  id: string;
  name: string | null;
}

export interface PersonalData {
  format: typeof PERSONAL_DATA_FORMAT;
  version: typeof PERSONAL_DATA_VERSION;
  /** When this copy was made (ISO). */
  madeAt: string;
  person: {
    id: string;
    name: string;
    team: Named;
    role: Role;
    /** Trained as a peer coach since (YYYY-MM-DD), or null. */
    coachSince: string | null;
    archived: boolean;
    showInitials: boolean;
    targetQualification: Named | null;
  };
  /** What the level codes mean (`key` is stable; the file adds the label in the user's language). */
  legend: { levels: { code: LevelCode; rank: number; key: string }[] };
  /** Every skill the person has a level, a claim or an outcome for. */
  levels: {
    skill: Named;
    station: Named | null;
    /** The confirmed level ('-' = not yet). */
    level: LevelCode;
    confirmedBy: Named | null;
    confirmedAt: string | null;
    note: string;
    /** A claim still waiting for confirmation. */
    claim: { level: LevelCode; at: string; note: string } | null;
    /** What became of the last claim. */
    lastOutcome: { kind: 'confirmed' | 'adjusted' | 'declined'; claimedLevel: LevelCode; by: Named | null; at: string; reason: string } | null;
  }[];
  sessions: { asLearner: SessionRecord[]; asCoach: SessionRecord[] };
  assignments: { asLearner: AssignmentRecord[]; asCoach: AssignmentRecord[] };
  /** "I would like to learn this": kept on this device only, never sent to the company. */
  wishes: { skill: Named; wished: boolean }[];
  consents: {
    id: string;
    qualification: Named;
    recipient: string;
    purpose: string;
    givenAt: string;
    withdrawn: boolean;
    withdrawnAt: string | null;
  }[];
  /** Devices that name this person: a PIN may be chosen there, or they let it in or took it out. */
  devices: { id: string; name: string | null; status: DeviceStatus; why: ('pinFor' | 'enrolledBy' | 'revokedBy')[]; enrolledAt: string | null; revokedAt: string | null }[];
  /** Only whether a PIN is kept on this device: its hash never leaves the device, not even here. */
  pin: { storedOnThisDevice: boolean };
  /** Open Badges are signed when a lead makes them and go straight into the download: none are kept. */
  credentials: { kept: 0 };
  /** Every log event about this person or made by them, oldest first, as it is stored. */
  history: HistoryRecord[];
  /** The name of every id this file mentions that has one (and only those: nobody else's data). */
  names: Record<string, { kind: NameKind; name: string }>;
}

export type NameKind = 'person' | 'skill' | 'station' | 'team' | 'qualification' | 'device';

export interface SessionRecord {
  id: string;
  date: string;
  skill: Named;
  coach: Named;
  learner: Named;
  assignmentId: string | null;
  minutes: number;
  practised: string;
  levelReached: LevelCode | null;
  recordedAt: string;
}

export interface AssignmentRecord {
  id: string;
  skill: Named;
  learner: Named;
  coach: Named;
  targetLevel: LevelCode;
  dueDate: string | null;
  status: AssignmentStatus;
  createdAt: string;
}

export interface HistoryRecord {
  eventId: string;
  type: VaardigEvent['type'];
  at: string;
  /** The log's own clock stamp (orders events across devices). */
  stamp: string;
  by: Named | null;
  device: Named;
  refs: string[];
  payload: VaardigEvent['payload'];
}

/** What the query reads for one person; the names are only those the person's records mention. */
export interface PersonalSources {
  person: Worker;
  levels: readonly LevelRecord[];
  sessions: readonly CoachingSession[];
  assignments: readonly Assignment[];
  wishes: readonly { skillId: string; wished: boolean }[];
  consents: readonly Consent[];
  devices: readonly Device[];
  pinStored: boolean;
  events: readonly VaardigEvent[];
  names: {
    people: ReadonlyMap<string, string>;
    skills: ReadonlyMap<string, { name: string; stationId: string }>;
    stations: ReadonlyMap<string, string>;
    teams: ReadonlyMap<string, string>;
    qualifications: ReadonlyMap<string, string>;
    devices: ReadonlyMap<string, string>;
  };
}

/** An HLC stamp or empty as an ISO date (null when there is none). */
export function isoOfStamp(stamp: string | null | undefined): string | null {
  return stamp ? new Date(hlcMillis(stamp)).toISOString() : null;
}

const iso = (stamp: string) => isoOfStamp(stamp) ?? '';

/** The ids of people, skills, devices… that a person's records mention, so only their names are read. */
export function mentionedIds(s: Omit<PersonalSources, 'names'>): Set<string> {
  const ids = new Set<string>([s.person.id, s.person.teamId]);
  if (s.person.targetQualificationId) ids.add(s.person.targetQualificationId);
  for (const l of s.levels) [l.skillId, l.by, l.outcome?.by].forEach((x) => x && ids.add(x));
  for (const x of s.sessions) [x.coachId, x.learnerId, x.skillId].forEach((id) => ids.add(id));
  for (const a of s.assignments) [a.coachId, a.workerId, a.skillId].forEach((id) => ids.add(id));
  for (const w of s.wishes) ids.add(w.skillId);
  for (const c of s.consents) ids.add(c.qualificationId);
  for (const d of s.devices) ids.add(d.id);
  for (const e of s.events) {
    [e.actor, e.device].forEach((x) => x && ids.add(x));
    for (const r of e.refs) r.split('|').forEach((x) => ids.add(x));
    if (e.type === 'levels.recorded') e.payload.cells.forEach((c) => ids.add(c.skillId));
  }
  return ids;
}

/** Puts the person's records together into the file's shape (pure: the time is passed in). */
export function personalData(s: PersonalSources, now: number): PersonalData {
  const { names } = s;
  const named = (map: ReadonlyMap<string, string>, id: string): Named => ({ id, name: map.get(id) ?? null });
  const person = (id: string) => named(names.people, id);
  const maybePerson = (id: string | null) => (id ? person(id) : null);
  const skill = (id: string): Named => ({ id, name: names.skills.get(id)?.name ?? null });
  const session = (x: CoachingSession): SessionRecord => ({
    id: x.id,
    date: x.date,
    skill: skill(x.skillId),
    coach: person(x.coachId),
    learner: person(x.learnerId),
    assignmentId: x.assignmentId,
    minutes: x.minutes,
    practised: x.practised,
    levelReached: x.levelReached,
    recordedAt: iso(x.at),
  });
  const assignment = (a: Assignment): AssignmentRecord => ({
    id: a.id,
    skill: skill(a.skillId),
    learner: person(a.workerId),
    coach: person(a.coachId),
    targetLevel: a.targetLevel,
    dueDate: a.dueDate,
    status: a.status,
    createdAt: iso(a.createdAt),
  });
  const me = s.person.id;
  const byDate = <T extends { date: string; recordedAt: string }>(a: T, b: T) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt);
  const byCreated = <T extends { createdAt: string }>(a: T, b: T) => a.createdAt.localeCompare(b.createdAt);
  return {
    format: PERSONAL_DATA_FORMAT,
    version: PERSONAL_DATA_VERSION,
    madeAt: new Date(now).toISOString(),
    person: {
      id: me,
      name: s.person.name,
      team: named(names.teams, s.person.teamId),
      role: s.person.role,
      coachSince: s.person.coachSince,
      archived: s.person.archived,
      showInitials: s.person.showInitials,
      targetQualification: s.person.targetQualificationId ? named(names.qualifications, s.person.targetQualificationId) : null,
    },
    legend: { levels: LEVELS.map((l) => ({ code: l.code, rank: l.rank, key: l.key })) },
    levels: s.levels.map((l) => {
      const stationId = names.skills.get(l.skillId)?.stationId;
      return {
        skill: skill(l.skillId),
        station: stationId ? named(names.stations, stationId) : null,
        level: l.level,
        confirmedBy: l.level === '-' ? null : maybePerson(l.by),
        confirmedAt: l.level === '-' ? null : isoOfStamp(l.at),
        note: l.note,
        claim: l.claim && { level: l.claim.level, at: iso(l.claim.at), note: l.claim.note },
        lastOutcome: l.outcome && { kind: l.outcome.kind, claimedLevel: l.outcome.claimedLevel, by: maybePerson(l.outcome.by), at: iso(l.outcome.at), reason: l.outcome.reason },
      };
    }),
    sessions: {
      asLearner: s.sessions
        .filter((x) => x.learnerId === me)
        .map(session)
        .sort(byDate),
      asCoach: s.sessions
        .filter((x) => x.coachId === me)
        .map(session)
        .sort(byDate),
    },
    assignments: {
      asLearner: s.assignments
        .filter((a) => a.workerId === me)
        .map(assignment)
        .sort(byCreated),
      asCoach: s.assignments
        .filter((a) => a.coachId === me)
        .map(assignment)
        .sort(byCreated),
    },
    wishes: s.wishes.map((w) => ({ skill: skill(w.skillId), wished: w.wished })),
    consents: s.consents
      .map((c) => ({
        id: c.id,
        qualification: named(names.qualifications, c.qualificationId),
        recipient: c.recipient,
        purpose: c.purpose,
        givenAt: iso(c.givenAt),
        withdrawn: c.withdrawn,
        withdrawnAt: isoOfStamp(c.withdrawnAt),
      }))
      .sort((a, b) => a.givenAt.localeCompare(b.givenAt)),
    devices: s.devices.map((d) => ({
      id: d.id,
      name: d.name || names.devices.get(d.id) || null,
      status: deviceStatus(d),
      why: [d.pinFor === me && ('pinFor' as const), d.enrolledBy === me && ('enrolledBy' as const), d.revokedBy === me && ('revokedBy' as const)].filter((w) => w !== false),
      enrolledAt: isoOfStamp(d.enrolledAt),
      revokedAt: isoOfStamp(d.revokedAt),
    })),
    pin: { storedOnThisDevice: s.pinStored },
    credentials: { kept: 0 },
    history: [...s.events]
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
      .map((e) => ({
        eventId: e.id,
        type: e.type,
        at: iso(e.at),
        stamp: e.at,
        by: maybePerson(e.actor),
        device: named(names.devices, e.device),
        refs: e.refs,
        payload: e.payload,
      })),
    names: nameIndex(names),
  };
}

function nameIndex(names: PersonalSources['names']): PersonalData['names'] {
  const kinds: [NameKind, ReadonlyMap<string, string | { name: string }>][] = [
    ['person', names.people],
    ['skill', names.skills],
    ['station', names.stations],
    ['team', names.teams],
    ['qualification', names.qualifications],
    ['device', names.devices],
  ];
  const entries = kinds.flatMap(([kind, map]) => [...map].map(([id, v]) => [id, { kind, name: typeof v === 'string' ? v : v.name }] as const));
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Whether a device row names this person (they may choose a PIN there, or let it in or took it out). */
export function deviceNames(device: Device, workerId: string): boolean {
  return device.pinFor === workerId || device.enrolledBy === workerId || device.revokedBy === workerId;
}
