import { useState } from 'react';
import { companyName, fundReportRows } from '../../data/queries';
import { FUND_REPORT_MIN_GROUP } from '../../domain/thresholds';
import type { Qualification } from '../../domain/qualification';
import { writeCsv } from '../../domain/transfer/csv';
import { useT } from '../../i18n';
import { useUi } from '../../state/ui';
import { download } from '../../ui/download';
import { TextField } from '../../ui/Field';
import { qualificationLabel } from './qualificationLabel';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The O&O fund's anonymous report: per team and in total, small groups suppressed. */
export function FundReportSection({ q }: { q: Qualification }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const [from, setFrom] = useState(() => `${new Date().getFullYear()}-01-01`);
  const [to, setTo] = useState(() => day(Date.now()));
  const rows = () => fundReportRows(q, from, to, t('fund.total'));
  const csv = async () => {
    const header = [t('fund.group'), t('fund.participants'), t('fund.skills'), t('fund.hours'), t('fund.shown')];
    const body = (await rows()).map((r) =>
      r.suppressed ? [r.group, t('fund.suppressedShort'), '', '', ''] : [r.group, String(r.participants), String(r.confirmedSkills), String(r.coachingHours), String(r.werkprocessenShown)],
    );
    download(writeCsv([header, ...body]), `vaardig-fondsrapport-${q.crebo}-${from}-${to}.csv`, 'text/csv;charset=utf-8');
  };
  const pdf = async () => {
    const { fundReportPdf } = await import('../../exports/fundReportPdf');
    download(
      await fundReportPdf(await rows(), { company: await companyName(), qualification: qualificationLabel(q, t), from, to }, t, language),
      `vaardig-fondsrapport-${q.crebo}-${from}-${to}.pdf`,
      'application/pdf',
    );
  };
  return (
    <section aria-labelledby="fund-title">
      <h2 id="fund-title">{t('fund.title')}</h2>
      <p>{t('fund.intro', { k: FUND_REPORT_MIN_GROUP })}</p>
      <div className="filters">
        <TextField label={t('audit.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label={t('audit.to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="button" className="button" onClick={csv}>
          {t('fund.csv')}
        </button>
        <button type="button" className="button" onClick={pdf}>
          {t('fund.pdf')}
        </button>
      </div>
    </section>
  );
}
