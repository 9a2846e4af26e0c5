import { inRange, KIOSK_DEFAULTS, KIOSK_LIMITS, PIN_LENGTH } from './thresholds';

/**
 * Kiosk PIN rules. The PIN attributes actions on a shared tablet and keeps honest people
 * honest; with 4–6 digits it cannot stop someone who has the device and time (see README).
 */
export interface KioskPolicy {
  /** Wrong PINs in a row before the name locks. */
  maxAttempts: number;
  lockMinutes: number;
  /** Sign out after this long without a touch. */
  idleSeconds: number;
}

export const DEFAULT_KIOSK_POLICY: KioskPolicy = { ...KIOSK_DEFAULTS };

export const PIN_PATTERN = new RegExp(`^\\d{${PIN_LENGTH.min},${PIN_LENGTH.max}}$`);

export function isValidPin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

export interface LockState {
  failures: number;
  lockedUntil: number;
}

export function isLocked(state: LockState, now: number): boolean {
  return state.lockedUntil > now;
}

export function lockRemainingSeconds(state: LockState, now: number): number {
  return Math.max(0, Math.ceil((state.lockedUntil - now) / 1000));
}

/** After a wrong PIN: count it, and lock once the limit is reached (the count starts again). */
export function afterFailure(state: LockState, now: number, policy: KioskPolicy): LockState {
  const failures = state.failures + 1;
  if (failures >= policy.maxAttempts) return { failures: 0, lockedUntil: now + policy.lockMinutes * 60_000 };
  return { failures, lockedUntil: state.lockedUntil };
}

export function afterSuccess(): LockState {
  return { failures: 0, lockedUntil: 0 };
}

export function validPolicy(p: KioskPolicy): boolean {
  return inRange(p.maxAttempts, KIOSK_LIMITS.maxAttempts) && inRange(p.lockMinutes, KIOSK_LIMITS.lockMinutes) && inRange(p.idleSeconds, KIOSK_LIMITS.idleSeconds);
}

/**
 * Whole seconds gone of the kiosk's idle time: counted from the sign-in or the last touch after
 * it, whichever is later. Touches and clock readings from before this sign-in (the previous
 * person's session) never count, so a new sign-in always starts with the whole idle time.
 */
export function idleSecondsGone(signedInAt: number, lastTouch: number, now: number): number {
  const from = Math.max(signedInAt, lastTouch);
  return Math.max(0, Math.floor((now - from) / 1000));
}
