import { describe, expect, it } from 'vitest';
import { atLeast, isLevelCode, LEVELS, levelLetter, levelOf, REACHABLE_LEVELS } from './levels';

describe('ILUO levels', () => {
  it('are ordered - I L U O with only U and O counting for coverage and only O coaching', () => {
    expect(LEVELS.map((l) => l.code).join('')).toBe('-ILUO');
    expect(LEVELS.filter((l) => l.countsForCoverage).map((l) => l.code)).toEqual(['U', 'O']);
    expect(LEVELS.filter((l) => l.mayCoach).map((l) => l.code)).toEqual(['O']);
    expect(LEVELS.map((l) => l.rank)).toEqual([0, 1, 2, 3, 4]);
  });

  it('compares levels by rank', () => {
    expect(atLeast('O', 'U')).toBe(true);
    expect(atLeast('L', 'U')).toBe(false);
    expect(isLevelCode('X')).toBe(false);
    expect(levelOf('U').key).toBe('independent');
  });

  it('gives each level its own colour', () => {
    expect(new Set(LEVELS.map((l) => l.colour)).size).toBe(LEVELS.length);
  });

  it('shows the letter, and nothing for "not yet" (the stored "-" is never shown)', () => {
    expect(LEVELS.map((l) => levelLetter(l.code))).toEqual(['', 'I', 'L', 'U', 'O']);
    expect(REACHABLE_LEVELS.map((l) => l.code)).toEqual(['I', 'L', 'U', 'O']);
  });
});
