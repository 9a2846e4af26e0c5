import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, hlcMillis, parseHlc, receive, tick } from './hlc';

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

  it('after receiving a remote stamp, the next local stamp sorts after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e12 }), fc.integer({ min: 0, max: 2e12 }), fc.integer({ min: 0, max: 99 }), (local, remote, c) => {
        const remoteStamp = formatHlc({ wall: remote, counter: c }, 'b');
        const s = tick(receive({ wall: local, counter: 0 }, remoteStamp, local), local);
        expect(formatHlc(s, 'a') > remoteStamp).toBe(true);
      }),
    );
  });

  it('round-trips and exposes wall time', () => {
    const stamp = formatHlc({ wall: 1764403200000, counter: 7 }, 'dev-1');
    expect(parseHlc(stamp)).toEqual({ wall: 1764403200000, counter: 7, device: 'dev-1' });
    expect(hlcMillis(stamp)).toBe(1764403200000);
  });
});
