import { qualificationFileSchema, type QualificationFile } from '../qualificationSchema';
import { jsonBytes } from '../gate/screen';
import { LIMITS } from '../thresholds';
import { parseCsv } from './csv';
import type { ImportProblem } from './matrixImport';

/**
 * Dossier fragments from a file: the JSON format (one qualification), or CSV with one row
 * per werkproces (README: crebo;titel;niveau;versie;deel;soort;deeltitel;kerntaak;
 * kerntaaktitel;werkproces;werkprocestitel;omschrijving). Problems name the line (CSV) or the
 * place in the JSON.
 */
export type QualificationRead = { ok: true; qualification: QualificationFile } | { ok: false; problems: ImportProblem[] };

const COLUMNS = ['crebo', 'titel', 'niveau', 'versie', 'deel', 'soort', 'deeltitel', 'kerntaak', 'kerntaaktitel', 'werkproces', 'werkprocestitel', 'omschrijving'] as const;

/** More problems than a person reads: the first ones, then how many more. */
const SHOWN_PROBLEMS = 20;

function validate(candidate: unknown, lineOf: (path: (string | number)[]) => number): QualificationRead {
  const parsed = qualificationFileSchema.safeParse(candidate);
  if (parsed.success) return jsonBytes(parsed.data) > LIMITS.eventBytes ? tooBig() : { ok: true, qualification: parsed.data };
  const problems: ImportProblem[] = parsed.error.issues.slice(0, SHOWN_PROBLEMS).map((i) => ({
    line: lineOf(i.path as (string | number)[]),
    column: i.path.join('.') || undefined,
    key: i.message.startsWith('qualification.') ? i.message : 'qualification.invalid',
  }));
  const more = parsed.error.issues.length - SHOWN_PROBLEMS;
  return { ok: false, problems: more > 0 ? [...problems, { line: 0, key: 'qualification.moreProblems', params: { count: more } }] : problems };
}

/**
 * Parts, kerntaken and werkprocessen counted before the schema reads the whole file: a file
 * far beyond the limit is refused at once. Each level holds at least one of the next, so no
 * level may hold more than the werkprocessen limit.
 */
function largestLevel(raw: unknown): number {
  const list = (v: unknown, k: string): unknown[] => (v && typeof v === 'object' && Array.isArray((v as Record<string, unknown>)[k]) ? ((v as Record<string, unknown>)[k] as unknown[]) : []);
  const parts = list(raw, 'parts');
  const kerntaken = parts.flatMap((p) => list(p, 'kerntaken'));
  const werkprocessen = kerntaken.reduce<number>((n, k) => n + list(k, 'werkprocessen').length, 0);
  return Math.max(parts.length, kerntaken.length, werkprocessen);
}

/** Too many werkprocessen, or more text than one event may carry. */
const tooBig = (): QualificationRead => ({ ok: false, problems: [{ line: 0, key: 'qualification.tooBig', params: { max: LIMITS.werkprocessen, kb: LIMITS.eventBytes / 1024 } }] });

export function readQualificationJson(text: string): QualificationRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ line: 0, key: 'qualification.notJson' }] };
  }
  if (largestLevel(raw) > LIMITS.werkprocessen) return tooBig();
  return validate(raw, () => 0);
}

export function readQualificationCsv(text: string): QualificationRead {
  const { grid } = parseCsv(text);
  const header = (grid[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = COLUMNS.filter((c) => c !== 'omschrijving' && !header.includes(c));
  if (missing.length) return { ok: false, problems: [{ line: 1, key: 'qualification.missingColumns', params: { columns: missing.join(', ') } }] };
  const col = (row: string[], c: (typeof COLUMNS)[number]) => (row[header.indexOf(c)] ?? '').trim();
  const rows = grid
    .slice(1)
    .map((row, i) => ({ row, line: i + 2 }))
    .filter(({ row }) => row.some((c) => c.trim()));
  if (!rows.length) return { ok: false, problems: [{ line: 0, key: 'qualification.noWerkprocessen' }] };
  if (rows.length > LIMITS.werkprocessen) return tooBig();
  const problems: ImportProblem[] = [];
  const first = rows[0]!.row;
  for (const { row, line } of rows) {
    for (const c of ['crebo', 'titel', 'niveau', 'versie'] as const) {
      if (col(row, c) !== col(first, c)) problems.push({ line, column: c, key: 'qualification.oneQualification' });
    }
    if (!['basis', 'profiel'].includes(col(row, 'soort').toLowerCase())) problems.push({ line, column: 'soort', key: 'qualification.kind' });
  }
  if (problems.length) return { ok: false, problems };
  const parts = new Map<
    string,
    { code: string; kind: string; title: string; kerntaken: Map<string, { code: string; title: string; werkprocessen: { code: string; title: string; description: string }[] }> }
  >();
  const lineOfWp: number[] = [];
  for (const { row, line } of rows) {
    const partCode = col(row, 'deel');
    if (!parts.has(partCode)) parts.set(partCode, { code: partCode, kind: col(row, 'soort').toLowerCase(), title: col(row, 'deeltitel'), kerntaken: new Map() });
    const part = parts.get(partCode)!;
    const kCode = col(row, 'kerntaak');
    if (!part.kerntaken.has(kCode)) part.kerntaken.set(kCode, { code: kCode, title: col(row, 'kerntaaktitel'), werkprocessen: [] });
    part.kerntaken.get(kCode)!.werkprocessen.push({ code: col(row, 'werkproces'), title: col(row, 'werkprocestitel'), description: col(row, 'omschrijving') });
    lineOfWp.push(line);
  }
  const candidate = {
    crebo: col(first, 'crebo'),
    title: col(first, 'titel'),
    niveau: Number(col(first, 'niveau')),
    version: col(first, 'versie'),
    example: /voorbeeld/i.test(col(first, 'titel')),
    parts: [...parts.values()].map((p) => ({ ...p, kerntaken: [...p.kerntaken.values()] })),
  };
  // Map a JSON path back to the CSV line of that werkproces, for the message.
  const flat = candidate.parts.flatMap((p, pi) => p.kerntaken.flatMap((k, ki) => k.werkprocessen.map((_, wi) => `${pi}.${ki}.${wi}`)));
  return validate(candidate, (path) => {
    const [, pi, , ki, , wi] = path;
    const idx = flat.indexOf(`${pi}.${ki ?? 0}.${wi ?? 0}`);
    return idx >= 0 ? lineOfWp[idx]! : 2;
  });
}
