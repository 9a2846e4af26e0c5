import { CONFIRMATION_EVENT_TYPES, confirmationsOf, fundReport, type FundPeriod, type FundRow } from '../../domain/fundReport';
import { normaliseLevel, type LevelRecord, type Worker } from '../../domain/model';
import { progressOf, type QualificationProgress } from '../../domain/progress';
import type { Consent, Qualification } from '../../domain/qualification';
import { byName, compareText } from '../../domain/sort';
import { allLevels, db, levelsOfWorker } from '../store';
import { useLive } from './liveQuery';
import { readAll, readOne, readWhere } from './readTables';

/** Qualifications, their mappings, and each worker's progress toward them. */

/** Everything the qualification screens read, live: qualifications, mappings, progress per worker. */
export function useQualificationData(selected: string | null) {
  return useLive(async () => {
    const [qualifications, mappings, skills, workers, levels, consents] = await Promise.all([
      readAll('qualifications'),
      readAll('mappings'),
      readAll('skills'),
      readAll('workers'),
      selected ? allLevels() : Promise.resolve([]),
      readAll('consents'),
    ]);
    const q = qualifications.find((x) => x.id === selected) ?? null;
    const skillsById = new Map(skills.map((s) => [s.id, s]));
    const byWorker = new Map<string, Map<string, LevelRecord>>();
    for (const l of levels) {
      const n = normaliseLevel(l);
      if (!byWorker.has(n.workerId)) byWorker.set(n.workerId, new Map());
      byWorker.get(n.workerId)!.set(n.skillId, n);
    }
    const now = Date.now();
    const progress = new Map<string, QualificationProgress>();
    if (q) for (const w of workers.filter((x) => !x.archived)) progress.set(w.id, progressOf(q, mappings, byWorker.get(w.id) ?? new Map(), skillsById, now));
    return {
      qualifications: qualifications.sort((a, b) => compareText(a.title, b.title) || (a.version < b.version ? 1 : -1)),
      qualification: q,
      mappings: mappings.filter((m) => !m.removed && m.qualificationId === selected),
      skills: skills.filter((s) => !s.archived).sort(byName),
      skillsById,
      workers: workers.filter((w) => !w.archived),
      progress,
      consents,
    };
  }, [selected]);
}

/** A worker's way toward their target qualification, and the consents they gave. */
export function useMyProgress(person: Worker) {
  return useLive(async () => {
    const target = person.targetQualificationId;
    const [q, mappings, levels, skills, consents, qualifications] = await Promise.all([
      readOne('qualifications', target),
      target ? readWhere('mappings', 'qualificationId', target) : [],
      levelsOfWorker(person.id),
      readAll('skills'),
      readWhere('consents', 'workerId', person.id),
      readAll('qualifications'),
    ]);
    const progress = q ? progressOf(q, mappings, new Map(levels.map((l) => [l.skillId, normaliseLevel(l)])), new Map(skills.map((s) => [s.id, s])), Date.now()) : null;
    return { q, progress, consents: consents.filter((c) => !c.withdrawn), titles: new Map(qualifications.map((x) => [x.id, x.title])) };
  }, [person.id, person.targetQualificationId]);
}

/** The consent standing for this worker and qualification, if any. */
/** The worker's consent in force for this qualification: the newest one not withdrawn (the one exports are made under). */
export async function activeConsent(workerId: string, qid: string): Promise<Consent | undefined> {
  return (await readWhere('consents', 'workerId', workerId)).filter((c) => c.qualificationId === qid && !c.withdrawn).sort((a, b) => (a.givenAt < b.givenAt ? 1 : -1))[0];
}

/** The person and their standing consent, for the evidence dialog. */
export function useEvidenceSubject(workerId: string, qid: string) {
  return useLive(async () => ({ worker: await readOne('workers', workerId), consent: (await activeConsent(workerId, qid)) ?? null }), [workerId, qid]);
}

/**
 * The fund report's rows for a qualification and period (read once, when asked): levels as the
 * log confirmed them up to the period's end, not as they stand today.
 */
export async function fundReportRows(q: Qualification, period: FundPeriod, labels: { total: string; noTeam: string }): Promise<FundRow[]> {
  const [mappings, workers, teams, skills, sessions, events] = await Promise.all([
    readAll('mappings'),
    readAll('workers'),
    readAll('teams'),
    readAll('skills'),
    readAll('sessions'),
    db.events
      .where('type')
      .anyOf([...CONFIRMATION_EVENT_TYPES])
      .toArray(),
  ]);
  return fundReport({
    qualification: q,
    mappings,
    workers,
    teams,
    confirmations: events.flatMap(confirmationsOf),
    skills: new Map(skills.map((s) => [s.id, s])),
    sessions,
    period,
    totalLabel: labels.total,
    noTeamLabel: labels.noTeam,
  });
}
