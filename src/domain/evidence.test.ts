import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { openBadgesSchema } from '../../tests/standards';
import { buildEvidence } from './evidence';
import { formatHlc } from './hlc';
import type { LevelCode } from './levels';
import type { CoachingSession, LevelRecord, Skill } from './model';
import { openBadgeCredentials } from './openBadges';
import { EXAMPLE_QUALIFICATION } from './exampleQualification';
import { mappingId, qualificationId, type Mapping, type Qualification } from './qualification';

const NOW = Date.UTC(2026, 10, 29);
const q: Qualification = { ...EXAMPLE_QUALIFICATION, id: qualificationId('99998', '2017-08-01') };
const skill = (id: string, name: string): Skill => ({ id, name, stationId: 's', description: '', targetCoverage: 3, validityMonths: null, requires: [], archived: false });
const skills = new Map([skill('a', 'Afkorten'), skill('b', 'Maatvoering meten'), skill('c', 'Gereedschap wisselen')].map((s) => [s.id, s]));
const map = (werkproces: string, skillId: string, coverage: 'full' | 'partial' = 'full'): Mapping => ({
  id: mappingId(q.id, werkproces, skillId),
  qualificationId: q.id,
  werkproces,
  skillId,
  requiredLevel: 'U',
  coverage,
  status: 'approved',
  approvedBy: 'kees',
  approvedAt: 'x',
  removed: false,
});
const mappings = [map('B1-K1-W1', 'b'), map('B1-K1-W2', 'a'), map('B1-K1-W6', 'c', 'partial')];
const rec = (workerId: string, skillId: string, level: LevelCode, day = 20): LevelRecord => ({
  workerId,
  skillId,
  level,
  by: 'kees',
  at: formatHlc({ wall: Date.UTC(2026, 10, day), counter: 0 }, 'd'),
  note: 'goed',
  claim: null,
  outcome: null,
});
const sessions: CoachingSession[] = [
  { id: 's1', coachId: 'kees', learnerId: 'jan', skillId: 'a', assignmentId: null, date: '2026-11-10', minutes: 45, practised: 'afkorten op maat', levelReached: 'U', at: '' },
];

const ISSUER = { did: 'did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169', name: 'Timmerfabriek Veerman (voorbeeld)', kvk: '12345678' };
const WORDS = { levelName: (code: string) => `${{ I: 'leert het', L: 'met hulp', U: 'zelfstandig', O: 'leert anderen' }[code] ?? ''} (${code})` };
const schema = openBadgesSchema();
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function evidenceFor(levels: LevelRecord[]) {
  return buildEvidence({
    worker: { id: 'jan', name: 'Jan de Vries' },
    company: 'Timmerfabriek Veerman (voorbeeld)',
    qualification: q,
    mappings,
    levels: new Map(levels.map((l) => [l.skillId, l])),
    skills,
    sessions,
    nameOf: (id) => (id === 'kees' ? 'Kees Veerman' : '?'),
    now: NOW,
  });
}

describe('evidence and Open Badges 3.0', () => {
  const evidence = evidenceFor([rec('jan', 'a', 'U'), rec('jan', 'b', 'O'), rec('jan', 'c', 'L')]);

  it('builds per werkproces who confirmed what, when, and the coaching', () => {
    expect(evidence).toMatchObject({ shown: 2, total: 6, coachingMinutes: 45 });
    expect(evidence.werkprocessen[1]).toMatchObject({
      code: 'B1-K1-W2',
      status: 'shown',
      skills: [{ name: 'Afkorten', level: 'U', confirmedBy: 'Kees Veerman', confirmedAt: '2026-11-20T00:00:00.000Z', sessions: [{ minutes: 45, coach: 'Kees Veerman' }] }],
    });
    expect(evidence.werkprocessen[5]).toMatchObject({ code: 'B1-K1-W6', status: 'missing' });
  });

  it('makes one credential per shown werkproces and per confirmed skill, all valid against the 1EdTech schema', () => {
    const credentials = openBadgeCredentials(evidence, ISSUER, WORDS);
    expect(credentials).toHaveLength(2 + 2);
    for (const c of credentials) {
      const ok = validate(c);
      expect(validate.errors ?? [], JSON.stringify(c).slice(0, 200)).toEqual([]);
      expect(ok).toBe(true);
    }
    const wp = credentials[1] as { credentialSubject: { achievement: { alignment: { targetCode: string; targetFramework: string }[] } }; evidence: { genre: string }[] };
    expect(wp.credentialSubject.achievement.alignment[0]).toMatchObject({ targetCode: 'B1-K1-W2' });
    expect(wp.credentialSubject.achievement.alignment[0]!.targetFramework).toContain('crebo 99998');
    expect(wp.credentialSubject.achievement.alignment[0]!.targetFramework).toContain('voorbeeld');
    expect(wp.evidence.map((e) => e.genre)).toEqual(['Bevestiging op de werkvloer', 'Collega-coaching']);
  });

  it('names achievements the same for everyone, the level as a result on the ILUO scale, the person by a salted hash', () => {
    const jan = openBadgeCredentials(evidence, ISSUER, WORDS);
    const piet = openBadgeCredentials({ ...evidence, worker: { id: 'piet', name: 'Piet Bĳlsma' } }, ISSUER, WORDS);
    expect(piet.map((c) => c.credentialSubject.achievement.id)).toEqual(jan.map((c) => c.credentialSubject.achievement.id));
    expect(jan[1]!.credentialSubject.achievement.id).toBe('urn:vaardig:achievement:werkproces:99998:2017-08-01:B1-K1-W2');
    expect(new Set([...jan, ...piet].map((c) => c.id)).size).toBe(jan.length + piet.length);
    const skill = jan.find((c) => c.name === 'Afkorten' && c.credentialSubject.achievement.type.includes('Achievement') && c.credentialSubject.achievement.id.includes(':skill:'))!;
    const scale = skill.credentialSubject.achievement.resultDescription[0]!;
    expect(scale.rubricCriterionLevel.map((l) => l.name)).toEqual(['leert het (I)', 'met hulp (L)', 'zelfstandig (U)', 'leert anderen (O)']);
    expect(skill.credentialSubject.result[0]).toMatchObject({ resultDescription: scale.id, achievedLevel: `${scale.id}:U` });
    const [hashed, named] = skill.credentialSubject.identifier;
    expect(hashed).toMatchObject({ hashed: true, identityType: 'systemId' });
    expect(hashed!.identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(JSON.stringify(hashed)).not.toContain('jan');
    expect(named).toMatchObject({ hashed: false, identityType: 'name', identityHash: 'Jan de Vries' });
    expect(openBadgeCredentials(evidence, ISSUER, WORDS, { withName: false })[0]!.credentialSubject.identifier).toHaveLength(1);
    expect(skill.issuer).toMatchObject({ id: ISSUER.did, name: ISSUER.name });
  });

  it('a credential for a skill that must be shown again runs out when the confirmation does', () => {
    const expiring = new Map(skills);
    expiring.set('a', { ...skills.get('a')!, validityMonths: 12 });
    const e = buildEvidence({
      worker: { id: 'jan', name: 'Jan de Vries' },
      company: 'Veerman',
      qualification: q,
      mappings,
      levels: new Map([rec('jan', 'a', 'U'), rec('jan', 'b', 'O')].map((l) => [l.skillId, l])),
      skills: expiring,
      sessions,
      nameOf: () => 'Kees',
      now: NOW,
    });
    const credentials = openBadgeCredentials(e, ISSUER, WORDS);
    expect(credentials.find((c) => c.credentialSubject.achievement.id.endsWith(':skill:a'))?.validUntil).toBe('2027-11-20T00:00:00.000Z');
    expect(credentials.find((c) => c.credentialSubject.achievement.id.endsWith(':skill:b'))?.validUntil).toBeUndefined();
    for (const c of credentials) expect(validate(c)).toBe(true);
  });

  it('a credential missing a required field fails the schema (the check can fail)', () => {
    const broken = { ...(openBadgeCredentials(evidence, ISSUER, WORDS)[0] as Record<string, unknown>) };
    delete broken.validFrom;
    expect(validate(broken)).toBe(false);
  });
});
