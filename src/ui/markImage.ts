import { LEVELS } from '../domain/levels';

/**
 * The level mark, drawn once: a circle filled a quarter per level; a claim has a dashed edge
 * and stripes instead of a solid fill. It is an SVG image set on the page as CSS variables
 * (`--level-mark-<rank>[-claimed]`): LevelMark shows it beside the letter and every matrix
 * cell uses it as its background. A browser rasterises each image once and then only copies
 * it, which keeps scrolling a screen full of marks cheap.
 */
const SIZE = 40;
const STROKE = 4.4; // 0.16em on a 1.45em mark
const R = (SIZE - STROKE) / 2;
const C = SIZE / 2;

function wedge(quarters: number): string {
  if (quarters <= 0) return '';
  if (quarters >= 4) return `<circle cx="${C}" cy="${C}" r="${R}"/>`;
  const angle = (quarters * Math.PI) / 2;
  const x = C + R * Math.sin(angle);
  const y = C - R * Math.cos(angle);
  return `<path d="M${C} ${C}V${C - R}A${R} ${R} 0 ${quarters > 2 ? 1 : 0} 1 ${x.toFixed(2)} ${y.toFixed(2)}Z"/>`;
}

export function markSvg(colour: string, quarters: number, claimed: boolean, faded: boolean): string {
  const fill = claimed ? 'url(#s)' : colour;
  const stripes = claimed
    ? `<defs><pattern id="s" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#fff"/><rect width="2.2" height="5" fill="${colour}"/></pattern></defs>`
    : '';
  const dash = claimed ? ' stroke-dasharray="4.6 3"' : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}">${stripes}<g${faded ? ' opacity=".3"' : ''}>` +
    `<circle cx="${C}" cy="${C}" r="${R}" fill="#fff"/><g fill="${fill}">${wedge(quarters)}</g>` +
    `<circle cx="${C}" cy="${C}" r="${R}" fill="none" stroke="${colour}" stroke-width="${STROKE}"${dash}/></g></svg>`
  );
}

const asImage = (svg: string) => `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;

/**
 * `--level-mark-<rank>` and `--level-mark-<rank>-claimed` from LEVELS, and
 * `--level-mark-0-faded`: the grid's quiet "not yet" (a full matrix is mostly empty cells).
 */
export function levelMarkVariables(): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const l of LEVELS) {
    vars[`--level-mark-${l.rank}`] = asImage(markSvg(l.colour, l.rank, false, false));
    if (l.rank > 0) vars[`--level-mark-${l.rank}-claimed`] = asImage(markSvg(l.colour, l.rank, true, false));
  }
  const none = LEVELS[0]!;
  vars['--level-mark-0-faded'] = asImage(markSvg(none.colour, 0, false, true));
  return vars;
}
