import { describe, expect, it } from 'vitest';
import { approvedMapping } from '../../tests/mappingFixture';
import { formatHlc } from './hlc';
import type { LevelCode } from './levels';
import type { LevelRecord } from './model';
import { progressOf } from './progress';
import { EXAMPLE_QUALIFICATION } from './exampleQualification';
import { qualificationId, type Mapping, type Qualification } from './qualification';

const NOW = Date.UTC(2026, 10, 29);
const q: Qualification = { ...EXAMPLE_QUALIFICATION, id: qualificationId('99998', '2017-08-01') };
const map = (werkproces: string, skillId: string, extra: Partial<Mapping> = {}): Mapping => approvedMapping(q.id, werkproces, skillId, extra);
const rec = (skillId: string, level: LevelCode, at = NOW - 1000): LevelRecord => ({
  workerId: 'w',
  skillId,
  level,
  by: 'kees',
  at: formatHlc({ wall: at, counter: 0 }, 'd'),
  note: '',
  claim: null,
  outcome: null,
});
const skills = new Map(['a', 'b', 'c', 'f'].map((id) => [id, { validityMonths: id === 'f' ? 12 : null, archived: false }]));

describe('progress toward a qualification', () => {
  it('is shown when every mapped skill is met and one covers it fully; partly when some are', () => {
    const mappings = [map('B1-K1-W1', 'a'), map('B1-K1-W2', 'a'), map('B1-K1-W2', 'b'), map('B1-K1-W3', 'c', { coverage: 'partial' })];
    const levels = new Map([
      ['a', rec('a', 'O')],
      ['b', rec('b', 'L')],
      ['c', rec('c', 'U')],
    ]);
    const p = progressOf(q, mappings, levels, skills, NOW);
    expect(p.werkprocessen.map((w) => `${w.code}:${w.status}`)).toEqual(['B1-K1-W1:shown', 'B1-K1-W2:partly', 'B1-K1-W3:partly', 'B1-K1-W4:missing', 'B1-K1-W5:missing', 'B1-K1-W6:missing']);
    expect(p).toMatchObject({ shown: 1, total: 6 });
    expect(p.werkprocessen[0]!.skills[0]).toMatchObject({ level: 'O', met: true, confirmedBy: 'kees' });
  });

  it('ignores drafts and removed mappings, and expired confirmations', () => {
    const mappings = [map('B1-K1-W1', 'a', { status: 'draft' }), map('B1-K1-W2', 'b', { removed: true }), map('B1-K1-W6', 'f')];
    const levels = new Map([
      ['a', rec('a', 'U')],
      ['b', rec('b', 'U')],
      ['f', rec('f', 'U', Date.UTC(2025, 0, 1))],
    ]);
    expect(progressOf(q, mappings, levels, skills, NOW).shown).toBe(0);
  });

  it('a claim alone does not count', () => {
    const claimOnly: LevelRecord = { ...rec('a', '-'), claim: { level: 'O', at: '', note: '' } };
    expect(progressOf(q, [map('B1-K1-W1', 'a')], new Map([['a', claimOnly]]), skills, NOW).werkprocessen[0]!.status).toBe('missing');
  });
});
