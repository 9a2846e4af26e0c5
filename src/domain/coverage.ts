import { levelOf } from './levels';
import type { LevelRecord, Skill } from './model';
import { isExpired } from './validity';

/**
 * Coverage of a skill: how many people can do it alone (U or O, confirmed, not expired)
 * against its target, and whether it can be taught in-house.
 */
export type CoverageStatus = 'nobody' | 'singlePoint' | 'gap' | 'ok';

export interface SkillCoverage {
  skillId: string;
  target: number;
  capable: number;
  teachers: number;
  /** Claims at U or O still waiting for confirmation: they do not count yet. */
  claimedCapable: number;
  status: CoverageStatus;
  /** Nobody at O: the skill cannot be taught by a colleague. */
  noTeacher: boolean;
}

/** True when this record makes its worker count for the skill's coverage. */
export function countsForCoverage(record: Pick<LevelRecord, 'level' | 'at'>, skill: Pick<Skill, 'validityMonths'>, now: number): boolean {
  return levelOf(record.level).countsForCoverage && !isExpired(record, skill, now);
}

export function coverageOf(skill: Pick<Skill, 'id' | 'targetCoverage' | 'validityMonths'>, records: Iterable<LevelRecord>, isActiveWorker: (workerId: string) => boolean, now: number): SkillCoverage {
  let capable = 0;
  let teachers = 0;
  let claimedCapable = 0;
  for (const r of records) {
    if (r.skillId !== skill.id || !isActiveWorker(r.workerId)) continue;
    if (countsForCoverage(r, skill, now)) {
      capable++;
      if (levelOf(r.level).mayCoach) teachers++;
    } else if (r.claim && levelOf(r.claim.level).countsForCoverage) {
      claimedCapable++;
    }
  }
  return { skillId: skill.id, target: skill.targetCoverage, capable, teachers, claimedCapable, status: statusOf(capable, skill.targetCoverage), noTeacher: teachers === 0 };
}

function statusOf(capable: number, target: number): CoverageStatus {
  if (capable === 0) return 'nobody';
  if (capable === 1 && target > 1) return 'singlePoint';
  if (capable < target) return 'gap';
  return 'ok';
}

/** How many active skills a worker can do alone (the other half of the 1-3 rule). */
export function capableSkillCount(records: Iterable<LevelRecord>, skillsById: ReadonlyMap<string, Pick<Skill, 'validityMonths' | 'archived'>>, now: number): number {
  let n = 0;
  for (const r of records) {
    const skill = skillsById.get(r.skillId);
    if (skill && !skill.archived && countsForCoverage(r, skill, now)) n++;
  }
  return n;
}
