import { qualificationFileSchema, type QualificationFile } from '../qualificationSchema';
import { jsonBytes } from '../gate/screen';
import { LIMITS } from '../thresholds';
import { parseCsv, recordLines } from './csv';
import { jsonLines, jsonSyntaxError } from './jsonPlaces';
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

type Path = readonly (string | number)[];
/** Where a problem is: the line (0 for the file as a whole) and, in a CSV file, the column. */
type Place = { line: number; column?: string };

function validate(candidate: unknown, placesOf: (paths: Path[]) => Place[]): QualificationRead {
  const parsed = qualificationFileSchema.safeParse(candidate);
  if (parsed.success) return jsonBytes(parsed.data) > LIMITS.eventBytes ? tooBig() : { ok: true, qualification: parsed.data };
  const issues = parsed.error.issues.slice(0, SHOWN_PROBLEMS);
  const places = placesOf(issues.map((i) => i.path as (string | number)[]));
  const problems: ImportProblem[] = issues.map((i, n) => {
    const params = i.code === 'custom' ? (i.params as ImportProblem['params']) : undefined;
    return { ...places[n]!, key: i.message.startsWith('qualification.') ? i.message : 'qualification.invalid', ...(params ? { params } : {}) };
  });
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
    const at = jsonSyntaxError(text);
    return { ok: false, problems: [at ? { line: at.line, key: 'qualification.notJsonAt', params: { column: at.column } } : { line: 0, key: 'qualification.notJson' }] };
  }
  if (largestLevel(raw) > LIMITS.werkprocessen) return tooBig();
  return validate(raw, (paths) => jsonLines(text, paths).map((line) => ({ line })));
}

/** The CSV column a field of the JSON shape comes from, by its depth: qualification, part, kerntaak, werkproces. */
const CSV_COLUMN: Record<string, (typeof COLUMNS)[number]>[] = [
  { crebo: 'crebo', title: 'titel', niveau: 'niveau', version: 'versie' },
  { code: 'deel', kind: 'soort', title: 'deeltitel' },
  { code: 'kerntaak', title: 'kerntaaktitel' },
  { code: 'werkproces', title: 'werkprocestitel', description: 'omschrijving' },
];

export function readQualificationCsv(text: string): QualificationRead {
  const { grid, delimiter } = parseCsv(text);
  const lines = recordLines(text, delimiter);
  const header = (grid[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = COLUMNS.filter((c) => c !== 'omschrijving' && !header.includes(c));
  if (missing.length) return { ok: false, problems: [{ line: lines[0] ?? 1, key: 'qualification.missingColumns', params: { columns: missing.join(', ') } }] };
  const col = (row: string[], c: (typeof COLUMNS)[number]) => (row[header.indexOf(c)] ?? '').trim();
  const rows = grid
    .slice(1)
    .map((row, i) => ({ row, line: lines[i + 1] ?? i + 2 }))
    .filter(({ row }) => row.some((c) => c.trim()));
  if (!rows.length) return { ok: false, problems: [{ line: 0, key: 'qualification.noWerkprocessen' }] };
  if (rows.length > LIMITS.werkprocessen) return tooBig();
  const problems: ImportProblem[] = [];
  const first = rows[0]!;
  for (const { row, line } of rows) {
    for (const c of ['crebo', 'titel', 'niveau', 'versie'] as const) {
      if (col(row, c) !== col(first.row, c)) problems.push({ line, column: c, key: 'qualification.oneQualification' });
    }
    if (!['basis', 'profiel'].includes(col(row, 'soort').toLowerCase())) problems.push({ line, column: 'soort', key: 'qualification.kind' });
  }
  if (problems.length) return { ok: false, problems };
  type Wp = { code: string; title: string; description: string; line: number };
  const parts = new Map<string, { code: string; kind: string; title: string; line: number; kerntaken: Map<string, { code: string; title: string; line: number; werkprocessen: Wp[] }> }>();
  for (const { row, line } of rows) {
    const partCode = col(row, 'deel');
    if (!parts.has(partCode)) parts.set(partCode, { code: partCode, kind: col(row, 'soort').toLowerCase(), title: col(row, 'deeltitel'), line, kerntaken: new Map() });
    const part = parts.get(partCode)!;
    const kCode = col(row, 'kerntaak');
    if (!part.kerntaken.has(kCode)) part.kerntaken.set(kCode, { code: kCode, title: col(row, 'kerntaaktitel'), line, werkprocessen: [] });
    part.kerntaken.get(kCode)!.werkprocessen.push({ code: col(row, 'werkproces'), title: col(row, 'werkprocestitel'), description: col(row, 'omschrijving'), line });
  }
  const grouped = [...parts.values()].map((p) => ({ ...p, kerntaken: [...p.kerntaken.values()] }));
  const candidate = {
    crebo: col(first.row, 'crebo'),
    title: col(first.row, 'titel'),
    niveau: Number(col(first.row, 'niveau')),
    version: col(first.row, 'versie'),
    example: /voorbeeld/i.test(col(first.row, 'titel')),
    // The schema keeps only its own fields: the lines stay here.
    parts: grouped,
  };
  // A path in the JSON shape back to the CSV line and column it came from: the rows are grouped
  // by part and kerntaak, so the n-th werkproces is not the n-th line.
  const placeOfPath = (path: Path): Place => {
    const [, pi, , ki, , wi] = path as [string, number?, string?, number?, string?, number?];
    const part = typeof pi === 'number' ? grouped[pi] : undefined;
    const kerntaak = part && typeof ki === 'number' ? part.kerntaken[ki] : undefined;
    const werkproces = kerntaak && typeof wi === 'number' ? kerntaak.werkprocessen[wi] : undefined;
    const level = werkproces ? 3 : kerntaak ? 2 : part ? 1 : 0;
    const field = path[level * 2];
    return { line: (werkproces ?? kerntaak ?? part ?? first).line, column: typeof field === 'string' ? CSV_COLUMN[level]![field] : undefined };
  };
  return validate(candidate, (paths) => paths.map(placeOfPath));
}
