import { FUND_FIGURES, type FundFigure, type FundRow } from '../domain/fundReport';
import { levelLetter } from '../domain/levels';
import { FUND_REPORT_MIN_GROUP } from '../domain/thresholds';
import { writeCsv } from '../domain/transfer/csv';
import type { Language, MessageKey, Translate } from '../i18n';
import { formatHours } from '../ui/format';
import { levelLabel } from '../ui/levelDisplay';

/**
 * The fund report's words, shared by the CSV and the PDF: who made it for which period, the
 * table, and how every number was counted (a reviewer reads the definitions in the report).
 */
export interface FundReportMeta {
  company: string;
  /** The KvK number, or '' when not filled in. */
  kvk: string;
  qualification: string;
  /** The period's first and last day and the day the report was made, written out for people. */
  from: string;
  to: string;
  made: string;
}

const HEADINGS: Record<FundFigure, MessageKey> = {
  headcount: 'fund.headcount',
  participants: 'fund.participants',
  confirmedSkills: 'fund.skills',
  coachingMinutes: 'fund.hours',
  werkprocessenShown: 'fund.shown',
};

/** Label and value of each line of the report's head. */
export function fundReportHead(meta: FundReportMeta, t: Translate): [string, string][] {
  return [
    [t('fund.company'), meta.company],
    [t('fund.kvk'), meta.kvk || t('fund.kvkMissing')],
    [t('fund.qualification'), meta.qualification],
    [t('fund.period'), t('fund.periodValue', { from: meta.from, to: meta.to })],
    [t('fund.made'), meta.made],
  ];
}

export function fundReportColumns(t: Translate): string[] {
  return [t('fund.group'), ...FUND_FIGURES.map((f) => t(HEADINGS[f]))];
}

/** A figure as people read it: coaching time in hours (one decimal, the language's comma). */
export function fundFigureText(figure: FundFigure, value: number, language: Language): string {
  return figure === 'coachingMinutes' ? formatHours(value, language) : String(value);
}

/** "Hoe is geteld": one line per definition. */
export function fundReportDefinitions(meta: FundReportMeta, t: Translate): string[] {
  const k = FUND_REPORT_MIN_GROUP;
  return [
    t('fund.defPeople'),
    t('fund.defParticipants'),
    t('fund.defLinked'),
    t('fund.defSkills', {
      to: meta.to,
      u: levelLetter('U'),
      o: levelLetter('O'),
      i: levelLetter('I'),
      l: levelLetter('L'),
      independent: levelLabel(t, 'U'),
      teaches: levelLabel(t, 'O'),
    }),
    t('fund.defHours'),
    t('fund.defShown', { to: meta.to }),
    t('fund.defHidden', { k }),
  ];
}

/** The CSV: the head as label;value lines, the table, then how it was counted. */
export function fundReportCsv(rows: readonly FundRow[], meta: FundReportMeta, t: Translate, language: Language): string {
  const table = rows.map((r) => [r.group, ...FUND_FIGURES.map((f) => (r.figures ? fundFigureText(f, r.figures[f], language) : t('fund.hidden')))]);
  return writeCsv([[t('fund.title')], ...fundReportHead(meta, t), [], fundReportColumns(t), ...table, [], [t('fund.howTitle')], ...fundReportDefinitions(meta, t).map((line) => [line])]);
}
