import type { Evidence } from './evidence';
import { levelLetter } from './levels';
import type { Grid } from './transfer/csv';

/** The evidence as a sheet for Excel: one row per werkproces × skill. */
export function evidenceGrid(
  e: Evidence,
  labels: Record<'werkproces' | 'title' | 'status' | 'skill' | 'required' | 'level' | 'confirmedBy' | 'confirmedAt' | 'minutes' | 'recordedAtStart', string>,
  statusText: (s: string) => string,
): Grid {
  const header = [labels.werkproces, labels.title, labels.status, labels.skill, labels.required, labels.level, labels.confirmedBy, labels.confirmedAt, labels.minutes];
  const rows = e.werkprocessen.flatMap((wp) =>
    (wp.skills.length ? wp.skills : [null]).map((s) => [
      wp.code,
      wp.title,
      statusText(wp.status),
      s?.name ?? '',
      s ? levelLetter(s.requiredLevel) : '',
      s ? levelLetter(s.level) : '',
      s?.recordedAtStart ? labels.recordedAtStart : (s?.confirmedBy ?? ''),
      s?.confirmedAt.slice(0, 10) ?? '',
      s ? String(s.sessions.reduce((n, x) => n + x.minutes, 0)) : '',
    ]),
  );
  return [header, ...rows];
}
