/**
 * How the wall fits the team onto the screen: the sizes of one page of the matrix, and the
 * pages when everyone does not fit. Pure geometry (text widths come from `measure`), so the
 * rules can be tested without a browser.
 *
 * The rule of DESIGN §6 and issue 15: from three metres a mark must be at least 40 px and a
 * name at least 24 px. Everything that fits at those sizes is shown on one page, as large as
 * the screen allows; what does not fit goes to the next page: first by team, then by groups of
 * stations, then by groups of people.
 */
export const WALL_MIN = {
  /** The level mark's drawing, in px. */
  mark: 40,
  /** Worker names and skill names, in px. */
  font: 24,
} as const;

/** Larger than this a cell only looks empty: a TV with few skills keeps them readable, not huge. */
const MAX_MARK = 96;
/** Font scales tried, largest first: the first one at which the page still fits is used. */
const SCALES = [2, 1.75, 1.5, 1.25, 1] as const;
const LINE_HEIGHT = 1.15;
/** A cell holds the mark and its letter beside it (half the mark's size, see .wall-cell in styles.css). */
const MARK_TO_CELL = 1.5;
/** Padding beside a name, and above and below a vertical skill label, in px. */
const PAD = 12;
const LABEL_PAD = 8;
/** A skill label may always take this share of the height (more when the rows leave room). */
const MAX_HEADER_SHARE = 0.32;
const MAX_LABEL_LINES = 3;
/**
 * The name column takes at most this share of the width and room for about 24 letters (a longer
 * name gets "…"), but always about 18 letters (on a narrow screen).
 */
const NAME_MAX_SHARE = 0.25;
const NAME_MAX_LETTERS = 15;

export interface WallWorker {
  id: string;
  name: string;
}

export interface WallTeam {
  /** null: people in no (active) team. */
  id: string | null;
  workers: readonly WallWorker[];
}

export interface WallStation {
  id: string;
  name: string;
  skills: readonly { id: string; name: string }[];
}

/** Width of `text` in px at `px` font size (bold). */
export type Measure = (text: string, px: number) => number;

export interface WallSizes {
  /** Width and height of one level cell. */
  cellWidth: number;
  cellHeight: number;
  /** The drawn mark inside a cell. */
  mark: number;
  nameFont: number;
  skillFont: number;
  nameWidth: number;
  stationHeight: number;
  skillHeight: number;
  coverageHeight: number;
  /** Lines a vertical skill label may wrap onto (the column is that many lines wide). */
  labelLines: number;
}

export interface WallPage {
  /** The team this page shows (its coverage counts that team); undefined: everyone. */
  teamId?: string | null;
  workers: readonly WallWorker[];
  stations: readonly WallStation[];
  sizes: WallSizes;
}

/** Words of `name` on at most `lines` lines, balanced: the longest line as short as it can be. */
export function wrapLabel(name: string, lines: number, measure: Measure, px: number): string[] {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length <= 1 || lines <= 1) return [words.join(' ')];
  // Few words per label: try every split point set by growing the line limit.
  const widths = words.map((w) => measure(w, px));
  const space = measure(' ', px);
  const longestWord = Math.max(...widths);
  const total = widths.reduce((a, b) => a + b, 0) + space * (words.length - 1);
  for (let limit = longestWord; ; limit += Math.max(1, space)) {
    const out: string[] = [];
    let line: string[] = [];
    let width = 0;
    words.forEach((word, i) => {
      const w = widths[i]!;
      if (line.length && width + space + w > limit) {
        out.push(line.join(' '));
        line = [word];
        width = w;
      } else {
        width += (line.length ? space : 0) + w;
        line.push(word);
      }
    });
    out.push(line.join(' '));
    if (out.length <= lines || limit >= total) return out;
  }
}

/**
 * The name column: as wide as the longest name, but never more than a quarter of the screen
 * (a 58-letter name is cut with "…" rather than pushing every skill to another page).
 */
function nameColumn(names: readonly WallWorker[], font: number, width: number, measure: Measure): number {
  // Padding on both sides, the column's 3 px rule and a little for how the browser rounds.
  const longest = Math.max(...names.map((n) => measure(n.name, font)), measure('Medewerker', font)) + 2 * PAD + 8;
  return Math.ceil(Math.min(longest, Math.max(Math.min(width * NAME_MAX_SHARE, font * NAME_MAX_LETTERS), font * 11)));
}

/**
 * The sizes at one font scale for `rows` people and `columns` skills (the labels measured are
 * `labels`: those of the page, or of every page when the pages share their sizes); `fits` says
 * whether marks and names reach their minimum.
 */
function sizesAt(
  scale: number,
  width: number,
  height: number,
  rows: number,
  columns: number,
  labels: readonly { name: string }[],
  names: readonly WallWorker[],
  measure: Measure,
): { sizes: WallSizes; fits: boolean } {
  const nameFont = Math.round(WALL_MIN.font * scale);
  const skillFont = nameFont;
  const nameWidth = nameColumn(names, nameFont, width, measure);
  const minMark = WALL_MIN.mark * scale;
  const minCellWidth = Math.ceil(minMark * MARK_TO_CELL + 4);
  // A row needs the mark and its lines: the rows are what must fit, so nothing more.
  const minCellHeight = Math.ceil(minMark + 2);
  const cellWidth = Math.max(minCellWidth, Math.min(Math.floor((width - nameWidth) / columns), Math.ceil(MAX_MARK * 1.9)));
  const labelLines = Math.max(1, Math.min(MAX_LABEL_LINES, Math.floor((cellWidth - 8) / (skillFont * LINE_HEIGHT))));
  const longest = Math.max(...labels.map((s) => Math.max(...wrapLabel(s.name, labelLines, measure, skillFont).map((l) => measure(l, skillFont)))));
  const stationHeight = Math.ceil(skillFont * LINE_HEIGHT + PAD);
  const coverageHeight = Math.ceil(skillFont * LINE_HEIGHT + PAD);
  // A long skill name may take what the rows do not need; past that it is set smaller (WallMatrix).
  const headerRoom = Math.max(height * MAX_HEADER_SHARE, height - stationHeight - coverageHeight - rows * minCellHeight);
  const skillHeight = Math.ceil(Math.min(longest + 2 * LABEL_PAD, headerRoom));
  const cellHeight = Math.max(minCellHeight, Math.min(Math.floor((height - stationHeight - skillHeight - coverageHeight) / rows), Math.ceil(MAX_MARK * 1.25)));
  const fits = nameWidth + columns * cellWidth <= width && stationHeight + skillHeight + coverageHeight + rows * cellHeight <= height;
  const mark = Math.min(MAX_MARK, cellHeight - 2, Math.floor((cellWidth - 4) / MARK_TO_CELL));
  return { sizes: { cellWidth, cellHeight, mark, nameFont, skillFont, nameWidth, stationHeight, skillHeight, coverageHeight, labelLines }, fits };
}

/** The largest sizes at which `rows` × `columns` fit, or null if they do not fit at the minimum. */
function largestFit(width: number, height: number, rows: number, columns: number, labels: readonly { name: string }[], names: readonly WallWorker[], measure: Measure): WallSizes | null {
  if (rows === 0 || columns === 0) return null;
  for (const scale of SCALES) {
    const { sizes, fits } = sizesAt(scale, width, height, rows, columns, labels, names, measure);
    if (fits) return sizes;
  }
  return null;
}

/** The sizes of a page of `rows` people and these stations, as large as fits, or null if it does not fit at the minimum. */
export function sizePage(width: number, height: number, rows: number, stations: readonly WallStation[], names: readonly WallWorker[], measure: Measure): WallSizes | null {
  const skills = stations.flatMap((s) => s.skills);
  return largestFit(width, height, rows, skills.length, skills, names, measure);
}

/**
 * One set of sizes for every page, so a page turn changes what is shown, not how big it is
 * (a short last page does not blow up). Pages keep their own sizes only when no common size fits.
 */
function sameSizes(pages: WallPage[], width: number, height: number, measure: Measure): WallPage[] {
  if (pages.length < 2) return pages;
  const rows = Math.max(...pages.map((p) => p.workers.length));
  const columns = Math.max(...pages.map((p) => p.stations.reduce((n, s) => n + s.skills.length, 0)));
  const shared = largestFit(
    width,
    height,
    rows,
    columns,
    pages.flatMap((p) => p.stations.flatMap((s) => s.skills)),
    pages.flatMap((p) => p.workers),
    measure,
  );
  return shared ? pages.map((p) => ({ ...p, sizes: shared })) : pages;
}

/**
 * Consecutive groups of stations of at most `max` skills (a station too wide alone is cut into
 * parts), about equally full: 24 skills at 22 a page make two pages of 12, not 21 and 3.
 */
function stationGroups(stations: readonly WallStation[], max: number): WallStation[][] {
  const parts = stations.flatMap((station) =>
    station.skills.length > max ? Array.from({ length: Math.ceil(station.skills.length / max) }, (_, i) => ({ ...station, skills: station.skills.slice(i * max, (i + 1) * max) })) : [station],
  );
  const total = parts.reduce((n, p) => n + p.skills.length, 0);
  const target = Math.ceil(total / Math.ceil(total / max));
  const groups: WallStation[][] = [];
  let group: WallStation[] = [];
  let count = 0;
  for (const part of parts) {
    // Close the group when this station would overfill it, or would take it further past the even share than stopping short.
    const after = count + part.skills.length;
    if (group.length && (after > max || (after > target && after - target > target - count))) {
      groups.push(group);
      group = [];
      count = 0;
    }
    group.push(part);
    count += part.skills.length;
  }
  if (group.length) groups.push(group);
  return groups;
}

/** The most columns that fit at the minimum sizes next to these names. */
function maxColumns(width: number, names: readonly WallWorker[], measure: Measure): number {
  const nameWidth = nameColumn(names, WALL_MIN.font, width, measure);
  return Math.max(1, Math.floor((width - nameWidth) / Math.ceil(WALL_MIN.mark * MARK_TO_CELL + 4)));
}

/** Pages for one set of people: stations split into groups that fit across, people into groups that fit down. */
function pagesOf(width: number, height: number, workers: readonly WallWorker[], stations: readonly WallStation[], measure: Measure, teamId?: string | null, all?: Shared): WallPage[] {
  const whole = sizePage(width, height, workers.length, stations, workers, measure);
  if (whole) return [{ teamId, workers, stations, sizes: whole }];
  // Split pages are sized alike (see sameSizes): measured with every name and every skill label.
  const names = all?.names ?? workers;
  const labels = all?.labels ?? stations.flatMap((s) => s.skills);
  const fit = (rows: number, columns: number) => largestFit(width, height, rows, columns, labels, names, measure);
  const pages: WallPage[] = [];
  for (const group of stationGroups(stations, maxColumns(width, names, measure))) {
    const columns = group.reduce((n, s) => n + s.skills.length, 0);
    // As many people per page as fit at the minimum sizes.
    let perPage = workers.length;
    while (perPage > 1 && !fit(perPage, columns)) perPage--;
    for (let start = 0; start < workers.length; start += perPage) {
      const chunk = workers.slice(start, start + perPage);
      const sizes = fit(chunk.length, columns) ?? fallbackSizes(width, height, chunk.length, group, chunk, measure);
      pages.push({ teamId, workers: chunk, stations: group, sizes });
    }
  }
  return pages;
}

/** Every name and every skill label of the wall: what split pages are measured with. */
interface Shared {
  names: readonly WallWorker[];
  labels: readonly { name: string }[];
}

/** A screen too small even for one row of this group at the minimum: the minimum anyway (the page scrolls). */
function fallbackSizes(width: number, height: number, rows: number, stations: readonly WallStation[], names: readonly WallWorker[], measure: Measure): WallSizes {
  const skills = stations.flatMap((s) => s.skills);
  return sizesAt(1, width, height, rows, skills.length, skills, names, measure).sizes;
}

/**
 * Everyone on one page when that fits at the minimum sizes; otherwise a page (or pages) per
 * team, or everyone over groups of stations when that takes fewer pages (a screen turned
 * upright has room for everyone, not for every skill). The screen's `width` × `height` is the
 * space for the matrix alone.
 */
export function planWall(width: number, height: number, teams: readonly WallTeam[], stations: readonly WallStation[], measure: Measure): WallPage[] {
  const activeStations = stations.filter((s) => s.skills.length > 0);
  const everyone = teams.flatMap((t) => t.workers);
  if (!everyone.length || !activeStations.length) return [];
  const whole = sizePage(width, height, everyone.length, activeStations, everyone, measure);
  if (whole) return [{ workers: everyone, stations: activeStations, sizes: whole }];
  const all: Shared = { names: everyone, labels: activeStations.flatMap((s) => s.skills) };
  const byTeam = teams.filter((t) => t.workers.length).flatMap((t) => pagesOf(width, height, t.workers, activeStations, measure, t.id, all));
  const together = pagesOf(width, height, everyone, activeStations, measure, undefined, all);
  return sameSizes(together.length < byTeam.length ? together : byTeam, width, height, measure);
}
