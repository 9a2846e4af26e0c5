import { memo, useCallback, useMemo, type CSSProperties } from 'react';
import { useWorkerLevels } from '../../data/queries';
import { shownLevel, type Skill } from '../../domain/model';
import { isExpired } from '../../domain/validity';
import { useT } from '../../i18n';
import { LevelMark } from '../../ui/LevelMark';
import { useNow } from '../../ui/useNow';
import { CoverageMarks, useCoverage } from '../matrix/coverageDisplay';
import { cellLabel } from '../matrix/MatrixCell';
import { measureBold } from './textMeasure';
import { wrapLabel, type WallPage, type WallWorker } from './wallLayout';

interface Props {
  page: WallPage;
  /** The skills by id (the page holds ids and names only). */
  skills: ReadonlyMap<string, Skill>;
  /** Workers counted in the coverage row: the page's team, or everyone. */
  counted: ReadonlySet<string>;
  /** For the table's name: the team or "everyone". */
  label: string;
}

/**
 * One page of the wall: every person and skill of the page at once, sized by wallLayout to
 * fill the screen. Read-only: changing a level starts with signing in.
 */
export function WallMatrix({ page, skills, counted, label }: Props) {
  const t = useT();
  const now = useNow();
  const s = page.sizes;
  const pageSkills = useMemo(() => page.stations.flatMap((st) => st.skills.map((k) => skills.get(k.id)).filter((k): k is Skill => Boolean(k))), [page, skills]);
  const isCounted = useCallback((id: string) => counted.has(id), [counted]);
  const skillFont = useMemo(() => labelFont(pageSkills, s), [pageSkills, s]);
  const style = {
    '--wall-cell-w': `${s.cellWidth}px`,
    '--wall-cell-h': `${s.cellHeight}px`,
    '--wall-mark': `${s.mark}px`,
    '--wall-name-w': `${s.nameWidth}px`,
    '--wall-name-font': `${s.nameFont}px`,
    '--wall-skill-font': `${s.skillFont}px`,
    '--wall-station-h': `${s.stationHeight}px`,
    '--wall-skill-h': `${s.skillHeight}px`,
    '--wall-coverage-h': `${s.coverageHeight}px`,
  } as CSSProperties;
  return (
    <div role="table" className="wall-matrix" aria-label={label} style={style}>
      <div role="rowgroup">
        <div role="row" className="wall-row wall-stations">
          <span role="columnheader" className="wall-corner">
            {t('matrix.filterStation')}
          </span>
          {page.stations.map((st) => (
            <span
              key={`${st.id}:${st.skills[0]?.id}`}
              role="columnheader"
              aria-colspan={st.skills.length}
              className="wall-station"
              style={{ width: st.skills.length * s.cellWidth, fontSize: stationFont(st.name, st.skills.length * s.cellWidth, s.skillFont) }}
              title={st.name}
            >
              <span className="wall-clip">{st.name}</span>
            </span>
          ))}
        </div>
        <div role="row" className="wall-row wall-skills">
          <span role="columnheader" className="wall-corner">
            {t('matrix.worker')}
          </span>
          {pageSkills.map((skill) => (
            <span key={skill.id} role="columnheader" className="wall-skill" style={skillFont === s.skillFont ? undefined : { fontSize: skillFont }}>
              <SkillLabel name={skill.name} sizes={s} />
            </span>
          ))}
        </div>
        <div role="row" className="wall-row wall-coverage">
          <span role="rowheader" className="wall-corner">
            {t('matrix.coverage')}
          </span>
          {pageSkills.map((skill) => (
            <WallCoverage key={skill.id} skill={skill} isCounted={isCounted} now={now} sizes={s} />
          ))}
        </div>
      </div>
      <div role="rowgroup">
        {page.workers.map((w) => (
          <WallRow key={w.id} worker={w} skills={pageSkills} now={now} />
        ))}
      </div>
    </div>
  );
}

/** A skill label's lines at the page's skill font. */
const labelLines = (name: string, sizes: WallPage['sizes']) => wrapLabel(name, sizes.labelLines, measureBold, sizes.skillFont);

/**
 * One font for all skill labels of a page: smaller when a label is taller than the header, but
 * not below three quarters of the names' size (a label longer still gets "…"), so the labels
 * side by side keep one size.
 */
function labelFont(skills: readonly Skill[], sizes: WallPage['sizes']): number {
  // The label's padding, and a little room for rounding (else a shrunk line still gets its "…").
  const room = sizes.skillHeight - 22;
  const longest = Math.max(...skills.flatMap((k) => labelLines(k.name, sizes).map((l) => measureBold(l, sizes.skillFont))));
  return longest <= room ? sizes.skillFont : Math.max(Math.round(sizes.skillFont * 0.75), Math.floor((sizes.skillFont * room) / longest));
}

function SkillLabel({ name, sizes }: { name: string; sizes: WallPage['sizes'] }) {
  return (
    <span className="wall-skill-label">
      {labelLines(name, sizes).map((line, i) => (
        <span key={i}>{line}</span>
      ))}
    </span>
  );
}

/** A station's name a little smaller when that makes it fit over its columns (not below 18 px; then it is cut). */
function stationFont(name: string, width: number, font: number): number {
  const needed = measureBold(name, font) + 20;
  return needed <= width ? font : Math.max(18, Math.floor((font * width) / needed));
}

/** How many coverage icons fit beside the count ("10/3") in a column this wide. */
function coverageIcons(cellWidth: number, font: number, count: string): 0 | 1 | 2 {
  const room = cellWidth - 10 - measureBold(count, font);
  const icon = font * 0.9 + 4;
  return room >= 2 * icon ? 2 : room >= icon ? 1 : 0;
}

function WallCoverage({ skill, isCounted, now, sizes }: { skill: Skill; isCounted: (id: string) => boolean; now: number; sizes: WallPage['sizes'] }) {
  const { cov, label } = useCoverage(skill, isCounted, now);
  const icons = coverageIcons(sizes.cellWidth, sizes.skillFont, `${cov.capable}/${cov.target}`);
  return (
    <span role="cell" className={`wall-coverage-cell coverage-${cov.status}`} aria-label={label}>
      <CoverageMarks cov={cov} iconSize={Math.round(sizes.skillFont * 0.9)} icons={icons} />
    </span>
  );
}

/** `worker.name` is what the wall shows: initials for someone who asked for that. */
const WallRow = memo(function WallRow({ worker, skills, now }: { worker: WallWorker; skills: readonly Skill[]; now: number }) {
  const t = useT();
  const levels = useWorkerLevels(worker.id);
  const name = worker.name;
  return (
    <div role="row" className="wall-row wall-person">
      <span role="rowheader" className="wall-name" title={name}>
        <span className="wall-name-text">{name}</span>
      </span>
      {skills.map((skill) => {
        const record = levels?.get(skill.id);
        const shown = shownLevel(record);
        const expired = Boolean(record && !record.claim && isExpired(record, skill, now));
        return (
          <span
            key={skill.id}
            role="cell"
            className="wall-cell"
            data-expired={expired || undefined}
            aria-label={cellLabel(t, { workerLabel: name, skillName: skill.name, level: shown.level, status: shown.status, expired })}
          >
            {shown.level !== '-' && <LevelMark level={shown.level} status={shown.status} />}
          </span>
        );
      })}
    </div>
  );
});
