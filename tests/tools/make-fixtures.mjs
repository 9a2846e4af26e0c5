// Makes the "real-looking" spreadsheets the import tests read: a title, a merged station row,
// a team column, a notes column, empty cells, a legend under the table, and a Windows-1252 CSV.
// Run: node tests/tools/make-fixtures.mjs — the output is committed in tests/fixtures.
import { writeFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';

const out = (name) => new URL(`../fixtures/${name}`, import.meta.url);
const rows = [
  ['Vaardighedenmatrix Timmerfabriek Veerman', '', '', '', '', '', '', ''],
  ['bijgewerkt: november', '', '', '', '', '', '', ''],
  ['', '', 'Zagen', '', 'Lijmen en persen', '', 'Montage', ''],
  ['Medewerker', 'Ploeg', 'Afkorten', 'Lengtezagen', 'Verlijmen', 'Fineren', 'Kozijnen monteren', 'Opmerkingen'],
  ['Joël Peeters', 'Machinaal', 'O', 'U', 'U', '', '', 'wil CNC leren'],
  ['Sanne Bakker', 'Machinaal', '3', '2', '3', '1', '', ''],
  ['', '', '', '', '', '', '', ''],
  ['Ahmed Benali', 'Montage', 'L', '', '', '', 'O', 'rijbewijs heftruck verloopt in maart'],
  ['Zoë de Wit', 'Montage', '', '', 'i', '', 'u', ''],
  ['', '', '', '', '', '', '', ''],
  ['Legenda: I = leert het, L = met hulp, U = zelfstandig, O = kan het anderen leren', '', '', '', '', '', '', ''],
];

// Excel: the title and the station names are merged cells, as people make them.
const merged = rows.map((row, r) =>
  row.map((value, c) => {
    if (r === 0 && c === 0) return { value, columnSpan: 8, fontWeight: 'bold' };
    if (r === 2 && value) return { value, columnSpan: 2, fontWeight: 'bold', align: 'center' };
    if (r === 3) return { value, fontWeight: 'bold' };
    return value === '' ? null : { value: /^\d$/.test(value) ? Number(value) : value };
  }),
);
// Cells covered by a merge must be null.
for (const [r, from, span] of [
  [0, 0, 8],
  [2, 2, 2],
  [2, 4, 2],
  [2, 6, 2],
])
  for (let c = from + 1; c < from + span; c++) merged[r][c] = null;
await writeXlsxFile(merged, { sheet: 'Matrix' }).toFile(out('veerman-matrix.xlsx').pathname);

// CSV as Dutch Excel saves it by default: Windows-1252, ';', CRLF.
const csv = rows.map((row) => row.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')).join('\r\n') + '\r\n';
const bytes = Uint8Array.from([...csv].map((ch) => ({ ë: 0xeb, Ë: 0xcb })[ch] ?? ch.charCodeAt(0)));
writeFileSync(out('veerman-matrix-cp1252.csv'), bytes);
