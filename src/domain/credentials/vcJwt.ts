import { fromBase64Url, toBase64Url } from '../identity/bytesText';
import { didKeyOf, p256KeyOfDid, verificationMethodOf } from './didKey';

/**
 * Open Badges 3.0 credentials as VC-JWTs (JOSE compact serialisation, ES256): the credential is
 * the payload, with the registered claims JWT libraries check (`iss`, `jti`, `nbf`, `exp`), and
 * the header names the issuer's key as a did:key verification method, so anyone can verify it
 * offline with nothing but the file. Building and checking live here; signing is the device's
 * (data/credentials), which never lets its private key out.
 */
const encoder = new TextEncoder();
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export interface SignableCredential {
  id: string;
  issuer: { id: string };
  validFrom: string;
  validUntil?: string;
}

/** The header and payload, and the bytes ES256 signs. */
export function jwtToSign(credential: SignableCredential, publicKey: string): { signingInput: string } {
  const did = didKeyOf(publicKey);
  if (credential.issuer.id !== did) throw new Error('the credential names another issuer than the signing key');
  const header = { alg: 'ES256', typ: 'vc+jwt', cty: 'vc', kid: verificationMethodOf(did) };
  const payload = { ...credential, iss: did, jti: credential.id, nbf: seconds(credential.validFrom), ...(credential.validUntil ? { exp: seconds(credential.validUntil) } : {}) };
  const part = (value: object) => toBase64Url(encoder.encode(JSON.stringify(value)));
  return { signingInput: `${part(header)}.${part(payload)}` };
}

export function signedJwt(signingInput: string, signature: Uint8Array): string {
  return `${signingInput}.${toBase64Url(signature)}`;
}

export type CredentialCheck =
  | {
      ok: true;
      issuer: { id: string; name: string; kvk?: string };
      person: string | null;
      achievement: { id: string; name: string; level: string | null };
      validFrom: string;
      validUntil: string | null;
      expired: boolean;
      notYetValid: boolean;
    }
  | { ok: false; reason: 'notJwt' | 'notCredential' | 'unknownKey' | 'badSignature' };

const MAX_JWT_CHARS = 1_000_000;

/**
 * Checks a credential offline: its form, that its signature is the key's its header names, and
 * that this key is its issuer; then says who issued it, to whom, for what, and whether it is
 * (still) valid at `now`. Never throws.
 */
export async function checkCredential(text: string, now: number): Promise<CredentialCheck> {
  const jwt = text.trim().replace(/^"|"$/g, '');
  if (jwt.length > MAX_JWT_CHARS || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(jwt)) return { ok: false, reason: 'notJwt' };
  const [h, p, s] = jwt.split('.') as [string, string, string];
  const json = <T>(part: string): T | null => {
    try {
      return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(part))) as T;
    } catch {
      return null;
    }
  };
  const header = json<{ alg?: unknown; kid?: unknown }>(h);
  if (!header) return { ok: false, reason: 'notJwt' };
  // A readable header over an unreadable body: a credential whose content was changed.
  const payload = json<Record<string, unknown>>(p);
  if (!payload) return { ok: false, reason: 'badSignature' };
  const types = payload.type;
  if (!Array.isArray(types) || !types.includes('OpenBadgeCredential') || typeof payload.credentialSubject !== 'object' || !payload.credentialSubject) return { ok: false, reason: 'notCredential' };
  const issuer = (payload.issuer ?? {}) as { id?: unknown; name?: unknown; otherIdentifier?: { identifier?: unknown }[] };
  const kid = typeof header.kid === 'string' ? header.kid : '';
  const raw = header.alg === 'ES256' ? p256KeyOfDid(kid) : null;
  if (!raw || kid.split('#')[0] !== issuer.id || payload.iss !== issuer.id) return { ok: false, reason: 'unknownKey' };
  try {
    const key = await crypto.subtle.importKey('raw', raw, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const holds = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, fromBase64Url(s), encoder.encode(`${h}.${p}`));
    if (!holds) return { ok: false, reason: 'badSignature' };
  } catch {
    return { ok: false, reason: 'badSignature' };
  }
  const subject = payload.credentialSubject as {
    identifier?: { identityType?: unknown; hashed?: unknown; identityHash?: unknown }[];
    achievement?: { id?: unknown; name?: unknown; resultDescription?: { rubricCriterionLevel?: { id?: unknown; name?: unknown }[] }[] };
    result?: { achievedLevel?: unknown }[];
  };
  const named = subject.identifier?.find((i) => i.identityType === 'name' && i.hashed === false)?.identityHash;
  const achieved = subject.result?.[0]?.achievedLevel;
  const level = subject.achievement?.resultDescription?.[0]?.rubricCriterionLevel?.find((l) => l.id === achieved)?.name;
  const validFrom = typeof payload.validFrom === 'string' ? payload.validFrom : '';
  const validUntil = typeof payload.validUntil === 'string' ? payload.validUntil : null;
  const kvk = issuer.otherIdentifier?.[0]?.identifier;
  return {
    ok: true,
    issuer: { id: String(issuer.id), name: typeof issuer.name === 'string' ? issuer.name : '', ...(typeof kvk === 'string' ? { kvk } : {}) },
    person: typeof named === 'string' ? named : null,
    achievement: { id: String(subject.achievement?.id ?? ''), name: String(subject.achievement?.name ?? ''), level: typeof level === 'string' ? level : null },
    validFrom,
    validUntil,
    expired: validUntil !== null && Date.parse(validUntil) <= now,
    notYetValid: validFrom !== '' && Date.parse(validFrom) > now,
  };
}
