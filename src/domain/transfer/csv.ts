import Papa from 'papaparse';
import { finish, type Steps } from './steps';

/** A sheet as rows of cell texts: what CSV and .xlsx both become before we look at them. */
export type Grid = string[][];

/**
 * File bytes to text: a UTF-8 BOM is dropped; bytes that are not valid UTF-8 are read as
 * Windows-1252 (what Dutch Excel writes as "CSV" by default).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

/** Excel formula guard we add on export (and take off on import): a leading apostrophe. */
const GUARDED = /^'+[=+\-@\t\r]/;
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;

export function unguard(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}

const DELIMITERS = [';', '\t', ','] as const;

/**
 * The delimiter that splits the first lines into the most columns, the same number on most
 * lines (quotes respected); `;` wins a tie, as Dutch Excel writes it.
 */
function guessDelimiter(text: string): string {
  let best: { delimiter: string; score: number } = { delimiter: ';', score: -1 };
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(text, { delimiter, preview: 20 }).data.filter((r) => r.some((c) => c.trim()));
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [width, lines] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [1, 0];
    const score = width > 1 ? width * lines : 0;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** Text Papa reads before it hands over what it has: a piece of work the tab does between taps. */
const CHUNK_CHARS = 256 * 1024;

/** Parses CSV with `;`, `,` or tab, quoted fields with line breaks (RFC 4180), yielding its progress. */
export function* parseCsvSteps(text: string): Steps<{ grid: Grid; delimiter: string }> {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = guessDelimiter(body);
  const grid: Grid = [];
  let parser: Papa.Parser | undefined;
  let cursor = 0;
  let done = false;
  // Papa hands over a chunk and waits (pause) until asked for the next one (resume, which
  // parses it at once): the generator decides when.
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    chunkSize: CHUNK_CHARS,
    chunk: (result: Papa.ParseResult<string[]>, p: Papa.Parser) => {
      for (const row of result.data) grid.push(row.map((cell) => unguard(cell ?? '')));
      cursor = result.meta.cursor;
      parser = p;
      p.pause();
    },
    complete: () => {
      done = true;
    },
  });
  while (!done) {
    yield cursor / body.length;
    parser!.resume();
  }
  while (grid.length && grid.at(-1)!.every((c) => c.trim() === '')) grid.pop();
  return { grid, delimiter };
}

export const parseCsv = (text: string): { grid: Grid; delimiter: string } => finish(parseCsvSteps(text));

/**
 * The line in the file (1-based, as an editor counts them) on which each CSV record starts:
 * a quoted field may hold line breaks, so record n is not always line n. Same rules as the
 * parser: a quote opens a field only at its start, `""` inside quotes is a quote, and a line
 * break outside quotes ends the record.
 */
export function recordLines(text: string, delimiter: string): number[] {
  const body = text.replace(/^\uFEFF/, '');
  const starts = [1];
  let line = 1;
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    const newline = ch === '\n' || (ch === '\r' && body[i + 1] !== '\n');
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') i++;
        else quoted = false;
      } else if (newline) line++;
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (newline) {
      line++;
      starts.push(line);
      fieldStart = true;
    } else fieldStart = ch === delimiter || ch === '\r';
  }
  return starts;
}

/**
 * CSV for Dutch Excel: UTF-8 with BOM, `;`, CRLF, quotes where needed, and cells that start
 * with = + - @ (or a tab/CR) neutralised with an apostrophe so Excel does not run them.
 */
export function writeCsv(grid: Grid): string {
  const safe = grid.map((row) => row.map((cell) => (NEEDS_GUARD.test(cell) ? `'${cell}` : cell)));
  // Papa quotes a field when it holds the delimiter, a quote, a line break or edge spaces.
  return `\uFEFF${Papa.unparse(safe, { delimiter: ';', newline: '\r\n' })}\r\n`;
}
