import type { Measure } from './wallLayout';

/**
 * Widths of bold text in the page's own font, from one canvas: the wall sizes its columns to
 * the names it has to show. Cached, because a layout asks for the same words many times.
 */
let context: CanvasRenderingContext2D | null = null;
const cache = new Map<string, number>();
const CACHE_LIMIT = 5000;

export const measureBold: Measure = (text, px) => {
  const key = `${px}|${text}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  context ??= document.createElement('canvas').getContext('2d');
  let width = text.length * px * 0.62;
  if (context) {
    context.font = `700 ${px}px ${getComputedStyle(document.documentElement).fontFamily}`;
    width = context.measureText(text).width;
  }
  if (cache.size > CACHE_LIMIT) cache.clear();
  cache.set(key, width);
  return width;
};
