import { leftBefore } from '../../domain/privacy/retention';
import { coverageOverTime, minutesBy, weekPoints } from '../../domain/coachingStats';
import { isOpenAssignment, type Assignment } from '../../domain/model';
import { db } from '../store';
import { useLive } from './liveQuery';
import { readAll } from './readTables';

/** Assignments that are still running (open or in progress). */
export function useOpenAssignments(): Assignment[] | undefined {
  return useLive(async () => (await readAll('assignments')).filter(isOpenAssignment), []);
}

/** Coaching minutes per learner, coach and skill in a period, and coverage over the 12 weeks up to `now`. */
export async function coachingOverview(from: string, to: string, teamId: string, now = Date.now()) {
  const [sessions, events, skills, workers] = await Promise.all([
    readAll('sessions'),
    db.events.where('type').anyOf('level.set', 'claim.confirmed', 'levels.recorded').toArray(),
    readAll('skills'),
    readAll('workers'),
  ]);
  // Everyone who was there in the period: people who left (or were forgotten) later still count.
  const members = new Set(workers.filter((w) => !leftBefore(w, new Date(`${from}T00:00:00`).getTime()) && (!teamId || w.teamId === teamId)).map((w) => w.id));
  const activeSkills = skills.filter((s) => !s.archived);
  const ofMembers = sessions.filter((s) => members.has(s.learnerId));
  return {
    byLearner: minutesBy(ofMembers, 'learnerId', from, to),
    byCoach: minutesBy(ofMembers, 'coachId', from, to),
    bySkill: minutesBy(ofMembers, 'skillId', from, to),
    series: coverageOverTime(events, activeSkills, (id) => members.has(id), weekPoints(now, 12)),
    skillCount: activeSkills.length,
  };
}

export function useCoachingOverview(from: string, to: string, teamId: string) {
  return useLive(() => coachingOverview(from, to, teamId), [from, to, teamId]);
}
