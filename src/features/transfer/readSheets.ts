import { decodeText, parseCsvSteps, type Grid } from '../../domain/transfer/csv';
import type { Steps } from '../../domain/transfer/steps';

/** One sheet of a workbook (a CSV file is one sheet), as rows of cell texts. */
export interface Sheet {
  name: string;
  grid: Grid;
}

export type SheetsRead = { sheets: Sheet[] } | { error: 'import.badXlsx' | 'import.notText' };

/** Runs a piece of long work (in slices, with progress and a way to stop). */
export type RunSteps = <T>(steps: Steps<T>) => Promise<T>;

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** Reads a CSV or .xlsx file into sheets; .xlsx support loads only when such a file is chosen. */
export async function readSheets(file: File, run: RunSteps): Promise<SheetsRead> {
  const buffer = await file.arrayBuffer();
  const bytes = new Uint8Array(buffer);
  if (/\.xlsx$/i.test(file.name) || isZip(bytes)) return readWorkbook(buffer, run);
  if (bytes.includes(0)) return { error: 'import.notText' };
  const { grid } = await run(parseCsvSteps(decodeText(bytes).text));
  return { sheets: [{ name: file.name, grid }] };
}

async function readWorkbook(buffer: ArrayBuffer, run: RunSteps): Promise<SheetsRead> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    const { default: readXlsx } = await import('read-excel-file/browser');
    // Every sheet with its name: a workbook often has a matrix beside instructions or lists.
    sheets = await readXlsx(buffer);
  } catch {
    return { error: 'import.badXlsx' };
  }
  return { sheets: await run(textOfSheets(sheets)) };
}

const cellText = (value: unknown): string => (value == null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

function* textOfSheets(sheets: { sheet: string; data: unknown[][] }[]): Steps<Sheet[]> {
  const total = sheets.reduce((n, s) => n + s.data.length, 0);
  let done = 0;
  const out: Sheet[] = [];
  for (const { sheet, data } of sheets) {
    const grid: Grid = [];
    for (const row of data) {
      grid.push(row.map(cellText));
      yield ++done / total;
    }
    out.push({ name: sheet, grid });
  }
  return out;
}
