import { hlcMillis } from './hlc';
import { expiresAt } from './validity';
import type { LevelCode } from './levels';
import type { CoachingSession, LevelRecord, Skill } from './model';
import type { StepHow } from './instructions';
import { progressOf, type WerkprocesStatus } from './progress';
import { werkprocessenOf, type Mapping, type Qualification, type QualificationPart } from './qualification';

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
  /** Who confirmed the level; '' when nobody did (see recordedAtStart) or there is no level. */
  confirmedBy: string;
  /**
   * The level was written with nobody as its author: when the workshop was set up (the demo's
   * lead's own levels) or by a version of Vaardig from before people signed in. Nobody
   * confirmed it by name, and the exports say so instead of leaving "confirmed by" empty.
   */
  recordedAtStart: boolean;
  /** ISO date-time of the confirmation, '' when none. */
  confirmedAt: string;
  /** When the confirmation runs out (ISO), for a skill that must be shown again; '' if it does not. */
  validUntil: string;
  note: string;
  sessions: EvidenceSession[];
}

export interface EvidenceSession {
  date: string;
  minutes: number;
  coach: string;
  practised: string;
  /** The work instruction's steps ticked in the session, by title (only when steps were ticked). */
  steps?: { title: string; how: StepHow }[];
  /** The hash of a photo of the finished work (only when there is one; its bytes: `Evidence.photos`). */
  photo?: string;
}

export interface EvidenceWerkproces {
  code: string;
  title: string;
  /** The werkproces as the dossier describes it ('' when the file has no description). */
  description: string;
  kerntaak: string;
  kerntaakTitle: string;
  /** The part of the qualification it belongs to: basisdeel or profieldeel. */
  part: Pick<QualificationPart, 'code' | 'kind' | 'title'>;
  status: WerkprocesStatus;
  skills: EvidenceSkill[];
}

/** Who signs the portfolio for the company: a team lead, or a colleague-coach (at O) who confirmed. */
export interface Praktijkopleider {
  name: string;
  role: 'lead' | 'coach';
}

export interface Evidence {
  worker: { id: string; name: string };
  company: string;
  /** The company's KvK number and SBB leerbedrijf-ID; '' when not filled in. */
  kvkNumber: string;
  leerbedrijfId: string;
  qualification: { id: string; crebo: string; title: string; niveau: number; version: string; example: boolean; parts: Pick<QualificationPart, 'code' | 'kind' | 'title'>[] };
  /** The worker's consent the export is made under (to whom, for what, given when, ISO). */
  consent: { recipient: string; purpose: string; givenAt: string } | null;
  /** Who signs as praktijkopleider; null when nobody can be named (a line to fill in by hand). */
  praktijkopleider: Praktijkopleider | null;
  generatedAt: string;
  werkprocessen: EvidenceWerkproces[];
  shown: number;
  total: number;
  coachingMinutes: number;
  /** The session photos the exports show, by hash (filled in by the data layer: bytes are not the domain's). */
  photos?: Record<string, { bytes: Uint8Array; width: number; height: number }>;
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
  kvkNumber?: string;
  leerbedrijfId?: string;
  /** The consent in force: givenAt as the event's stamp. */
  consent?: { recipient: string; purpose: string; givenAt: string } | null;
  /** Who makes the export, and who is a lead or coach (for the praktijkopleider). */
  actor?: string | null;
  roleOf?: (personId: string) => Praktijkopleider['role'] | null;
  /** The steps of a skill's instruction version (the one a session was ticked against). */
  instructionSteps?: (skillId: string, version: number) => readonly { title: string }[] | undefined;
}): Evidence {
  const { worker, qualification: q, nameOf, now } = input;
  const progress = progressOf(q, input.mappings, input.levels, input.skills, now);
  const mine = input.sessions.filter((s) => s.learnerId === worker.id);
  const partOf = new Map(werkprocessenOf(q).map((w) => [w.code, { w, part: { code: w.part.code, kind: w.part.kind, title: w.part.title } }]));
  const werkprocessen = progress.werkprocessen.map((wp) => ({
    ...wp,
    description: partOf.get(wp.code)!.w.description,
    part: partOf.get(wp.code)!.part,
    skills: wp.skills.map((s) => ({
      skillId: s.skillId,
      name: input.skills.get(s.skillId)?.name ?? '',
      requiredLevel: s.requiredLevel,
      coverage: s.coverage,
      level: s.level,
      met: s.met,
      confirmedBy: s.level !== '-' && s.confirmedBy ? nameOf(s.confirmedBy) : '',
      recordedAtStart: s.level !== '-' && !s.confirmedBy,
      confirmedAt: s.confirmedAt && s.level !== '-' ? new Date(hlcMillis(s.confirmedAt)).toISOString() : '',
      validUntil: untilIso(s.confirmedAt && s.level !== '-' ? expiresAt({ at: s.confirmedAt, level: s.level }, input.skills.get(s.skillId) ?? { validityMonths: null }) : null),
      note: input.levels.get(s.skillId)?.note ?? '',
      sessions: mine
        .filter((x) => x.skillId === s.skillId)
        .sort((a, b) => (a.date < b.date ? -1 : 1))
        .map((x) => sessionEvidence(x, nameOf, input.instructionSteps)),
    })),
  }));
  const mappedSkills = new Set(werkprocessen.flatMap((w) => w.skills.map((s) => s.skillId)));
  return {
    worker,
    company: input.company,
    kvkNumber: input.kvkNumber ?? '',
    leerbedrijfId: input.leerbedrijfId ?? '',
    qualification: {
      id: q.id,
      crebo: q.crebo,
      title: q.title,
      niveau: q.niveau,
      version: q.version,
      example: q.example,
      parts: q.parts.map((p) => ({ code: p.code, kind: p.kind, title: p.title })),
    },
    consent: input.consent ? { ...input.consent, givenAt: new Date(hlcMillis(input.consent.givenAt)).toISOString() } : null,
    praktijkopleider: praktijkopleiderOf(progress.werkprocessen, worker.id, input.actor ?? null, input.roleOf ?? (() => null), nameOf),
    generatedAt: new Date(now).toISOString(),
    werkprocessen,
    shown: progress.shown,
    total: progress.total,
    coachingMinutes: mine.filter((s) => mappedSkills.has(s.skillId)).reduce((n, s) => n + s.minutes, 0),
  };
}

function sessionEvidence(
  x: CoachingSession,
  nameOf: (id: string | null) => string,
  stepsOf: ((skillId: string, version: number) => readonly { title: string }[] | undefined) | undefined,
): EvidenceSession {
  const titles = x.instructionVersion === undefined ? undefined : stepsOf?.(x.skillId, x.instructionVersion);
  const steps = titles && x.steps?.length ? x.steps.map((t) => ({ title: titles[t.step]?.title ?? '', how: t.how })) : undefined;
  return { date: x.date, minutes: x.minutes, coach: nameOf(x.coachId), practised: x.practised, ...(steps ? { steps } : {}), ...(x.photo ? { photo: x.photo } : {}) };
}

const untilIso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
/**
 * Who signs as praktijkopleider: the team lead who makes the portfolio; when the worker makes
 * it themselves, the lead or coach who confirmed most of its levels. Never the worker.
 */
function praktijkopleiderOf(
  werkprocessen: readonly { skills: readonly { level: string; confirmedBy: string | null }[] }[],
  workerId: string,
  actor: string | null,
  roleOf: (id: string) => Praktijkopleider['role'] | null,
  nameOf: (id: string) => string,
): Praktijkopleider | null {
  if (actor && actor !== workerId && roleOf(actor) === 'lead') return { name: nameOf(actor), role: 'lead' };
  const counts = new Map<string, number>();
  for (const wp of werkprocessen)
    for (const s of wp.skills) if (s.level !== '-' && s.confirmedBy && s.confirmedBy !== workerId && roleOf(s.confirmedBy)) counts.set(s.confirmedBy, (counts.get(s.confirmedBy) ?? 0) + 1);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best ? { name: nameOf(best[0]), role: roleOf(best[0])! } : null;
}
