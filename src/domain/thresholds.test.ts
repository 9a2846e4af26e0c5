import { describe, expect, it } from 'vitest';
import { appSourceFiles } from '../../tests/sourceFiles';
import { translate } from '../i18n';
import { DEFAULT_KIOSK_POLICY, isValidPin, validPolicy } from './pin';
import { DEFAULT_TARGET_COVERAGE, DEFAULT_WALL_IDLE_SECONDS, FUND_REPORT_MIN_GROUP, inRange, KIOSK_DEFAULTS, KIOSK_LIMITS, PIN_LENGTH, WALL_IDLE_LIMITS } from './thresholds';

describe('thresholds, declared once', () => {
  it('keep their defaults inside their own ranges', () => {
    expect(validPolicy(DEFAULT_KIOSK_POLICY)).toBe(true);
    for (const key of Object.keys(KIOSK_DEFAULTS) as (keyof typeof KIOSK_DEFAULTS)[]) expect(inRange(KIOSK_DEFAULTS[key], KIOSK_LIMITS[key]), key).toBe(true);
    expect(inRange(DEFAULT_WALL_IDLE_SECONDS, WALL_IDLE_LIMITS)).toBe(true);
    expect(DEFAULT_TARGET_COVERAGE).toBe(3);
    expect(FUND_REPORT_MIN_GROUP).toBe(5);
  });

  it('drive the checks and the words that show them', () => {
    expect(isValidPin('1'.repeat(PIN_LENGTH.min))).toBe(true);
    expect(isValidPin('1'.repeat(PIN_LENGTH.max + 1))).toBe(false);
    expect(validPolicy({ ...DEFAULT_KIOSK_POLICY, maxAttempts: KIOSK_LIMITS.maxAttempts.max + 1 })).toBe(false);
    expect(translate('nl', 'settings.lockMinutes', { ...KIOSK_LIMITS.lockMinutes })).toBe('Minuten op slot (1–120)');
    expect(translate('nl', 'settings.wallIdleRange', { ...WALL_IDLE_LIMITS })).toBe('Kies een getal van 15 tot 3.600.');
  });

  it('are not written out again as bare numbers where they are used', () => {
    const bare = /\{ k: \d|K_ANONYMITY|>= 15 &&|<= 3600|\(3–20\)|\(1–120\)|= 120;|days = 30|DEFAULT_TARGET_COVERAGE = \d/;
    const offenders = appSourceFiles()
      .filter((file) => file.path !== 'domain/thresholds.ts' && bare.test(file.text()))
      .map((file) => file.path);
    expect(offenders).toEqual([]);
  });
});
