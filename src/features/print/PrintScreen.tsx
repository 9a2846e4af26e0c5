import { usePrintedMatrix } from '../../data/queries';
import { REACHABLE_LEVELS } from '../../domain/levels';
import { shownLevel, type Skill } from '../../domain/model';
import { useT } from '../../i18n';
import { useUi } from '../../state/ui';
import { formatDateTime } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { LevelMark } from '../../ui/LevelMark';
import { levelLabel, levelName } from '../../ui/levelDisplay';
import { useNow } from '../../ui/useNow';

/**
 * The paper wall version: A3 landscape, per team. Skills are split into page-wide blocks so
 * that every page has the names on the left; the header rows and the legend with the date
 * repeat on every page (thead/tfoot).
 */
export const SKILLS_PER_PAGE = 28;

export function PrintScreen() {
  const t = useT();
  const now = useNow();
  const language = useUi((s) => s.language);
  const teamId = useUi((s) => s.printTeam);
  const go = useUi((s) => s.go);
  const data = usePrintedMatrix(teamId);
  if (!data) return <p className="loading">{t('app.loading')}</p>;
  const pages: Skill[][] = [];
  for (let i = 0; i < data.skills.length; i += SKILLS_PER_PAGE) pages.push(data.skills.slice(i, i + SKILLS_PER_PAGE));
  const printedOn = formatDateTime(now, language);

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
      {data.teams.map((team) =>
        pages.map((skills, p) => {
          const members = data.workers.filter((w) => w.teamId === team.id);
          if (!members.length) return null;
          return (
            <table key={`${team.id}-${p}`} className="print-page">
              <caption>{t('print.caption', { team: team.name, page: p + 1, pages: pages.length })}</caption>
              <thead>
                <tr>
                  <th scope="col" rowSpan={2} className="print-name">
                    {t('matrix.worker')}
                  </th>
                  {skills.map((s, i) =>
                    i === 0 || skills[i - 1]!.stationId !== s.stationId ? (
                      <th
                        key={s.id}
                        scope="colgroup"
                        colSpan={skills.slice(i).findIndex((x) => x.stationId !== s.stationId) === -1 ? skills.length - i : skills.slice(i).findIndex((x) => x.stationId !== s.stationId)}
                        className="print-station"
                      >
                        {data.stationName.get(s.stationId)}
                      </th>
                    ) : null,
                  )}
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
                          {shown.level !== '-' && <LevelMark level={shown.level} status={shown.status} />}
                          <span className="visually-hidden">{shown.level !== '-' ? levelName(t, shown.level) : ''}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={skills.length + 1} className="print-legend">
                    {REACHABLE_LEVELS.map((l) => (
                      <span key={l.code}>
                        <LevelMark level={l.code} /> {levelLabel(t, l.code)}
                      </span>
                    ))}
                    <span>
                      <LevelMark level="U" status="claimed" /> {t('legend.claimed')}
                    </span>
                    <span className="print-date">
                      <Icon name="clock" size={16} /> {t('print.printedOn', { date: printedOn })}
                    </span>
                  </td>
                </tr>
              </tfoot>
            </table>
          );
        }),
      )}
    </section>
  );
}
