import { describe, expect, it } from 'vitest';
import { appSourceFiles } from '../../tests/sourceFiles';
import { formatDay, formatWhen, localDay } from './format';

describe('dates as people write them', () => {
  it('writes a calendar day out, on the day it names (not the UTC day before)', () => {
    expect(formatDay('2026-06-12', 'nl')).toBe('12 juni 2026');
    expect(formatDay('2026-06-12', 'nl', { weekday: true })).toBe('vrijdag 12 juni 2026');
    expect(formatDay('2026-06-12', 'en')).toBe('12 June 2026');
    expect(localDay(new Date(2026, 0, 1).getTime())).toBe('2026-01-01');
    expect(formatDay(localDay(new Date(2026, 0, 1).getTime()), 'nl')).toBe('1 januari 2026');
  });

  it('shows anything that is not a day as it is', () => {
    expect(formatDay('morgen', 'nl')).toBe('morgen');
  });

  it('says today and yesterday in words, other days as a date', () => {
    const now = new Date(2026, 2, 10, 15, 0).getTime();
    expect(formatWhen(new Date(2026, 2, 10, 9, 5).getTime(), 'nl', now)).toBe('vandaag 09:05');
    expect(formatWhen(new Date(2026, 2, 9, 23, 59).getTime(), 'nl', now)).toBe('gisteren 23:59');
    expect(formatWhen(new Date(2026, 2, 9, 8, 0).getTime(), 'en', now)).toBe('yesterday 08:00');
    expect(formatWhen(new Date(2026, 2, 1, 8, 0).getTime(), 'nl', now)).toMatch(/^1 mrt 2026/);
  });
});

/**
 * Dates on screens and in documents go through the helpers above, so a person reads
 * "12 juni 2026", never "2026-06-12" or a browser's own format.
 */
describe('the one place dates are formatted', () => {
  // Where a date as yyyy-mm-dd is data, not text for a person.
  const isoAllowed = new Map([['features/transfer/readSheets.ts', "a spreadsheet's date cell read in as the text of a cell"]]);
  const files = appSourceFiles().filter((f) => /^(features|app|exports|ui)\//.test(f.path) && f.path !== 'ui/format.ts');

  it('no screen or export formats a date itself', () => {
    const own = /\.toLocale(Date|Time)?String\(|new Intl\.DateTimeFormat|new Intl\.RelativeTimeFormat/;
    expect(files.filter((f) => own.test(f.text())).map((f) => f.path)).toEqual([]);
  });

  it('no screen or export cuts an ISO date out of a timestamp (that is the UTC day, and not Dutch)', () => {
    const iso = /toISOString\(\)\.slice\(0,\s*10\)/;
    expect(files.filter((f) => !isoAllowed.has(f.path) && iso.test(f.text())).map((f) => f.path)).toEqual([]);
  });
});
