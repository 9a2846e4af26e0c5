import type { CSSProperties } from 'react';
import { useCompanyName, usePrintedMatrix } from '../../data/queries';
import { coverageOf, type CoverageStatus, type SkillCoverage } from '../../domain/coverage';
import { REACHABLE_LEVELS } from '../../domain/levels';
import { shownLevel, type LevelRecord, type Skill } from '../../domain/model';
import { paperPages, paperSizes } from '../../domain/paperMatrix';
import { useT, type MessageKey } from '../../i18n';
import { useUi } from '../../state/ui';
import { formatDate, formatDateTime } from '../../ui/format';
import { Icon, type IconName } from '../../ui/Icon';
import { LevelMark } from '../../ui/LevelMark';
import { levelLabel, levelName } from '../../ui/levelDisplay';
import { useNow } from '../../ui/useNow';

const STATUS_ICON: Record<CoverageStatus, IconName> = { nobody: 'nobody', singlePoint: 'single', gap: 'warning', ok: 'check' };
const STATUS_TEXT: Record<CoverageStatus, MessageKey> = { nobody: 'coverage.nobody', singlePoint: 'coverage.singlePoint', gap: 'coverage.gap', ok: 'coverage.ok' };

/**
 * The paper wall version: A3 landscape, a sheet per team and block of stations, sized to fill
 * the sheet (domain/paperMatrix.ts). Every sheet has the company, team and date, the names on
 * the left, the coverage row with its gap marks and the legend; when a team's rows go on over
 * the next sheet, the header rows and the footer repeat there (thead/tfoot). An empty cell has
 * an open circle to fill in with a pen.
 */
export function PrintScreen() {
  const t = useT();
  const now = useNow();
  const language = useUi((s) => s.language);
  const teamId = useUi((s) => s.printTeam);
  const go = useUi((s) => s.go);
  const company = useCompanyName();
  const data = usePrintedMatrix(teamId);
  if (!data) return <p className="loading">{t('app.loading')}</p>;
  const pages = paperPages(data.skills);
  const recordsBySkill = new Map<string, LevelRecord[]>();
  for (const record of data.cells.values()) recordsBySkill.set(record.skillId, [...(recordsBySkill.get(record.skillId) ?? []), record]);
  const sheets = data.teams.flatMap((team) => {
    const members = data.workers.filter((w) => w.teamId === team.id);
    return members.length ? pages.map((skills, p) => ({ team, members, skills, page: p + 1 })) : [];
  });

  return (
    <section className="print-view" aria-labelledby="print-title">
      <div className="print-controls">
        <h1 id="print-title" className="screen-title">
          {t('print.title')}
        </h1>
        <button type="button" className="button primary" onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <button type="button" className="button" onClick={() => go('data')}>
          {t('session.back')}
        </button>
      </div>
      {sheets.map(({ team, members, skills, page }) => {
        const size = paperSizes(
          skills.map((s) => s.name),
          members.map((m) => m.name),
        );
        const isMember = new Set(members.map((m) => m.id));
        const coverage = skills.map((s) => coverageOf(s, recordsBySkill.get(s.id) ?? [], (id) => isMember.has(id), now));
        const style = {
          '--name-share': `${(size.nameShare * 100).toFixed(3)}%`,
          '--column-share': `${(size.columnShare * 100).toFixed(3)}%`,
          '--row': `${size.rowMm.toFixed(1)}mm`,
          '--header': `${size.headerMm.toFixed(1)}mm`,
          '--skill-font': `${size.skillFontMm.toFixed(2)}mm`,
          '--name-font': `${size.nameFontMm.toFixed(2)}mm`,
          '--mark-font': `${size.markFontMm.toFixed(2)}mm`,
        } as CSSProperties;
        const columns = skills.length + 1;
        return (
          <table key={`${team.id}-${page}`} className="print-page" style={style}>
            <caption className="visually-hidden">{t('print.caption', { team: team.name, page, pages: pages.length })}</caption>
            <colgroup>
              <col className="print-name-col" />
              {skills.map((s) => (
                <col key={s.id} className="print-skill-col" />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th scope="colgroup" colSpan={columns} className="print-title">
                  {company && <span className="print-company">{company}</span>}
                  <span>{t('print.caption', { team: team.name, page, pages: pages.length })}</span>
                  <span>{formatDate(now, language)}</span>
                </th>
              </tr>
              <tr>
                <th scope="col" rowSpan={2} className="print-name">
                  {t('matrix.worker')}
                </th>
                {stationGroups(skills).map((group) => (
                  <th key={group.stationId} scope="colgroup" colSpan={group.count} className="print-station">
                    {data.stationName.get(group.stationId)}
                  </th>
                ))}
              </tr>
              <tr>
                {skills.map((s) => (
                  <th key={s.id} scope="col" className="print-skill">
                    <span>{s.name}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {members.map((w) => (
                <tr key={w.id}>
                  <th scope="row" className="print-name">
                    {w.name}
                  </th>
                  {skills.map((s) => {
                    const shown = shownLevel(data.cells.get(`${w.id}|${s.id}`));
                    return (
                      <td key={s.id}>
                        {shown.level !== '-' ? <LevelMark level={shown.level} status={shown.status} /> : <span className="print-empty" aria-hidden="true" />}
                        <span className="visually-hidden">{levelName(t, shown.level)}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="print-coverage">
                <th scope="row" className="print-name">
                  {t('print.coverage')}
                </th>
                {coverage.map((cov, i) => (
                  <CoverageMark key={skills[i]!.id} coverage={cov} />
                ))}
              </tr>
              <tr>
                <td colSpan={columns} className="print-legend">
                  <PaperLegend printedOn={formatDateTime(now, language)} />
                </td>
              </tr>
            </tfoot>
          </table>
        );
      })}
    </section>
  );
}

/** Consecutive skills of one station: a header over them. */
function stationGroups(skills: readonly Skill[]): { stationId: string; count: number }[] {
  const groups: { stationId: string; count: number }[] = [];
  for (const s of skills) {
    const last = groups.at(-1);
    if (last?.stationId === s.stationId) last.count++;
    else groups.push({ stationId: s.stationId, count: 1 });
  }
  return groups;
}

/** How many can do it alone against the target, with the matrix's marks for a gap. */
function CoverageMark({ coverage }: { coverage: SkillCoverage }) {
  const t = useT();
  const words = [t(STATUS_TEXT[coverage.status]), ...(coverage.noTeacher && coverage.capable > 0 ? [t('coverage.noTeacher')] : [])].join('. ');
  return (
    <td className={`print-coverage-${coverage.status}`}>
      <span className="print-count">
        {coverage.capable}/{coverage.target}
      </span>
      <span className="print-icons">
        <Icon name={STATUS_ICON[coverage.status]} size={18} />
        {coverage.noTeacher && coverage.capable > 0 && <Icon name="noTeacher" size={18} />}
      </span>
      <span className="visually-hidden">{words}</span>
    </td>
  );
}

/** What the marks, circles and icons mean, in words, on every sheet. */
function PaperLegend({ printedOn }: { printedOn: string }) {
  const t = useT();
  return (
    <>
      {REACHABLE_LEVELS.map((l) => (
        <span key={l.code}>
          <LevelMark level={l.code} /> {levelLabel(t, l.code)}
        </span>
      ))}
      <span>
        <LevelMark level="U" status="claimed" /> {t('legend.claimed')}
      </span>
      <span>
        <span className="print-empty" aria-hidden="true" /> {t('print.emptyCircle')}
      </span>
      {(['gap', 'singlePoint', 'nobody'] as const).map((status) => (
        <span key={status}>
          <Icon name={STATUS_ICON[status]} size={16} /> {t(STATUS_TEXT[status])}
        </span>
      ))}
      <span>
        <Icon name="noTeacher" size={16} /> {t('coverage.noTeacher')}
      </span>
      <span className="print-date">
        <Icon name="clock" size={16} /> {t('print.printedOn', { date: printedOn })}
      </span>
    </>
  );
}
