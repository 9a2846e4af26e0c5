import { describe, expect, it } from 'vitest';
import { capableSkillCount, coverageOf } from './coverage';
import { formatHlc } from './hlc';
import type { LevelCode, LevelStatus } from './levels';
import type { LevelRecord } from './model';

const NOW = Date.UTC(2026, 10, 29);
const stampAt = (ms: number) => formatHlc({ wall: ms, counter: 0 }, 'dev');

function rec(workerId: string, level: LevelCode, status: LevelStatus = 'confirmed', at = NOW - 1000, skillId = 's1'): LevelRecord {
  const base = { workerId, skillId, by: null, note: '', outcome: null };
  return status === 'claimed' ? { ...base, level: '-', at: '', claim: { level, at: stampAt(at), note: '' } } : { ...base, level, at: stampAt(at), claim: null };
}

const skill = { id: 's1', targetCoverage: 3, validityMonths: null };
const everyone = () => true;

describe('coverageOf', () => {
  it('counts confirmed U and O against the target', () => {
    const c = coverageOf(skill, [rec('a', 'U'), rec('b', 'O'), rec('c', 'L'), rec('d', 'I'), rec('e', '-')], everyone, NOW);
    expect(c).toMatchObject({ capable: 2, teachers: 1, status: 'gap', noTeacher: false });
  });

  it('marks a skill only one person can do as a single point of failure', () => {
    expect(coverageOf(skill, [rec('a', 'O'), rec('b', 'L')], everyone, NOW).status).toBe('singlePoint');
  });

  it('marks a skill nobody can do', () => {
    const c = coverageOf(skill, [rec('a', 'L')], everyone, NOW);
    expect(c).toMatchObject({ capable: 0, status: 'nobody', noTeacher: true });
  });

  it('marks a covered skill without anyone at O as not teachable in-house', () => {
    const c = coverageOf(skill, [rec('a', 'U'), rec('b', 'U'), rec('c', 'U')], everyone, NOW);
    expect(c).toMatchObject({ capable: 3, status: 'ok', noTeacher: true });
  });

  it('does not count claims, but reports them', () => {
    const c = coverageOf(skill, [rec('a', 'U', 'claimed'), rec('b', 'O', 'claimed'), rec('c', 'U')], everyone, NOW);
    expect(c).toMatchObject({ capable: 1, claimedCapable: 2, teachers: 0 });
  });

  it('ignores archived workers and other skills', () => {
    const c = coverageOf(skill, [rec('a', 'U'), rec('gone', 'O'), rec('b', 'O', 'confirmed', NOW, 's2')], (id) => id !== 'gone', NOW);
    expect(c).toMatchObject({ capable: 1, teachers: 0 });
  });

  it('does not count a confirmation older than the validity period', () => {
    const forklift = { id: 's1', targetCoverage: 2, validityMonths: 12 };
    const old = Date.UTC(2025, 10, 28);
    const recent = Date.UTC(2026, 5, 1);
    const c = coverageOf(forklift, [rec('a', 'U', 'confirmed', old), rec('b', 'U', 'confirmed', recent)], everyone, NOW);
    expect(c.capable).toBe(1);
  });

  it('a target of one is met by one person, not a single point of failure', () => {
    expect(coverageOf({ ...skill, targetCoverage: 1 }, [rec('a', 'U')], everyone, NOW).status).toBe('ok');
  });
});

describe('capableSkillCount', () => {
  it('counts a worker’s confirmed U/O on active skills only', () => {
    const skills = new Map([
      ['s1', { validityMonths: null, archived: false }],
      ['s2', { validityMonths: null, archived: true }],
      ['s3', { validityMonths: null, archived: false }],
    ]);
    const records = [rec('a', 'U', 'confirmed', NOW, 's1'), rec('a', 'O', 'confirmed', NOW, 's2'), rec('a', 'O', 'claimed', NOW, 's3')];
    expect(capableSkillCount(records, skills, NOW)).toBe(1);
  });
});
