import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, afterSuccess, DEFAULT_KIOSK_POLICY, idleSecondsGone, isLocked, isValidPin, lockRemainingSeconds, validPolicy } from './pin';

const NOW = 1_800_000_000_000;

describe('PIN rules', () => {
  it('accepts 4 to 6 digits only', () => {
    expect(['1234', '12345', '123456'].every(isValidPin)).toBe(true);
    expect(['123', '1234567', '12a4', ' 1234', ''].some(isValidPin)).toBe(false);
  });

  it('locks a name for the set time after the fifth wrong PIN, not before', () => {
    let state = afterSuccess();
    for (let i = 1; i < 5; i++) {
      state = afterFailure(state, NOW, DEFAULT_KIOSK_POLICY);
      expect(isLocked(state, NOW)).toBe(false);
      expect(state.failures).toBe(i);
    }
    state = afterFailure(state, NOW, DEFAULT_KIOSK_POLICY);
    expect(isLocked(state, NOW)).toBe(true);
    expect(lockRemainingSeconds(state, NOW)).toBe(300);
    expect(isLocked(state, NOW + 299_000)).toBe(true);
    expect(isLocked(state, NOW + 300_000)).toBe(false);
  });

  it('never locks with fewer wrong PINs than the policy allows, whatever the policy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 20 }), fc.integer({ min: 1, max: 120 }), (maxAttempts, lockMinutes) => {
        const policy = { maxAttempts, lockMinutes, idleSeconds: 60 };
        let state = afterSuccess();
        for (let i = 1; i < maxAttempts; i++) state = afterFailure(state, NOW, policy);
        expect(isLocked(state, NOW)).toBe(false);
        state = afterFailure(state, NOW, policy);
        expect(lockRemainingSeconds(state, NOW)).toBe(lockMinutes * 60);
      }),
    );
  });

  it('checks the configurable policy ranges', () => {
    expect(validPolicy(DEFAULT_KIOSK_POLICY)).toBe(true);
    expect(validPolicy({ ...DEFAULT_KIOSK_POLICY, maxAttempts: 1 })).toBe(false);
    expect(validPolicy({ ...DEFAULT_KIOSK_POLICY, idleSeconds: 5 })).toBe(false);
  });
});

describe('kiosk idle time', () => {
  const signedInAt = 1_000_000;

  it('counts whole seconds from the sign-in, or from the last touch after it', () => {
    expect(idleSecondsGone(signedInAt, 0, signedInAt + 999)).toBe(0);
    expect(idleSecondsGone(signedInAt, 0, signedInAt + 12_500)).toBe(12);
    expect(idleSecondsGone(signedInAt, signedInAt + 10_000, signedInAt + 12_500)).toBe(2);
  });

  it('a new sign-in starts afresh: the previous session’s touches and clock do not count', () => {
    // The previous person touched long ago; the clock was last read before this sign-in.
    expect(idleSecondsGone(signedInAt, signedInAt - 60_000, signedInAt - 30_000)).toBe(0);
    expect(idleSecondsGone(signedInAt, signedInAt - 60_000, signedInAt)).toBe(0);
  });
});
