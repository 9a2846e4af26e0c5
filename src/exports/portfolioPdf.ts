import type { Evidence } from '../domain/evidence';
import { levelLetter } from '../domain/levels';
import type { Language, Translate } from '../i18n';
import { PdfWriter } from './pdfText';

/**
 * The portfolio an assessor or a praktijkverklaring can be based on: per werkproces the
 * skills, confirmed levels, who confirmed them and when, coaching, notes; what is missing;
 * signature lines. Loaded on demand (pdf-lib is not in the first bundle).
 */
export async function portfolioPdf(e: Evidence, t: Translate, formatDate: (iso: string) => string, language: Language): Promise<Uint8Array> {
  const pdf = await PdfWriter.create(t('pdf.title', { name: e.worker.name }), language);
  pdf.text(t('pdf.heading'), { size: 20, bold: true, gap: 6 });
  if (e.qualification.example) pdf.text(t('pdf.example'), { size: 12, bold: true, colour: [0.7, 0.1, 0.1], gap: 6 });
  pdf.text(t('pdf.person', { name: e.worker.name }), { size: 12 });
  pdf.text(t('pdf.company', { company: e.company }), { size: 12 });
  pdf.text(t('pdf.qualification', { title: e.qualification.title, niveau: e.qualification.niveau, crebo: e.qualification.crebo, version: e.qualification.version }), { size: 12 });
  pdf.text(t('pdf.generated', { date: formatDate(e.generatedAt) }), { size: 10 });
  pdf.space();
  pdf.text(t('pdf.summary', { shown: e.shown, total: e.total, hours: (e.coachingMinutes / 60).toFixed(1) }), { size: 12, bold: true, gap: 8 });
  pdf.rule();
  for (const wp of e.werkprocessen) {
    pdf.keep(60);
    pdf.text(`${wp.code} ${wp.title}`, { size: 13, bold: true });
    pdf.text(`${t('pdf.kerntaak', { code: wp.kerntaak, title: wp.kerntaakTitle })} — ${t(`progress.${wp.status}`)}`, { size: 10, gap: 4 });
    if (!wp.skills.length) pdf.text(t('pdf.noSkills'), { indent: 12 });
    for (const s of wp.skills) {
      const state = s.level !== '-' ? t('pdf.confirmed', { level: levelLetter(s.level), by: s.confirmedBy, date: formatDate(s.confirmedAt) }) : t('pdf.notConfirmed');
      pdf.text(
        `${s.name}: ${state} (${t('pdf.required', { level: levelLetter(s.requiredLevel) })}, ${t(s.coverage === 'full' ? 'mapping.full' : 'mapping.partial')})${s.met ? '' : ` — ${t('pdf.notMet')}`}`,
        { indent: 12 },
      );
      if (s.note) pdf.text(t('pdf.note', { note: s.note }), { indent: 24, size: 10 });
      for (const x of s.sessions) pdf.text(t('pdf.session', { date: x.date, minutes: x.minutes, coach: x.coach, practised: x.practised }), { indent: 24, size: 10 });
    }
    pdf.space(6);
  }
  pdf.rule();
  const missing = e.werkprocessen.filter((w) => w.status !== 'shown');
  pdf.text(t('pdf.missingTitle'), { size: 13, bold: true });
  if (!missing.length) pdf.text(t('pdf.nothingMissing'));
  for (const wp of missing) {
    const open = wp.skills.filter((s) => !s.met).map((s) => `${s.name} (${levelLetter(s.requiredLevel)})`);
    pdf.text(`${wp.code} ${wp.title}: ${open.length ? open.join(', ') : t('pdf.noSkills')}`, { indent: 12 });
  }
  pdf.space(24);
  pdf.keep(120);
  pdf.text(t('pdf.signLead'), { size: 11 });
  pdf.space(18);
  pdf.text('_______________________________________', {});
  pdf.space(14);
  pdf.text(t('pdf.signWorker', { name: e.worker.name }), { size: 11 });
  pdf.space(18);
  pdf.text('_______________________________________', {});
  return pdf.finish((n, total) => t('pdf.page', { n, total, name: e.worker.name }));
}
