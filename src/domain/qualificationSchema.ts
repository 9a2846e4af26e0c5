import { z } from 'zod/mini';
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
    // Each problem at the code it is about, so a file's message can name its place (the CSV
    // line, the JSON line) and the code itself.
    z.superRefine((q, ctx) => {
      const seen = new Set<string>();
      const count = q.parts.reduce((n, p) => n + p.kerntaken.reduce((m, k) => m + k.werkprocessen.length, 0), 0);
      if (count > LIMITS.werkprocessen) {
        ctx.addIssue({ code: 'custom', message: 'qualification.tooBig', path: [], params: { max: LIMITS.werkprocessen, kb: LIMITS.eventBytes / 1024 } });
        return;
      }
      q.parts.forEach((p, pi) =>
        p.kerntaken.forEach((k, ki) => {
          const at = ['parts', pi, 'kerntaken', ki];
          if (!k.code.startsWith(`${p.code}-`)) ctx.addIssue({ code: 'custom', message: 'qualification.codesNested', path: [...at, 'code'], params: { code: k.code } });
          k.werkprocessen.forEach((w, wi) => {
            const path = [...at, 'werkprocessen', wi, 'code'];
            if (!w.code.startsWith(`${k.code}-`)) ctx.addIssue({ code: 'custom', message: 'qualification.codesNested', path, params: { code: w.code } });
            if (seen.has(w.code)) ctx.addIssue({ code: 'custom', message: 'qualification.duplicateCode', path, params: { code: w.code } });
            seen.add(w.code);
          });
        }),
      );
    }),
  );

export type QualificationFile = z.output<typeof qualificationFileSchema>;
