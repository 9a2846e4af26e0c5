import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useCompanyName, useSkills, useStations, useTeams, useWorkers } from '../../data/queries';
import { useSyncStatus } from '../../data/sync';
import { initialsOf, type Skill } from '../../domain/model';
import { skillsInMatrixOrder } from '../../domain/matrixOrder';
import { DEFAULT_WALL_PAGE_SECONDS, inRange, WALL_PAGE_LIMITS } from '../../domain/thresholds';
import { useT, type Translate } from '../../i18n';
import { useUi } from '../../state/ui';
import { formatTime, formatWeekday } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { useNow } from '../../ui/useNow';
import { SessionControls } from '../kiosk/SessionControls';
import { Legend } from '../matrix/Legend';
import { measureBold } from './textMeasure';
import { usePageTurner } from './usePageTurner';
import { planWall, type WallStation, type WallTeam } from './wallLayout';
import { WallMatrix } from './WallMatrix';
import { WeekStrip } from './WeekStrip';

/**
 * The wall: the whole team at a glance from three metres (issue 15). Full screen, one slim
 * status line, the matrix sized to fill what is left, pages that turn by themselves when the
 * team does not fit, the legend on one line and what happened this week. Nobody is signed in
 * here; signing in leaves the wall for the person's own screens, signing out comes back.
 */
export function WallScreen() {
  const t = useT();
  const language = useUi((s) => s.language);
  const homeSignal = useUi((s) => s.homeSignal);
  const pageSeconds = useUi((s) => s.wallPageSeconds);
  const company = useCompanyName();
  const teams = useTeams();
  const stations = useStations();
  const skills = useSkills();
  const workers = useWorkers();
  const now = useNow();
  const area = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);

  useEffect(() => {
    const el = area.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      const box = entry!.contentRect;
      setSize((old) => (old && old.width === Math.floor(box.width) && old.height === Math.floor(box.height) ? old : { width: Math.floor(box.width), height: Math.floor(box.height) }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const shape = useMemo(() => {
    if (!teams || !stations || !skills || !workers) return null;
    const ordered = skillsInMatrixOrder(stations, skills);
    const wallStations: WallStation[] = stations
      .filter((s) => !s.archived)
      .map((s) => ({ id: s.id, name: s.name, skills: ordered.filter((k) => k.stationId === s.id).map((k) => ({ id: k.id, name: k.name })) }));
    const people = workers.filter((w) => !w.archived);
    const activeTeams = teams.filter((tm) => !tm.archived);
    const known = new Set(activeTeams.map((tm) => tm.id));
    const wallTeams: WallTeam[] = [
      ...activeTeams.map((tm) => ({ id: tm.id, workers: people.filter((w) => w.teamId === tm.id) })),
      { id: null, workers: people.filter((w) => !known.has(w.teamId)) },
    ].map((tm) => ({ ...tm, workers: tm.workers.map((w) => ({ id: w.id, name: w.showInitials ? initialsOf(w.name) : w.name })) }));
    const teamOf = new Map(people.map((w) => [w.id, known.has(w.teamId) ? w.teamId : null]));
    return { wallStations, wallTeams, teamOf, skillsById: new Map<string, Skill>(skills.map((k) => [k.id, k])), teamNames: new Map(activeTeams.map((tm) => [tm.id, tm.name])) };
  }, [teams, stations, skills, workers]);

  const pages = useMemo(() => (shape && size ? planWall(size.width, size.height, shape.wallTeams, shape.wallStations, measureBold) : []), [shape, size]);
  const seconds = inRange(pageSeconds, WALL_PAGE_LIMITS) ? pageSeconds : DEFAULT_WALL_PAGE_SECONDS;
  const turner = usePageTurner(pages.length, seconds, homeSignal);
  const page = pages[turner.index];

  const counted = useMemo(() => {
    if (!page || !shape) return new Set<string>();
    return new Set([...shape.teamOf].filter(([, team]) => page.teamId === undefined || team === page.teamId).map(([id]) => id));
  }, [page, shape]);
  const teamName = page?.teamId === undefined ? t('wall.everyone') : page.teamId === null ? t('wall.noTeam') : (shape?.teamNames.get(page.teamId) ?? '');

  return (
    <div className="wall-screen" style={page ? ({ '--wall-font': `${page.sizes.nameFont}px` } as CSSProperties) : undefined}>
      <header className="wall-status">
        <img src="/icons/icon.svg" alt="" width="40" height="40" />
        <h1 className="wall-title">
          <span className="wall-company">{company || t('app.name')}</span>
          {pages.length > 1 && <span className="wall-team">{teamName}</span>}
        </h1>
        <span className="wall-date">{formatWeekday(now, language)}</span>
        <SyncLine t={t} language={language} />
        {/* Hold stops the pages and this week's lines alike (they move by themselves: WCAG 2.2.2). */}
        <span className="wall-pager">
          {pages.length > 1 && (
            <span aria-live="polite">
              <span className="page-long">{t('wall.page', { page: turner.index + 1, pages: pages.length })}</span>
              <span className="page-short" aria-hidden="true">
                {turner.index + 1}/{pages.length}
              </span>
            </span>
          )}
          <button type="button" className="nav-button" onClick={() => turner.setPaused(!turner.paused)} title={t(turner.paused ? 'wall.play' : 'wall.pause')}>
            <Icon name={turner.paused ? 'play' : 'pause'} /> <span className="visually-hidden">{t(turner.paused ? 'wall.play' : 'wall.pause')}</span>
          </button>
          {pages.length > 1 && (
            <button type="button" className="nav-button" onClick={turner.next} title={t('wall.next')}>
              <Icon name="next" /> <span className="visually-hidden">{t('wall.next')}</span>
            </button>
          )}
        </span>
        <SessionControls />
      </header>
      <main id="main" className="wall-main" tabIndex={-1}>
        <div ref={area} className="wall-area">
          {page && shape ? (
            <WallMatrix page={page} skills={shape.skillsById} counted={counted} label={t('wall.tableLabel', { team: teamName })} />
          ) : shape && !pages.length && size ? (
            <p className="empty-state">{t('matrix.emptyTitle')}</p>
          ) : null}
        </div>
        <Legend variant="line" />
        <WeekStrip paused={turner.paused} />
      </main>
    </div>
  );
}

/** Whether this wall shows the latest: only when the device is connected to the company. */
function SyncLine({ t, language }: { t: Translate; language: Parameters<typeof formatTime>[1] }) {
  const { phase, lastSync } = useSyncStatus();
  if (phase === 'off' || phase === 'otherTab') return null;
  const ok = phase === 'online';
  return (
    <span className={ok ? 'wall-sync' : 'wall-sync wall-sync-off'}>
      <Icon name="sync" /> {ok && lastSync ? t('wall.syncedAt', { time: formatTime(lastSync, language) }) : t(ok ? 'wall.synced' : 'wall.notSynced')}
    </span>
  );
}
