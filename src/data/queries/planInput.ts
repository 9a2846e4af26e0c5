import { cellRef } from '../../domain/eventRefs';
import { normaliseLevel } from '../../domain/model';
import type { PlanInput, PlanOptions } from '../../domain/planning';
import { allLevels, db } from '../store';
import { readAll } from './readTables';

/** Everything the planner needs, read in one go (the planner itself is pure domain code). */
export async function loadPlanInput(teamId: string | null, options: Partial<PlanOptions>): Promise<PlanInput> {
  const [workers, skills, levels, wishes, assignments] = await db.transaction('r', [db.workers, db.skills, db.levelsByWorker, db.wishes, db.assignments], () =>
    Promise.all([readAll('workers'), readAll('skills'), allLevels(), readAll('wishes'), readAll('assignments')]),
  );
  const active = workers.filter((w) => !w.archived);
  return {
    learners: active.filter((w) => !teamId || w.teamId === teamId),
    workers: active,
    skills: skills.filter((s) => !s.archived).map((s) => ({ ...s, requires: s.requires ?? [] })),
    levels: levels.map(normaliseLevel),
    wishes: new Set(wishes.filter((w) => w.wished).map((w) => cellRef(w.workerId, w.skillId))),
    assignments,
    now: Date.now(),
    options,
  };
}
