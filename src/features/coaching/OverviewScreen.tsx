import { useState } from 'react';
import { useCoachingOverview } from '../../data/queries';
import { TeamSelect } from '../people/TeamSelect';
import type { CoveragePoint } from '../../domain/coachingStats';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { useT, type MessageKey } from '../../i18n';
import { useUi } from '../../state/ui';
import { TextField } from '../../ui/Field';
import { formatDayMonth, formatHours, localDay } from '../../ui/format';
import { useNames } from '../history/useNames';

/** Coaching hours per learner, coach and skill for a period, and team coverage over 12 weeks. */
export function OverviewScreen() {
  const t = useT();
  const language = useUi((s) => s.language);
  const names = useNames();
  const [from, setFrom] = useState(() => localDay(Date.now() - 27 * 86_400_000));
  const [to, setTo] = useState(() => localDay(Date.now()));
  const [teamId, setTeamId] = useState('');
  const data = useCoachingOverview(from, to, teamId);
  if (!data || !names) return <p className="loading">{t('app.loading')}</p>;

  const table = (title: MessageKey, rows: Map<string, number>, label: (id: string) => string) => (
    <section className="stat-table">
      <h2>{t(title)}</h2>
      {rows.size === 0 ? (
        <p>{t('overview.none')}</p>
      ) : (
        <table>
          <ColumnHeads labels={[t('overview.name'), t('overview.hours')]} />
          <tbody>
            {[...rows].map(([id, minutes]) => (
              <tr key={id}>
                <td>{label(id)}</td>
                <td>{formatHours(minutes, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );

  return (
    <section className="list-screen overview" aria-labelledby="overview-title">
      <h1 id="overview-title" className="screen-title">
        {t('overview.title')}
      </h1>
      <div className="filters">
        <TeamSelect value={teamId} onChange={setTeamId} />
        <TextField label={t('audit.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label={t('audit.to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <div className="stat-tables">
        {table('overview.byLearner', data.byLearner, names.person)}
        {table('overview.byCoach', data.byCoach, names.person)}
        {table('overview.bySkill', data.bySkill, names.skill)}
      </div>
      <CoverageChart series={data.series} skillCount={data.skillCount} />
    </section>
  );
}

/** A line chart readable on the wall: thick line, big labels; the same numbers as a table. */
function CoverageChart({ series, skillCount }: { series: CoveragePoint[]; skillCount: number }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const W = 720;
  const H = 260;
  const pad = { left: 56, right: 16, top: 16, bottom: 44 };
  const max = Math.max(1, skillCount);
  const x = (i: number) => pad.left + (i * (W - pad.left - pad.right)) / Math.max(1, series.length - 1);
  const y = (v: number) => H - pad.bottom - (v / max) * (H - pad.top - pad.bottom);
  const date = (ms: number) => formatDayMonth(ms, language);
  const path = series.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.skillsAtTarget).toFixed(1)}`).join(' ');
  return (
    <section aria-labelledby="chart-title">
      <h2 id="chart-title">{t('overview.chartTitle')}</h2>
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc">
        <desc id="chart-desc">{t('overview.chartDesc', { from: series[0]?.skillsAtTarget ?? 0, to: series.at(-1)?.skillsAtTarget ?? 0, total: skillCount })}</desc>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={pad.left} x2={W - pad.right} y1={y(max * f)} y2={y(max * f)} stroke="#d1d5db" />
            <text x={pad.left - 8} y={y(max * f) + 6} textAnchor="end" fontSize="16">
              {Math.round(max * f)}
            </text>
          </g>
        ))}
        <path d={path} fill="none" stroke="#1d4ed8" strokeWidth="4" />
        {series.map((p, i) => (
          <circle key={p.at} cx={x(i)} cy={y(p.skillsAtTarget)} r="5" fill="#1d4ed8" />
        ))}
        {series.map((p, i) =>
          i % 3 === series.length % 3 || i === series.length - 1 ? (
            <text key={p.at} x={x(i)} y={H - 16} textAnchor="middle" fontSize="16">
              {date(p.at)}
            </text>
          ) : null,
        )}
      </svg>
      <details>
        <summary>{t('overview.asTable')}</summary>
        <table>
          <ColumnHeads labels={[t('overview.week'), t('overview.atTarget'), t('overview.capable')]} />
          <tbody>
            {series.map((p) => (
              <tr key={p.at}>
                <td>{date(p.at)}</td>
                <td>
                  {p.skillsAtTarget} / {skillCount}
                </td>
                <td>{p.capable}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
