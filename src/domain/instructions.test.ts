import { describe, expect, it } from 'vitest';
import { latestInstruction, stepsDoneAlone, suggestedLevel } from './instructions';

describe('the level suggested from the ticked steps', () => {
  it('all steps with help → L, all alone → U, a mix of all → L', () => {
    expect(
      suggestedLevel(
        3,
        [0, 1, 2].map((step) => ({ step, how: 'helped' as const })),
      ),
    ).toBe('L');
    expect(
      suggestedLevel(
        3,
        [0, 1, 2].map((step) => ({ step, how: 'alone' as const })),
      ),
    ).toBe('U');
    expect(
      suggestedLevel(3, [
        { step: 0, how: 'alone' },
        { step: 1, how: 'helped' },
        { step: 2, how: 'alone' },
      ]),
    ).toBe('L');
  });

  it('some steps → I (learning it), none → no suggestion; steps outside the instruction do not count', () => {
    expect(suggestedLevel(3, [{ step: 0, how: 'alone' }])).toBe('I');
    expect(suggestedLevel(3, [])).toBeNull();
    expect(suggestedLevel(0, [{ step: 0, how: 'alone' }])).toBeNull();
    expect(
      suggestedLevel(2, [
        { step: 0, how: 'alone' },
        { step: 5, how: 'alone' },
      ]),
    ).toBe('I');
  });
});

describe('versions and steps done alone', () => {
  it('the highest version is in force; the later save wins a tie', () => {
    expect(
      latestInstruction([
        { version: 1, at: 'b' },
        { version: 2, at: 'a' },
        { version: 2, at: 'c' },
      ]),
    ).toEqual({ version: 2, at: 'c' });
    expect(latestInstruction([])).toBeUndefined();
  });

  it('counts steps done alone in sessions of the same version only', () => {
    const sessions = [
      { instructionVersion: 1, steps: [{ step: 0, how: 'alone' as const }] },
      {
        instructionVersion: 2,
        steps: [
          { step: 1, how: 'alone' as const },
          { step: 2, how: 'helped' as const },
        ],
      },
      {},
    ];
    expect([...stepsDoneAlone(sessions, 2)]).toEqual([1]);
  });
});
