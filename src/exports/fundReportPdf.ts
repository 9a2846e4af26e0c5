import { FUND_FIGURES, type FundRow } from '../domain/fundReport';
import type { Language, Translate } from '../i18n';
import { fundFigureText, fundReportColumns, fundReportDefinitions, fundReportHead, type FundReportMeta } from './fundReportText';
import { PdfWriter } from './pdfText';

/** The fund report as a PDF: the head, per team a line of figures (or "niet getoond"), and "Hoe is geteld". */
export async function fundReportPdf(rows: readonly FundRow[], meta: FundReportMeta, t: Translate, language: Language): Promise<Uint8Array> {
  const pdf = await PdfWriter.create(t('fund.title'), language);
  pdf.text(t('fund.title'), { size: 18, bold: true, gap: 6 });
  for (const [label, value] of fundReportHead(meta, t)) pdf.text(t('fund.headLine', { label, value }), { size: 11 });
  pdf.space();
  const columns = fundReportColumns(t).slice(1);
  for (const r of rows) {
    pdf.text(r.group, { bold: true });
    const line = r.figures ? FUND_FIGURES.map((f, i) => t('fund.headLine', { label: columns[i]!, value: fundFigureText(f, r.figures![f], language) })).join(' · ') : t('fund.hiddenRow');
    pdf.text(line, { indent: 12, gap: 6 });
  }
  pdf.space();
  pdf.keep(80);
  pdf.text(t('fund.howTitle'), { size: 13, bold: true, gap: 4 });
  for (const line of fundReportDefinitions(meta, t)) pdf.text(line, { size: 10, gap: 4 });
  return pdf.finish((n, total) => t('pdf.page', { n, total, name: meta.company }));
}
