import { z } from 'zod/mini';
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

const text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'qualification.required'), z.maxLength(max, 'qualification.tooLong'));

/** The documented JSON import format (README): one qualification per file. */
export const qualificationFileSchema = z
  .object({
    crebo: z.string().check(z.regex(/^\d{5}$/, 'qualification.crebo')),
    title: text(200),
    niveau: z.number({ message: 'qualification.niveauRange' }).check(z.int('qualification.niveauRange'), z.minimum(1, 'qualification.niveauRange'), z.maximum(4, 'qualification.niveauRange')),
    version: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'qualification.version')),
    example: z._default(z.boolean(), false),
    parts: z
      .array(
        z.object({
          code: z.string().check(z.regex(/^[BP]\d{1,2}$/, 'qualification.partCode')),
          kind: z.enum(['basis', 'profiel'], 'qualification.kind'),
          title: text(200),
          kerntaken: z
            .array(
              z.object({
                code: z.string().check(z.regex(/^[BP]\d{1,2}-K\d{1,2}$/, 'qualification.kerntaakCode')),
                title: text(200),
                werkprocessen: z
                  .array(z.object({ code: z.string().check(z.regex(/^[BP]\d{1,2}-K\d{1,2}-W\d{1,2}$/, 'qualification.werkprocesCode')), title: text(200), description: z._default(z.string().check(z.maxLength(1000)), '') }))
                  .check(z.minLength(1, 'qualification.noWerkprocessen')),
              }),
            )
            .check(z.minLength(1, 'qualification.noKerntaken')),
        }),
      )
      .check(z.minLength(1, 'qualification.noParts')),
  })
  .check(
    z.refine((q) => q.parts.every((p) => p.kerntaken.every((k) => k.code.startsWith(`${p.code}-`) && k.werkprocessen.every((w) => w.code.startsWith(`${k.code}-`)))), {
      message: 'qualification.codesNested',
    }),
    z.refine((q) => new Set(werkprocessenOf(q).map((w) => w.code)).size === werkprocessenOf(q).length, { message: 'qualification.duplicateCode' }),
  );

export type QualificationFile = z.output<typeof qualificationFileSchema>;

/** The illustrative fragment from DESIGN.md §3: invented codes and crebo, so always "voorbeeld". */
export const EXAMPLE_QUALIFICATION: QualificationFile = {
  crebo: '99998',
  title: 'Machinaal houtbewerker',
  niveau: 2,
  version: '2017-08-01',
  example: true,
  parts: [
    {
      code: 'B1',
      kind: 'basis',
      title: 'Basisdeel houtbewerking',
      kerntaken: [
        {
          code: 'B1-K1',
          title: 'Produceren, controleren en optimaliseren',
          werkprocessen: [
            { code: 'B1-K1-W1', title: 'Productie voorbereiden', description: '' },
            { code: 'B1-K1-W2', title: 'Starten en bedienen van de apparatuur', description: '' },
            { code: 'B1-K1-W3', title: 'Procesverloop bewaken', description: '' },
            { code: 'B1-K1-W4', title: 'Afronden van het (deel)productieproces', description: '' },
            { code: 'B1-K1-W5', title: 'Uitvoeren van kwaliteitscontroles', description: '' },
            { code: 'B1-K1-W6', title: 'Onderhoud van apparatuur', description: '' },
          ],
        },
      ],
    },
  ],
};
