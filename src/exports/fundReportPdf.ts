import type { FundRow } from '../domain/fundReport';
import { FUND_REPORT_MIN_GROUP } from '../domain/thresholds';
import type { Language, Translate } from '../i18n';
import { PdfWriter } from './pdfText';

export async function fundReportPdf(rows: FundRow[], meta: { company: string; qualification: string; from: string; to: string }, t: Translate, language: Language): Promise<Uint8Array> {
  const pdf = await PdfWriter.create(t('fund.title'), language);
  pdf.text(t('fund.title'), { size: 18, bold: true, gap: 6 });
  pdf.text(t('fund.meta', meta), { size: 11, gap: 8 });
  pdf.text(t('fund.suppressionNote', { k: FUND_REPORT_MIN_GROUP }), { size: 10, gap: 8 });
  for (const r of rows) {
    pdf.text(r.group, { bold: true });
    pdf.text(r.suppressed ? t('fund.suppressed') : t('fund.row', { participants: r.participants!, skills: r.confirmedSkills!, hours: r.coachingHours!, shown: r.werkprocessenShown! }), {
      indent: 12,
      gap: 6,
    });
  }
  return pdf.finish((n, total) => t('pdf.page', { n, total, name: meta.company }));
}
