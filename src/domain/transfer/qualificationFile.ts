import { qualificationFileSchema, type QualificationFile } from '../qualificationSchema';
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

function validate(candidate: unknown, lineOf: (path: (string | number)[]) => number): QualificationRead {
  const parsed = qualificationFileSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, qualification: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => ({
      line: lineOf(i.path as (string | number)[]),
      column: i.path.join('.') || undefined,
      key: i.message.startsWith('qualification.') ? i.message : 'qualification.invalid',
    })),
  };
}

/** Counted before the schema reads the whole file: a file far beyond the limit is refused at once. */
function countWerkprocessen(raw: unknown): number {
  const list = (v: unknown, k: string): unknown[] => (v && typeof v === 'object' && Array.isArray((v as Record<string, unknown>)[k]) ? ((v as Record<string, unknown>)[k] as unknown[]) : []);
  return list(raw, 'parts').reduce<number>((n, part) => n + list(part, 'kerntaken').reduce<number>((m, k) => m + list(k, 'werkprocessen').length, 0), 0);
}

const tooMany = (count: number): QualificationRead => ({ ok: false, problems: [{ line: 0, key: 'qualification.tooManyWerkprocessen', params: { max: LIMITS.werkprocessen, count } }] });

export function readQualificationJson(text: string): QualificationRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ line: 0, key: 'qualification.notJson' }] };
  }
  const count = countWerkprocessen(raw);
  if (count > LIMITS.werkprocessen) return tooMany(count);
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
  if (rows.length > LIMITS.werkprocessen) return tooMany(rows.length);
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
