/**
 * The paper matrix's layout: which skills go on which sheet, and how big everything is so that
 * a sheet's table fills A3 landscape at 10 mm margins (the print CSS's @page). Sizes are in
 * millimetres on paper; text widths are estimated from the number of letters, generously, so a
 * skill name wraps only at its spaces and is never cut (a table cell grows if it needs more).
 */
export const PAPER = { width: 420, height: 297, margin: 10 } as const;

/** More skills than this on one sheet make the columns too narrow to read from a step away. */
export const SKILLS_PER_PAGE = 28;

/** Heights of the parts of a sheet that are not people's rows (mm). */
const PARTS = { title: 14, stations: 9, coverage: 15, legend: 12 } as const;
const NAME_COLUMN = { min: 40, max: 60 } as const;
const ROW = { min: 8, max: 20 } as const;
/** Width of an average letter as a share of the font size, generously (DejaVu Sans, Arial): plain, bold. */
const LETTER = 0.66;
const BOLD_LETTER = 0.74;
const LINE = 1.2;

/**
 * Skills split into sheets at station boundaries: whole stations while they fit, a station
 * larger than a sheet over several.
 */
export function paperPages<S extends { stationId: string }>(skills: readonly S[], perPage: number = SKILLS_PER_PAGE): S[][] {
  const stations: S[][] = [];
  for (const skill of skills) {
    const last = stations.at(-1);
    if (last && last[0]!.stationId === skill.stationId) last.push(skill);
    else stations.push([skill]);
  }
  const pages: S[][] = [];
  for (const station of stations) {
    for (let i = 0; i < station.length; i += perPage) {
      const part = station.slice(i, i + perPage);
      const page = pages.at(-1);
      if (page && i === 0 && page.length + part.length <= perPage) page.push(...part);
      else pages.push(part);
    }
  }
  return pages;
}

export interface PaperSizes {
  /** Shares of the table's width (they add up to 1): the names, and each skill. */
  nameShare: number;
  columnShare: number;
  /** Millimetres on paper. */
  columnMm: number;
  rowMm: number;
  headerMm: number;
  /** Font sizes (mm) of the skill names, the people's names and the level marks. */
  skillFontMm: number;
  nameFontMm: number;
  markFontMm: number;
}

/**
 * Sizes for one sheet with these skill names and people: the names get the room their longest
 * needs (within limits: a longer one wraps), the columns share the rest of the width; the skill
 * header is as tall as the longest skill name needs when it wraps at spaces into the lines a
 * column holds; the rows share the height that is left.
 */
export function paperSizes(skillNames: readonly string[], peopleNames: readonly string[]): PaperSizes {
  const width = PAPER.width - 2 * PAPER.margin;
  const height = PAPER.height - 2 * PAPER.margin;
  const columns = Math.max(1, skillNames.length);
  const people = Math.max(1, peopleNames.length);
  const rest = (headerMm: number) => height - PARTS.title - PARTS.stations - headerMm - PARTS.coverage - PARTS.legend;
  // The rows' height (and so the names' font) first from a header of a likely height.
  const nameFontMm = clamp(clamp(rest(45) / people, ROW.min, ROW.max) / 3.2, 3.5, 5);
  const longestName = Math.max(0, ...peopleNames.map((n) => n.length));
  const wanted = clamp(longestName * nameFontMm * BOLD_LETTER + 4, NAME_COLUMN.min, NAME_COLUMN.max);
  const columnMm = Math.min(40, (width - wanted) / columns);
  const nameMm = width - columnMm * columns;
  const skillFontMm = clamp(columnMm / 3.2, 3, 5);
  const lines = Math.max(1, Math.floor((columnMm - 2) / (skillFontMm * LINE)));
  const letter = skillFontMm * LETTER;
  const headerMm = Math.max(24, ...skillNames.map((name) => wrappedLength(name, lines) * letter + 4));
  const rowMm = clamp(rest(headerMm) / people, ROW.min, ROW.max);
  return {
    nameShare: nameMm / width,
    columnShare: columnMm / width,
    columnMm,
    rowMm,
    headerMm,
    skillFontMm,
    nameFontMm,
    // The mark's circle is 1.45 em wide: about half the cell's smaller side.
    markFontMm: (Math.min(rowMm, columnMm) * 0.5) / 1.45,
  };
}

/**
 * The length (in letters) of the longest line when a name is wrapped at its spaces into at
 * most `lines` lines, as short as that can be (never shorter than its longest word).
 */
export function wrappedLength(name: string, lines: number): number {
  const words = name.split(/\s+/).filter(Boolean);
  const fits = (length: number) => {
    let used = 1;
    let line = 0;
    for (const word of words) {
      const next = line === 0 ? word.length : line + 1 + word.length;
      if (next <= length) line = next;
      else {
        used++;
        line = word.length;
      }
    }
    return used <= lines;
  };
  let length = Math.max(0, ...words.map((w) => w.length));
  while (!fits(length)) length++;
  return length;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
