import { LEVELS } from '../domain/levels';

/**
 * The level mark (a circle filled a quarter per level; a claim dashed and striped) as SVG
 * images for the matrix cells. The legend and the picker draw the same mark with CSS
 * (`.mark::before`); the grid uses images because a browser rasterises an image once and
 * then only copies it, which keeps scrolling a screen full of marks cheap.
 */
const SIZE = 40;
const STROKE = 4.4; // the CSS mark's 0.16em border on 1.45em
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

/** `--cell-mark-<rank>[-claimed]`: the images the matrix cells show, from LEVELS. */
export function cellMarkVariables(): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const l of LEVELS) {
    for (const claimed of [false, true]) {
      const svg = markSvg(l.colour, l.rank, claimed, l.rank === 0);
      vars[`--cell-mark-${l.rank}${claimed ? '-claimed' : ''}`] = `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
    }
  }
  return vars;
}
