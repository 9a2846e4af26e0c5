import type { LevelCode } from './levels';

/**
 * MBO qualification structure (SBB kwalificatiedossier): parts (basisdeel, profieldeel) with
 * kerntaken (B1-K1) and werkprocessen (B1-K1-W1). Vaardig imports fragments from a file; there
 * is no public feed. A qualification is identified by crebo + version (valid-from date), so a
 * newer version sits beside the old one that existing evidence refers to.
 */
export interface Werkproces {
  code: string;
  title: string;
  description: string;
}
export interface Kerntaak {
  code: string;
  title: string;
  werkprocessen: Werkproces[];
}
export interface QualificationPart {
  code: string;
  kind: 'basis' | 'profiel';
  title: string;
  kerntaken: Kerntaak[];
}
export interface Qualification {
  id: string;
  crebo: string;
  title: string;
  niveau: number;
  /** Valid from, YYYY-MM-DD. */
  version: string;
  /** An illustrative example: shown with "voorbeeld" wherever it appears. */
  example: boolean;
  parts: QualificationPart[];
}

export type Coverage = 'full' | 'partial';

/** A skill shows (part of) a werkproces at a required level; a draft until approved. */
export interface Mapping {
  id: string;
  qualificationId: string;
  werkproces: string;
  skillId: string;
  requiredLevel: LevelCode;
  coverage: Coverage;
  status: 'draft' | 'approved';
  approvedBy: string | null;
  approvedAt: string | null;
  removed: boolean;
}

export interface Consent {
  id: string;
  workerId: string;
  qualificationId: string;
  recipient: string;
  purpose: string;
  givenAt: string;
  withdrawn: boolean;
  withdrawnAt: string | null;
}

export const qualificationId = (crebo: string, version: string) => `${crebo}@${version}`;
export const mappingId = (qualificationId: string, werkproces: string, skillId: string) => `${qualificationId}|${werkproces}|${skillId}`;

export function werkprocessenOf(q: Pick<Qualification, 'parts'>): (Werkproces & { kerntaak: Kerntaak; part: QualificationPart })[] {
  return q.parts.flatMap((part) => part.kerntaken.flatMap((kerntaak) => kerntaak.werkprocessen.map((wp) => ({ ...wp, kerntaak, part }))));
}
