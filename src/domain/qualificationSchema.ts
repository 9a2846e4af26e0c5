import { z } from 'zod/mini';
import { werkprocessenOf } from './qualification';
import { LIMITS } from './thresholds';

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
                  .array(
                    z.object({
                      code: z.string().check(z.regex(/^[BP]\d{1,2}-K\d{1,2}-W\d{1,2}$/, 'qualification.werkprocesCode')),
                      title: text(200),
                      description: z._default(z.string().check(z.maxLength(1000)), ''),
                    }),
                  )
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
    z.refine((q) => werkprocessenOf(q).length <= LIMITS.werkprocessen, { message: 'qualification.tooBig' }),
  );

export type QualificationFile = z.output<typeof qualificationFileSchema>;
