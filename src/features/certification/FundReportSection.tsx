import { useState } from 'react';
import { companyDetails, companyName, fundReportRows } from '../../data/queries';
import { periodOfDays, type FundPeriod } from '../../domain/fundReport';
import { FUND_REPORT_MIN_GROUP } from '../../domain/thresholds';
import type { Qualification } from '../../domain/qualification';
import { fundReportCsv, type FundReportMeta } from '../../exports/fundReportText';
import { useT } from '../../i18n';
import { useUi } from '../../state/ui';
import { download } from '../../ui/download';
import { TextField } from '../../ui/Field';
import { formatDate, localDay } from '../../ui/format';
import { qualificationLabel } from './qualificationLabel';

/** The O&O fund's anonymous report: per team and in total, small teams hidden so none can be worked out. */
export function FundReportSection({ q }: { q: Qualification }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const [from, setFrom] = useState(() => `${new Date().getFullYear()}-01-01`);
  const [to, setTo] = useState(() => localDay(Date.now()));
  const period = periodOfDays(from, to);
  const build = async (p: FundPeriod) => {
    const [rows, company, kvk] = await Promise.all([fundReportRows(q, p, { total: t('fund.total'), noTeam: t('fund.noTeam') }), companyName(), companyDetails().then((d) => d.kvkNumber)]);
    const meta: FundReportMeta = {
      company,
      kvk,
      qualification: qualificationLabel(q, t),
      from: formatDate(p.start, language),
      to: formatDate(p.end - 1, language),
      made: formatDate(Date.now(), language),
    };
    return { rows, meta, fileName: `vaardig-fondsrapport-${q.crebo}-${p.from}-${p.to}` };
  };
  const csv = async () => {
    if (!period) return;
    const { rows, meta, fileName } = await build(period);
    download(fundReportCsv(rows, meta, t, language), `${fileName}.csv`, 'text/csv;charset=utf-8');
  };
  const pdf = async () => {
    if (!period) return;
    const [{ rows, meta, fileName }, { fundReportPdf }] = await Promise.all([build(period), import('../../exports/fundReportPdf')]);
    download(await fundReportPdf(rows, meta, t, language), `${fileName}.pdf`, 'application/pdf');
  };
  return (
    <section aria-labelledby="fund-title">
      <h2 id="fund-title">{t('fund.title')}</h2>
      <p>{t('fund.intro', { k: FUND_REPORT_MIN_GROUP })}</p>
      <div className="filters">
        <TextField label={t('audit.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label={t('audit.to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="button" className="button" onClick={csv} disabled={!period}>
          {t('fund.csv')}
        </button>
        <button type="button" className="button" onClick={pdf} disabled={!period}>
          {t('fund.pdf')}
        </button>
      </div>
      {!period && (
        <p className="field-error" role="alert">
          {t('fund.periodInvalid')}
        </p>
      )}
    </section>
  );
}
