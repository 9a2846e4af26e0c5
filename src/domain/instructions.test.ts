import { describe, expect, it } from 'vitest';
import { sameSteps, latestInstruction, stepsDoneAlone, suggestedLevel } from './instructions';

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

  it('counts steps done alone, also against an earlier version where the step is still there', () => {
    const step = (title: string) => ({ title, keyPoints: '', reasons: '' });
    const v1 = { version: 1, steps: [step('Meten'), step('Aftekenen'), step('Zagen')] };
    // Version 2: a typo fixed in "Zagen", a step added before it, "Aftekenen" reworded.
    const v2 = { version: 2, steps: [step('meten '), step('Klemmen'), step('Aftekenen met potlood'), step('Zagen')] };
    const sessions = [
      {
        instructionVersion: 1,
        steps: [
          { step: 0, how: 'alone' as const },
          { step: 1, how: 'alone' as const },
          { step: 2, how: 'helped' as const },
        ],
      },
      {
        instructionVersion: 2,
        steps: [
          { step: 3, how: 'alone' as const },
          { step: 1, how: 'helped' as const },
        ],
      },
      { instructionVersion: 9, steps: [{ step: 0, how: 'alone' as const }] },
      {},
    ];
    expect([...stepsDoneAlone(sessions, [v1, v2], v2)].sort()).toEqual([0, 3]);
    expect([...stepsDoneAlone(sessions, [v1, v2], v1)].sort()).toEqual([0, 1, 2]);
  });

  it('never suggests a level below the one the learner has', () => {
    const alone = [0, 1].map((step) => ({ step, how: 'alone' as const }));
    expect(suggestedLevel(2, alone, 'L')).toBe('U');
    expect(suggestedLevel(2, [{ step: 0, how: 'helped' }], 'U')).toBeNull();
    expect(suggestedLevel(2, alone, 'O')).toBeNull();
  });

  it('knows a save that changes nothing', () => {
    const a = [{ title: 'Meten', keyPoints: 'recht', reasons: '', photo: 'ab' }];
    expect(sameSteps(a, [{ ...a[0]!, title: ' Meten ' }])).toBe(true);
    expect(sameSteps(a, [{ ...a[0]!, photo: 'cd' }])).toBe(false);
    expect(sameSteps(a, [...a, ...a])).toBe(false);
  });
});
