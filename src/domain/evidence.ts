import { hlcMillis } from './hlc';
import { expiresAt } from './validity';
import type { LevelCode } from './levels';
import type { CoachingSession, LevelRecord, Skill } from './model';
import { progressOf, type WerkprocesStatus } from './progress';
import type { Mapping, Qualification } from './qualification';

/**
 * A worker's evidence for one qualification, as every export (PDF, Open Badges, CSV) needs
 * it: per werkproces the skills, confirmed levels, who confirmed them and when, the coaching
 * that led there, and what is still missing. Names are resolved here, once.
 */
export interface EvidenceSkill {
  skillId: string;
  name: string;
  requiredLevel: LevelCode;
  coverage: 'full' | 'partial';
  level: LevelCode;
  met: boolean;
  confirmedBy: string;
  /** ISO date-time of the confirmation, '' when none. */
  confirmedAt: string;
  /** When the confirmation runs out (ISO), for a skill that must be shown again; '' if it does not. */
  validUntil: string;
  note: string;
  sessions: { date: string; minutes: number; coach: string; practised: string }[];
}

export interface EvidenceWerkproces {
  code: string;
  title: string;
  kerntaak: string;
  kerntaakTitle: string;
  status: WerkprocesStatus;
  skills: EvidenceSkill[];
}

export interface Evidence {
  worker: { id: string; name: string };
  company: string;
  qualification: { id: string; crebo: string; title: string; niveau: number; version: string; example: boolean };
  generatedAt: string;
  werkprocessen: EvidenceWerkproces[];
  shown: number;
  total: number;
  coachingMinutes: number;
}

export function buildEvidence(input: {
  worker: { id: string; name: string };
  company: string;
  qualification: Qualification;
  mappings: readonly Mapping[];
  levels: ReadonlyMap<string, LevelRecord>;
  skills: ReadonlyMap<string, Skill>;
  sessions: readonly CoachingSession[];
  nameOf: (personId: string | null) => string;
  now: number;
}): Evidence {
  const { worker, qualification: q, nameOf, now } = input;
  const progress = progressOf(q, input.mappings, input.levels, input.skills, now);
  const mine = input.sessions.filter((s) => s.learnerId === worker.id);
  const werkprocessen = progress.werkprocessen.map((wp) => ({
    ...wp,
    skills: wp.skills.map((s) => ({
      skillId: s.skillId,
      name: input.skills.get(s.skillId)?.name ?? '',
      requiredLevel: s.requiredLevel,
      coverage: s.coverage,
      level: s.level,
      met: s.met,
      confirmedBy: s.level !== '-' ? nameOf(s.confirmedBy) : '',
      confirmedAt: s.confirmedAt && s.level !== '-' ? new Date(hlcMillis(s.confirmedAt)).toISOString() : '',
      validUntil: untilIso(s.confirmedAt && s.level !== '-' ? expiresAt({ at: s.confirmedAt, level: s.level }, input.skills.get(s.skillId) ?? { validityMonths: null }) : null),
      note: input.levels.get(s.skillId)?.note ?? '',
      sessions: mine
        .filter((x) => x.skillId === s.skillId)
        .sort((a, b) => (a.date < b.date ? -1 : 1))
        .map((x) => ({ date: x.date, minutes: x.minutes, coach: nameOf(x.coachId), practised: x.practised })),
    })),
  }));
  const mappedSkills = new Set(werkprocessen.flatMap((w) => w.skills.map((s) => s.skillId)));
  return {
    worker,
    company: input.company,
    qualification: { id: q.id, crebo: q.crebo, title: q.title, niveau: q.niveau, version: q.version, example: q.example },
    generatedAt: new Date(now).toISOString(),
    werkprocessen,
    shown: progress.shown,
    total: progress.total,
    coachingMinutes: mine.filter((s) => mappedSkills.has(s.skillId)).reduce((n, s) => n + s.minutes, 0),
  };
}

const untilIso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
