import type { Evidence, EvidenceSkill, EvidenceWerkproces } from './evidence';
import { levelLetter } from './levels';

/**
 * Open Badges 3.0: an OpenBadgeCredential per shown werkproces and per confirmed skill,
 * aligned to the werkproces (targetCode, targetFramework = dossier + crebo) with the
 * confirmations and coaching as evidence. Unsigned (a signature needs an organisation key).
 */
export const OB3_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];

/** Where the werkproces is described; for the shipped example there is no real page. */
export function dossierUrl(crebo: string): string {
  return `https://www.s-bb.nl/kwalificatiedossier/${crebo}`;
}

const urn = (...parts: string[]) => `urn:vaardig:${parts.map((p) => encodeURIComponent(p)).join(':')}`;

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
            description: `Bevestigd door ${s.confirmedBy} op ${s.confirmedAt.slice(0, 10)}.${s.note ? ` ${s.note}` : ''}`,
            genre: 'Bevestiging op de werkvloer',
          },
        ]
      : []),
    ...s.sessions.map((x) => ({
      type: ['Evidence'],
      name: `Samen geoefend: ${s.name}`,
      description: `${x.date}: ${x.minutes} minuten met ${x.coach}.${x.practised ? ` ${x.practised}` : ''}`,
      genre: 'Collega-coaching',
    })),
  ];
}

function credential(e: Evidence, id: string, name: string, description: string, narrative: string, alignments: object[], evidence: object[], validFrom: string) {
  return {
    '@context': OB3_CONTEXT,
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name,
    issuer: { id: urn('organisation', e.company), type: ['Profile'], name: e.company },
    validFrom,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', hashed: false, identityHash: e.worker.name, identityType: 'name' }],
      achievement: {
        id: `${id}:achievement`,
        type: ['Achievement'],
        achievementType: 'Competency',
        name,
        description,
        criteria: { narrative },
        alignment: alignments,
        inLanguage: 'nl',
      },
    },
    evidence,
  };
}

export function openBadgeCredentials(e: Evidence): object[] {
  const out: object[] = [];
  for (const wp of e.werkprocessen) {
    if (wp.status === 'shown') {
      const validFrom =
        wp.skills
          .map((s) => s.confirmedAt)
          .sort()
          .at(-1) || e.generatedAt;
      out.push(
        credential(
          e,
          urn('credential', e.worker.id, e.qualification.id, wp.code),
          `${wp.code} ${wp.title}`,
          `Werkproces ${wp.code} uit ${framework(e)}, laten zien op de werkvloer.`,
          `Alle vaardigheden die bij dit werkproces horen zijn bevestigd op het vereiste niveau: ${wp.skills.map((s) => `${s.name} (${levelLetter(s.level)})`).join(', ')}.`,
          [alignment(e, wp)],
          wp.skills.flatMap(skillEvidence),
          validFrom,
        ),
      );
    }
  }
  const skills = new Map<string, { skill: EvidenceSkill; wps: EvidenceWerkproces[] }>();
  for (const wp of e.werkprocessen) for (const s of wp.skills) if (s.met) skills.set(s.skillId, { skill: s, wps: [...(skills.get(s.skillId)?.wps ?? []), wp] });
  for (const { skill, wps } of skills.values()) {
    out.push(
      credential(
        e,
        urn('credential', e.worker.id, e.qualification.id, 'skill', skill.skillId),
        skill.name,
        `${skill.name}: ${levelLetter(skill.level)} (bevestigd op de werkvloer bij ${e.company}).`,
        `Bevestigd door ${skill.confirmedBy} op niveau ${levelLetter(skill.level)}; vereist voor het werkproces: ${levelLetter(skill.requiredLevel)}.`,
        wps.map((wp) => alignment(e, wp)),
        skillEvidence(skill),
        skill.confirmedAt || e.generatedAt,
      ),
    );
  }
  return out;
}
