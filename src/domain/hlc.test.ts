import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HLC_PATTERN } from './events';
import { formatHlc, hlcMillis, parseHlc, receive, resume, tick } from './hlc';
import { CLOCK_BOUNDS } from './thresholds';

describe('hybrid logical clock', () => {
  it('orders stamps as strings in the order they were made, even if the wall clock goes back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2_000_000_000_000 }), { minLength: 2, maxLength: 50 }), (nows) => {
        let state = { wall: 0, counter: 0 };
        const stamps = nows.map((now) => formatHlc((state = tick(state, now)), 'a'));
        const sorted = [...stamps].sort();
        expect(stamps).toEqual(sorted);
        expect(new Set(stamps).size).toBe(stamps.length);
      }),
    );
  });

  it('after receiving a remote stamp within the bound, the next local stamp sorts after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e12 }), fc.integer({ min: -2e12, max: CLOCK_BOUNDS.holdMs }), fc.integer({ min: 0, max: 99_999 }), (local, ahead, c) => {
        const remoteStamp = formatHlc({ wall: Math.max(0, local + ahead), counter: c }, 'b');
        const s = tick(receive({ wall: local, counter: 0 }, remoteStamp, local), local);
        expect(formatHlc(s, 'a') > remoteStamp).toBe(true);
      }),
    );
  });

  it('nothing received moves the clock past the bound or out of its format', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e12 }), fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 999_999_999_999_999 }), (now, junk, wall) => {
        for (const remote of [junk, formatHlc({ wall, counter: 99_999 }, 'b'), `${'9'.repeat(15)}:99999:b`]) {
          const s = tick(receive({ wall: now, counter: 0 }, remote, now), now);
          expect(s.wall - now).toBeLessThanOrEqual(CLOCK_BOUNDS.holdMs + 1);
          expect(formatHlc(s, 'a')).toMatch(HLC_PATTERN);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('resumes after its own log even when the wall clock is years behind', () => {
    const newest = formatHlc({ wall: 1_800_000_000_000, counter: 3 }, 'a');
    expect(formatHlc(tick(resume({ wall: 0, counter: 0 }, newest), 0), 'a') > newest).toBe(true);
  });

  it('round-trips and exposes wall time', () => {
    const stamp = formatHlc({ wall: 1764403200000, counter: 7 }, 'dev-1');
    expect(parseHlc(stamp)).toEqual({ wall: 1764403200000, counter: 7, device: 'dev-1' });
    expect(hlcMillis(stamp)).toBe(1764403200000);
  });
});
