import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data/db';
import { normaliseLevel, type LevelRecord } from '../../domain/model';
import { progressOf, type QualificationProgress } from '../../domain/progress';
import { allLevels } from '../../data/levels';
import { compareText } from '../../domain/sort';

/** Everything the qualification screens read, live: qualifications, mappings, progress per worker. */
export function useQualificationData(selected: string | null) {
  return useLiveQuery(async () => {
    const [qualifications, mappings, skills, workers, levels, consents] = await Promise.all([
      db.qualifications.toArray(),
      db.mappings.toArray(),
      db.skills.toArray(),
      db.workers.toArray(),
      selected ? allLevels() : Promise.resolve([]),
      db.consents.toArray(),
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
      skills: skills.filter((s) => !s.archived).sort((a, b) => compareText(a.name, b.name)),
      skillsById,
      workers: workers.filter((w) => !w.archived),
      progress,
      consents,
    };
  }, [selected]);
}
