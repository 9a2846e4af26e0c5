import { hlcMillis } from './hlc';
import type { CoachingSession, LevelRecord, Skill, Team, Worker } from './model';
import { progressOf } from './progress';
import type { Mapping, Qualification } from './qualification';
import { compareText } from './sort';
import { FUND_REPORT_MIN_GROUP } from './thresholds';

/**
 * The anonymous report for an O&O fund: per team and in total, for a period and a
 * qualification — participants, confirmed skills, coaching hours, werkprocessen shown.
 * Any group of fewer than FUND_REPORT_MIN_GROUP people is suppressed (DESIGN §5), the total included.
 */

export interface FundRow {
  group: string;
  participants: number | null;
  confirmedSkills: number | null;
  coachingHours: number | null;
  werkprocessenShown: number | null;
  suppressed: boolean;
}

export function fundReport(input: {
  qualification: Qualification;
  mappings: readonly Mapping[];
  workers: readonly Worker[];
  teams: readonly Team[];
  levels: readonly LevelRecord[];
  skills: ReadonlyMap<string, Skill>;
  sessions: readonly CoachingSession[];
  from: string;
  to: string;
  now: number;
  totalLabel: string;
}): FundRow[] {
  const mapped = new Set(input.mappings.filter((m) => m.qualificationId === input.qualification.id && m.status === 'approved' && !m.removed).map((m) => m.skillId));
  const inPeriod = (ms: number) => {
    const day = new Date(ms).toISOString().slice(0, 10);
    return day >= input.from && day <= input.to;
  };
  const perWorker = input.workers
    .filter((w) => !w.archived)
    .map((w) => {
      const own = input.levels.filter((l) => l.workerId === w.id);
      const confirmed = own.filter((l) => mapped.has(l.skillId) && l.level !== '-' && l.at && inPeriod(hlcMillis(l.at))).length;
      const minutes = input.sessions.filter((s) => s.learnerId === w.id && mapped.has(s.skillId) && s.date >= input.from && s.date <= input.to).reduce((n, s) => n + s.minutes, 0);
      const shown = progressOf(input.qualification, input.mappings, new Map(own.map((l) => [l.skillId, l])), input.skills, input.now).shown;
      return { worker: w, confirmed, minutes, shown, participates: confirmed > 0 || minutes > 0 };
    })
    .filter((x) => x.participates);
  const row = (group: string, members: typeof perWorker): FundRow =>
    members.length < FUND_REPORT_MIN_GROUP
      ? { group, participants: null, confirmedSkills: null, coachingHours: null, werkprocessenShown: null, suppressed: true }
      : {
          group,
          participants: members.length,
          confirmedSkills: members.reduce((n, m) => n + m.confirmed, 0),
          coachingHours: Math.round((members.reduce((n, m) => n + m.minutes, 0) / 60) * 10) / 10,
          werkprocessenShown: members.reduce((n, m) => n + m.shown, 0),
          suppressed: false,
        };
  const teams = [...input.teams].sort((a, b) => compareText(a.name, b.name));
  return [
    ...teams
      .map((t) =>
        row(
          t.name,
          perWorker.filter((m) => m.worker.teamId === t.id),
        ),
      )
      .filter((r) => r.suppressed || (r.participants ?? 0) > 0),
    row(input.totalLabel, perWorker),
  ];
}
