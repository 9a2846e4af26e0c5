import type { Evidence, EvidenceSkill } from '../domain/evidence';
import { levelLetter, REACHABLE_LEVELS } from '../domain/levels';
import type { Language, Translate } from '../i18n';
import { formatDay, formatHours } from '../ui/format';
import { levelChoice } from '../ui/levelDisplay';
import { PdfWriter } from './pdfText';

/**
 * The portfolio an assessor (EVC) or a praktijkverklaring can be based on: who, which company
 * (KvK, leerbedrijf-ID), which qualification and its parts, the consent it was made under, how
 * to read the levels; per werkproces its description, the skills, confirmed levels, who
 * confirmed them and when, coaching, notes; what is missing; the praktijkopleider's name and
 * role at the signature lines, which never stand alone on a page. Loaded on demand (pdf-lib is
 * not in the first bundle).
 */
export async function portfolioPdf(e: Evidence, t: Translate, formatDate: (iso: string) => string, language: Language): Promise<Uint8Array> {
  const pdf = await PdfWriter.create(t('pdf.title', { name: e.worker.name }), language);
  const q = e.qualification;
  pdf.text(t('pdf.heading'), { size: 20, bold: true, gap: 6 });
  if (q.example) pdf.text(t('pdf.example'), { size: 12, bold: true, colour: [0.7, 0.1, 0.1], gap: 6 });
  pdf.text(t('pdf.person', { name: e.worker.name }), { size: 12 });
  pdf.text(t('pdf.company', { company: e.company }), { size: 12 });
  pdf.text(t('pdf.companyIds', { kvk: e.kvkNumber || t('pdf.notFilledIn'), leerbedrijf: e.leerbedrijfId || t('pdf.notFilledIn') }), { size: 10 });
  pdf.text(t('pdf.qualification', { title: q.title, niveau: q.niveau, crebo: q.crebo, version: q.version }), { size: 12 });
  pdf.text(t('pdf.parts'), { size: 10 });
  for (const part of q.parts) pdf.text(t(`pdf.part.${part.kind}`, { code: part.code, title: part.title }), { size: 10, indent: 12 });
  pdf.text(t('pdf.generated', { date: formatDate(e.generatedAt) }), { size: 10 });
  if (e.consent) pdf.text(t('pdf.consent', { name: e.worker.name, recipient: e.consent.recipient, purpose: e.consent.purpose, date: formatDate(e.consent.givenAt) }), { size: 10 });
  pdf.space();
  pdf.text(t('pdf.summary', { shown: e.shown, total: e.total, hours: formatHours(e.coachingMinutes, language, 1) }), { size: 12, bold: true, gap: 8 });

  pdf.keep(140);
  pdf.text(t('pdf.legendTitle'), { size: 12, bold: true });
  pdf.text(t('pdf.legendLevels'), { size: 10 });
  for (const level of REACHABLE_LEVELS) pdf.text(levelChoice(t, level.code), { size: 10, indent: 12 });
  pdf.text(t('pdf.legendStatus'), { size: 10, gap: 8 });
  pdf.rule();

  let part = '';
  for (const wp of e.werkprocessen) {
    if (wp.part.code !== part) {
      part = wp.part.code;
      pdf.keep(90);
      pdf.text(t(`pdf.part.${wp.part.kind}`, { code: wp.part.code, title: wp.part.title }), { size: 14, bold: true, gap: 6 });
    }
    pdf.keep(60);
    pdf.text(`${wp.code} ${wp.title}`, { size: 13, bold: true });
    if (wp.description) pdf.text(wp.description, { size: 10 });
    pdf.text(`${t('pdf.kerntaak', { code: wp.kerntaak, title: wp.kerntaakTitle })} — ${t(`progress.${wp.status}`)}`, { size: 10, gap: 4 });
    if (!wp.skills.length) pdf.text(t('pdf.noSkills'), { indent: 12 });
    for (const s of wp.skills) {
      pdf.text(
        `${s.name}: ${levelState(s, t, formatDate)} (${t('pdf.required', { level: levelLetter(s.requiredLevel) })}, ${t(s.coverage === 'full' ? 'mapping.full' : 'mapping.partial')})${s.met ? '' : ` — ${t('pdf.notMet')}`}`,
        { indent: 12 },
      );
      if (s.note) pdf.text(t('pdf.note', { note: s.note }), { indent: 24, size: 10 });
      for (const x of s.sessions) {
        pdf.text(t('pdf.session', { date: formatDay(x.date, language), minutes: x.minutes, coach: x.coach, practised: x.practised }), { indent: 24, size: 10 });
        if (x.steps?.length)
          pdf.text(t('pdf.steps', { steps: x.steps.map((step) => t(step.how === 'alone' ? 'pdf.stepAlone' : 'pdf.stepHelped', { title: step.title })).join('; ') }), { indent: 36, size: 10 });
        const photo = x.photo ? e.photos?.[x.photo] : undefined;
        if (photo) {
          pdf.text(t('pdf.photo', { skill: s.name, date: formatDay(x.date, language) }), { indent: 36, size: 10 });
          await pdf.image(photo.bytes, photo, { indent: 36 });
        }
      }
    }
    pdf.space(6);
  }
  pdf.rule();

  // What is missing, then the signatures: the signatures never start a page on their own.
  const missing = e.werkprocessen.filter((w) => w.status !== 'shown');
  const lines = missing.length
    ? missing.map((wp) => {
        const open = wp.skills.filter((s) => !s.met).map((s) => `${s.name} (${levelLetter(s.requiredLevel)})`);
        return `${wp.code} ${wp.title}: ${open.length ? open.join(', ') : t('pdf.noSkills')}`;
      })
    : [t('pdf.nothingMissing')];
  const item = (line: string) => pdf.text(line, { indent: missing.length ? 12 : 0 });
  pdf.together(
    () => {
      pdf.text(t('pdf.missingTitle'), { size: 13, bold: true });
      item(lines[0]!);
    },
    ...lines.slice(1).map((line) => () => item(line)),
    () => {
      pdf.space(24);
      pdf.text(e.praktijkopleider ? t('pdf.praktijkopleider', { name: e.praktijkopleider.name, role: t(`pdf.role.${e.praktijkopleider.role}`) }) : t('pdf.praktijkopleiderBlank'), {
        size: 11,
      });
      pdf.space(6);
      pdf.text(t('pdf.signLead'), { size: 11 });
      pdf.space(18);
      pdf.text('_______________________________________', {});
      pdf.space(14);
      pdf.text(t('pdf.signWorker', { name: e.worker.name }), { size: 11 });
      pdf.space(18);
      pdf.text('_______________________________________', {});
    },
  );
  return pdf.finish((n, total) => t('pdf.page', { n, total, name: e.worker.name }));
}

/** "O, bevestigd door Kees Veerman op …", or that it was recorded at the start, or not yet. */
function levelState(s: EvidenceSkill, t: Translate, formatDate: (iso: string) => string): string {
  if (s.level === '-') return t('pdf.notConfirmed');
  const params = { level: levelLetter(s.level), date: formatDate(s.confirmedAt) };
  return s.recordedAtStart ? t('pdf.recordedAtStart', params) : t('pdf.confirmed', { ...params, by: s.confirmedBy });
}
