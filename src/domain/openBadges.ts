import { hexToBytes, toBase64Url } from './identity/bytesText';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Evidence, EvidenceSession, EvidenceSkill, EvidenceWerkproces } from './evidence';
import { REACHABLE_LEVELS, levelLetter, type LevelCode } from './levels';

/**
 * Open Badges 3.0: an OpenBadgeCredential per shown werkproces and per confirmed skill,
 * aligned to the werkproces (targetCode, targetFramework = dossier + crebo) with the
 * confirmations and coaching as evidence. Issued by the company as a `did:key` (the signing
 * device's key: see credentials/), signed as a VC-JWT by `data/credentials`.
 *
 * Ids an assessor compares are stable: an Achievement is the same for everyone who shows that
 * werkproces of that dossier version (and per skill of the company); a credential's id is the
 * same each time the same person's same achievement is issued by the same issuer.
 */
export const OB3_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];

/** Where the werkproces is described; for the shipped example there is no real page. */
export function dossierUrl(crebo: string): string {
  return `https://www.s-bb.nl/kwalificatiedossier/${crebo}`;
}

const urn = (...parts: string[]) => `urn:vaardig:${parts.map((p) => encodeURIComponent(p)).join(':')}`;
const hash = (text: string) => bytesToHex(sha256(new TextEncoder().encode(text)));

/** Who issues: the company as a did:key, with its name and (if known) its KvK number. */
export interface Issuer {
  did: string;
  name: string;
  kvk?: string;
}

/** Words of the credentials that come from the catalogs: a level as people read it, letter included ("kan het zelfstandig (U)"). */
export interface BadgeWords {
  levelName(code: LevelCode): string;
}

export function achievementIdOfWerkproces(q: Evidence['qualification'], code: string): string {
  return urn('achievement', 'werkproces', q.crebo, q.version, code);
}

export function achievementIdOfSkill(skillId: string): string {
  return urn('achievement', 'skill', skillId);
}

function framework(e: Evidence): string {
  return `Kwalificatiedossier ${e.qualification.title} (crebo ${e.qualification.crebo}, versie ${e.qualification.version})${e.qualification.example ? ' — voorbeeld' : ''}`;
}

function alignment(e: Evidence, wp: EvidenceWerkproces) {
  return {
    type: ['Alignment'],
    targetCode: wp.code,
    targetName: wp.title,
    targetFramework: framework(e),
    targetUrl: dossierUrl(e.qualification.crebo),
    targetType: 'ceasn:Competency',
  };
}

function skillEvidence(s: EvidenceSkill) {
  return [
    ...(s.confirmedAt
      ? [
          {
            type: ['Evidence'],
            name: `Bevestigd: ${s.name} op niveau ${levelLetter(s.level)}`,
            description: `${s.recordedAtStart ? 'Vastgelegd bij de start van Vaardig, niet op naam bevestigd,' : `Bevestigd door ${s.confirmedBy}`} op ${s.confirmedAt.slice(0, 10)}.${s.note ? ` ${s.note}` : ''}`,
            genre: 'Bevestiging op de werkvloer',
          },
        ]
      : []),
    ...s.sessions.flatMap((x) => [
      {
        type: ['Evidence'],
        name: `Samen geoefend: ${s.name}`,
        description: `${x.date}: ${x.minutes} minuten met ${x.coach}.${x.practised ? ` ${x.practised}` : ''}${stepsText(x)}`,
        genre: 'Collega-coaching',
      },
      // The photo itself is in the portfolio; the badge names it by its SHA-256 (RFC 6920), so it can be checked.
      ...(x.photo
        ? [
            {
              type: ['Evidence'],
              id: `ni:///sha-256;${toBase64Url(hexToBytes(x.photo))}`,
              name: `Foto van het eindresultaat: ${s.name}`,
              description: `Foto van ${x.date}, in het portfolio.`,
              genre: 'Foto van het werk',
            },
          ]
        : []),
    ]),
  ];
}

/** The steps of the work instruction done in a session, in words. */
function stepsText(x: EvidenceSession): string {
  if (!x.steps?.length) return '';
  const of = (how: 'alone' | 'helped') => x.steps!.filter((t) => t.how === how).map((t) => t.title);
  const alone = of('alone');
  const helped = of('helped');
  return `${alone.length ? ` Stappen alleen gedaan: ${alone.join(', ')}.` : ''}${helped.length ? ` Stappen met hulp: ${helped.join(', ')}.` : ''}`;
}

/** The ILUO scale as a rubric, and where on it this achievement is met and this person stands. */
function levels(achievementId: string, required: LevelCode, achieved: LevelCode, words: BadgeWords) {
  const scale = `${achievementId}:iluo`;
  const level = (code: LevelCode) => `${scale}:${code}`;
  return {
    resultDescription: [
      {
        id: scale,
        type: ['ResultDescription'],
        name: 'Niveau op de werkvloer (ILUO)',
        resultType: 'RubricCriterionLevel',
        requiredLevel: level(required),
        rubricCriterionLevel: REACHABLE_LEVELS.map((l) => ({ id: level(l.code), type: ['RubricCriterionLevel'], name: words.levelName(l.code) })),
      },
    ],
    result: [{ type: ['Result'], resultDescription: scale, achievedLevel: level(achieved) }],
  };
}

/**
 * The person, without their name unless they agreed to it: a salted hash of their id (the salt
 * in the credential, so the holder can show it is theirs), then the name as they consented.
 */
function subjectIdentifiers(e: Evidence, issuer: Issuer, withName: boolean) {
  const salt = hash(`${issuer.did}|${e.worker.id}`).slice(0, 32);
  return [
    { type: 'IdentityObject', hashed: true, identityHash: `sha256$${hash(`${e.worker.id}${salt}`)}`, identityType: 'systemId', salt },
    ...(withName ? [{ type: 'IdentityObject', hashed: false, identityHash: e.worker.name, identityType: 'name' }] : []),
  ];
}

/** A small badge image: the werkproces code or the skill's level letter on the ILUO blue. */
function badgeImage(label: string): { id: string; type: 'Image'; caption: string } {
  const text = label.replace(/[<>&"']/g, '').slice(0, 12);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200"><circle cx="100" cy="100" r="96" fill="#1d4ed8"/><text x="100" y="112" font-family="sans-serif" font-size="${text.length > 6 ? 26 : 44}" font-weight="700" fill="#fff" text-anchor="middle">${text}</text></svg>`;
  return { id: `data:image/svg+xml;base64,${btoa(svg)}`, type: 'Image', caption: text };
}

interface Made {
  achievementId: string;
  name: string;
  description: string;
  narrative: string;
  alignments: object[];
  evidence: object[];
  validFrom: string;
  validUntil: string;
  required: LevelCode;
  achieved: LevelCode;
  image: string;
}

function credential(e: Evidence, issuer: Issuer, made: Made, words: BadgeWords, withName: boolean) {
  return {
    '@context': OB3_CONTEXT,
    id: urn('credential', hash(`${issuer.did}|${e.worker.id}|${made.achievementId}`).slice(0, 40)),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: made.name,
    issuer: {
      id: issuer.did,
      type: ['Profile'],
      name: issuer.name,
      ...(issuer.kvk ? { otherIdentifier: [{ type: 'IdentifierEntry', identifier: issuer.kvk, identifierType: 'identifier' }] } : {}),
    },
    validFrom: made.validFrom,
    ...(made.validUntil ? { validUntil: made.validUntil } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: subjectIdentifiers(e, issuer, withName),
      achievement: {
        id: made.achievementId,
        type: ['Achievement'],
        achievementType: 'Competency',
        name: made.name,
        description: made.description,
        criteria: { narrative: made.narrative },
        alignment: made.alignments,
        image: badgeImage(made.image),
        inLanguage: 'nl',
        resultDescription: levels(made.achievementId, made.required, made.achieved, words).resultDescription,
      },
      result: levels(made.achievementId, made.required, made.achieved, words).result,
    },
    evidence: made.evidence,
  };
}

export type OpenBadgeCredential = ReturnType<typeof credential>;

/** Every credential this evidence supports, unsigned (signing: data/credentials). */
export function openBadgeCredentials(e: Evidence, issuer: Issuer, words: BadgeWords, { withName = true } = {}): OpenBadgeCredential[] {
  const out: OpenBadgeCredential[] = [];
  const earliest = (dates: string[]) => dates.filter(Boolean).sort()[0] ?? '';
  for (const wp of e.werkprocessen) {
    if (wp.status !== 'shown') continue;
    const lowest = wp.skills.reduce<EvidenceSkill | null>(
      (min, s) => (!min || REACHABLE_LEVELS.findIndex((l) => l.code === s.level) < REACHABLE_LEVELS.findIndex((l) => l.code === min.level) ? s : min),
      null,
    );
    out.push(
      credential(
        e,
        issuer,
        {
          achievementId: achievementIdOfWerkproces(e.qualification, wp.code),
          name: `${wp.code} ${wp.title}`,
          description: `Werkproces ${wp.code} uit ${framework(e)}, laten zien op de werkvloer.`,
          narrative: `Alle vaardigheden die bij dit werkproces horen zijn bevestigd op het vereiste niveau: ${wp.skills.map((s) => `${s.name} (${levelLetter(s.level)})`).join(', ')}.`,
          alignments: [alignment(e, wp)],
          evidence: wp.skills.flatMap(skillEvidence),
          validFrom:
            wp.skills
              .map((s) => s.confirmedAt)
              .sort()
              .at(-1) || e.generatedAt,
          // A werkproces stays shown while every skill under it does: until the first runs out.
          validUntil: earliest(wp.skills.map((s) => s.validUntil)),
          required: lowest?.requiredLevel ?? 'U',
          achieved: lowest?.level ?? 'U',
          image: wp.code,
        },
        words,
        withName,
      ),
    );
  }
  const skills = new Map<string, { skill: EvidenceSkill; wps: EvidenceWerkproces[] }>();
  for (const wp of e.werkprocessen) for (const s of wp.skills) if (s.met) skills.set(s.skillId, { skill: s, wps: [...(skills.get(s.skillId)?.wps ?? []), wp] });
  for (const { skill, wps } of skills.values()) {
    out.push(
      credential(
        e,
        issuer,
        {
          achievementId: achievementIdOfSkill(skill.skillId),
          name: skill.name,
          description: `${skill.name}: bevestigd op de werkvloer bij ${e.company}.`,
          narrative: `${skill.recordedAtStart ? 'Vastgelegd bij de start van Vaardig, niet op naam bevestigd' : `Bevestigd door ${skill.confirmedBy}`}; vereist voor het werkproces: ${levelLetter(skill.requiredLevel)}.`,
          alignments: wps.map((wp) => alignment(e, wp)),
          evidence: skillEvidence(skill),
          validFrom: skill.confirmedAt || e.generatedAt,
          validUntil: skill.validUntil,
          required: skill.requiredLevel,
          achieved: skill.level,
          image: levelLetter(skill.level),
        },
        words,
        withName,
      ),
    );
  }
  return out;
}
