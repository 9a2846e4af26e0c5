import { atLeast, type LevelCode } from './levels';
import type { LevelRecord, Skill } from './model';
import { werkprocessenOf, type Mapping, type Qualification } from './qualification';
import { isExpired } from './validity';

/**
 * How far a worker is toward a qualification, per werkproces, from approved mappings and
 * confirmed (unexpired) levels only — the same basis the evidence exports use.
 * - shown: every mapped skill is confirmed at its required level, and at least one of them
 *   covers the werkproces fully;
 * - partly: some mapped skill is met (or all are, but each covers it only partly);
 * - missing: nothing met, or nothing mapped yet.
 */
export type WerkprocesStatus = 'shown' | 'partly' | 'missing';

export interface SkillEvidence {
  skillId: string;
  requiredLevel: LevelCode;
  coverage: Mapping['coverage'];
  level: LevelCode;
  met: boolean;
  confirmedBy: string | null;
  confirmedAt: string;
}

export interface WerkprocesProgress {
  code: string;
  title: string;
  kerntaak: string;
  kerntaakTitle: string;
  status: WerkprocesStatus;
  skills: SkillEvidence[];
}

export interface QualificationProgress {
  qualificationId: string;
  werkprocessen: WerkprocesProgress[];
  shown: number;
  total: number;
}

export function progressOf(
  qualification: Qualification,
  mappings: readonly Mapping[],
  levelsBySkill: ReadonlyMap<string, LevelRecord>,
  skillsById: ReadonlyMap<string, Pick<Skill, 'validityMonths' | 'archived'>>,
  now: number,
): QualificationProgress {
  const active = mappings.filter((m) => m.qualificationId === qualification.id && m.status === 'approved' && !m.removed && skillsById.get(m.skillId) && !skillsById.get(m.skillId)!.archived);
  const werkprocessen = werkprocessenOf(qualification).map((wp): WerkprocesProgress => {
    const skills = active
      .filter((m) => m.werkproces === wp.code)
      .sort((a, b) => (a.skillId < b.skillId ? -1 : 1))
      .map((m): SkillEvidence => {
        const record = levelsBySkill.get(m.skillId);
        const level = record && !isExpired(record, skillsById.get(m.skillId)!, now) ? record.level : '-';
        return {
          skillId: m.skillId,
          requiredLevel: m.requiredLevel,
          coverage: m.coverage,
          level,
          met: atLeast(level, m.requiredLevel),
          confirmedBy: record?.by ?? null,
          confirmedAt: record?.at ?? '',
        };
      });
    const met = skills.filter((s) => s.met);
    const status: WerkprocesStatus = skills.length && met.length === skills.length && skills.some((s) => s.coverage === 'full') ? 'shown' : met.length ? 'partly' : 'missing';
    return { code: wp.code, title: wp.title, kerntaak: wp.kerntaak.code, kerntaakTitle: wp.kerntaak.title, status, skills };
  });
  return { qualificationId: qualification.id, werkprocessen, shown: werkprocessen.filter((w) => w.status === 'shown').length, total: werkprocessen.length };
}
