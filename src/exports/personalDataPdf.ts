import type { Language, Translate } from '../i18n';
import { formatDate } from '../ui/format';
import { PdfWriter } from './pdfText';

/** One kind of record a person's data holds: its heading with the count, and one line each. */
export interface SummaryKind {
  key: 'levels' | 'sessions' | 'assignments' | 'wishes' | 'consents' | 'devices' | 'history';
  title: string;
  lines: string[];
}

/** "Mijn gegevens" in the user's words (made by features/mine/myDataFile.ts). */
export interface PersonalSummary {
  name: string;
  team: string;
  madeAt: number;
  kinds: SummaryKind[];
  pin: string;
  credentials: string;
}

/** How many log lines the PDF prints: the newest; the JSON beside it holds them all. */
const LAST_LINES = 20;

/**
 * The summary a person takes with their data: who, when it was made, what is kept (counts and
 * the lists, the newest log lines), and what the JSON file beside it holds. Loaded on demand.
 */
export async function personalDataPdf(s: PersonalSummary, jsonFileName: string, t: Translate, language: Language): Promise<Uint8Array> {
  const pdf = await PdfWriter.create(t('myData.pdf.title', { name: s.name }), language);
  pdf.text(t('myData.pdf.heading'), { size: 20, bold: true, gap: 6 });
  pdf.text(t('pdf.person', { name: s.name }), { size: 12 });
  pdf.text(t('myData.pdf.team', { team: s.team }), { size: 12 });
  pdf.text(t('myData.pdf.made', { date: formatDate(s.madeAt, language) }), { size: 10, gap: 8 });
  pdf.text(t('myData.pdf.json', { file: jsonFileName }), { size: 10, gap: 8 });
  pdf.text(t('myData.pdf.kept'), { size: 12, bold: true });
  for (const kind of s.kinds) pdf.text(kind.title, { indent: 12 });
  pdf.text(s.pin, { size: 10, indent: 12 });
  pdf.text(s.credentials, { size: 10, indent: 12, gap: 8 });
  pdf.rule();
  for (const kind of s.kinds) {
    const history = kind.key === 'history';
    pdf.keep(60);
    pdf.text(history ? t('myData.pdf.lastLines') : kind.title, { size: 13, bold: true, gap: 4 });
    const lines = history ? kind.lines.slice(0, LAST_LINES) : kind.lines;
    if (!lines.length) pdf.text(t('myData.none'), { indent: 12 });
    for (const line of lines) pdf.text(line, { size: 10, indent: 12 });
    pdf.space(6);
  }
  return pdf.finish((n, total) => t('pdf.page', { n, total, name: s.name }));
}
