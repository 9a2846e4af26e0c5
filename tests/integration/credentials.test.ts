import { base58 } from '@scure/base';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { importJWK, jwtVerify, decodeProtectedHeader } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import * as cmd from '../../src/data/commands';
import { db } from '../../src/data/store';
import { checkCredential } from '../../src/domain/credentials/vcJwt';
import { fromBase64Url, toBase64Url } from '../../src/domain/identity/eventIdentity';
import { openBadgesSchema } from '../standards';
import { freshDatabase } from './helpers';

/**
 * Credentials an assessor can verify: issued on the demo's tablet (a device the company let in),
 * checked here by an independent verifier — `jose`, with the key taken from this device's own
 * record and the did:key made by hand — not by the code that signed them.
 */
const WORDS = { levelName: (code: string) => ({ I: 'leert het', L: 'kan het met hulp', U: 'kan het zelfstandig', O: 'kan het anderen leren' })[code] ?? '' };
const validate = (() => {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(openBadgesSchema());
})();

let issued: cmd.IssuedCredential[];
let publicKey: Uint8Array;
let lead: string;
let worker: string;
let qid: string;

beforeAll(async () => {
  await freshDatabase();
  await cmd.ensureStarted();
  lead = (await db.workers.toArray()).find((w) => w.role === 'lead')!.id;
  qid = (await db.qualifications.toArray())[0]!.id;
  // Someone of the demo's team that works toward the qualification.
  worker = (await db.workers.toArray()).find((w) => w.targetQualificationId === qid)!.id;
  await cmd.setPin(worker, '2468', { actor: worker });
  expect(await cmd.giveConsent({ workerId: worker, qualificationId: qid, recipient: 'EVC-centrum Hout', purpose: 'EVC-procedure' }, '2468')).toMatchObject({ ok: true });
  const r = await cmd.issueCredentials(worker, qid, { actor: lead }, WORDS);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  issued = r.value;
  publicKey = fromBase64Url(((await db.meta.get('deviceKey'))!.value as { publicKey: string }).publicKey);
});

/** did:key of a P-256 key, by hand: multicodec 0x1200 (varint 80 24), compressed point, base58btc. */
function didByHand(raw: Uint8Array): string {
  const compressed = [raw[64]! % 2 === 0 ? 2 : 3, ...raw.subarray(1, 33)];
  return `did:key:z${base58.encode(Uint8Array.from([0x80, 0x24, ...compressed]))}`;
}

async function verifyIndependently(jwt: string) {
  const key = await importJWK({ kty: 'EC', crv: 'P-256', x: toBase64Url(publicKey.subarray(1, 33)), y: toBase64Url(publicKey.subarray(33)) }, 'ES256');
  return jwtVerify(jwt, key, { algorithms: ['ES256'] });
}

describe('signed Open Badges', () => {
  it('one credential per file; each verifies independently, names its issuer by did:key and passes the 1EdTech schema', async () => {
    expect(issued.length).toBeGreaterThan(1);
    expect(new Set(issued.map((c) => c.fileName)).size).toBe(issued.length);
    for (const { fileName, jwt } of issued) {
      expect(fileName).toMatch(/^[a-z0-9-]+\.jwt$/);
      const { payload, protectedHeader } = await verifyIndependently(jwt);
      expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: `${didByHand(publicKey)}#${didByHand(publicKey).slice(8)}` });
      expect(payload.iss).toBe(didByHand(publicKey));
      expect((payload.issuer as { id: string }).id).toBe(payload.iss);
      expect(payload.jti).toBe(payload.id);
      const { iss: _i, jti: _j, nbf: _n, exp: _e, ...credential } = payload;
      expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('one changed byte anywhere fails verification, independently and in the app', async () => {
    const { jwt } = issued[0]!;
    for (const at of [5, jwt.indexOf('.') + 10, jwt.lastIndexOf('.') + 5, jwt.length - 2]) {
      const changed = jwt.slice(0, at) + (jwt[at] === 'A' ? 'B' : 'A') + jwt.slice(at + 1);
      await expect(verifyIndependently(changed)).rejects.toThrow();
      expect((await checkCredential(changed, Date.now())).ok).toBe(false);
    }
  });

  it('the app says who issued it, to whom, what, and until when', async () => {
    const result = await checkCredential(issued[0]!.jwt, Date.now());
    expect(result).toMatchObject({ ok: true, issuer: { id: didByHand(publicKey) }, person: (await db.workers.get(worker))!.name, expired: false });
    // A credential checked after it runs out says so (a skill that must be shown again).
    const { payload } = await verifyIndependently(issued[0]!.jwt);
    expect(decodeProtectedHeader(issued[0]!.jwt).typ).toBe('vc+jwt');
    if (payload.exp) expect((await checkCredential(issued[0]!.jwt, payload.exp * 1000 + 1)).ok && (await checkCredential(issued[0]!.jwt, payload.exp * 1000 + 1))).toMatchObject({ expired: true });
    expect(await checkCredential('geen bewijs', Date.now())).toEqual({ ok: false, reason: 'notJwt' });
  });

  it('only a lead, on a device the company let in, issues', async () => {
    const someone = (await db.workers.toArray()).find((w) => w.role !== 'lead' && w.id !== worker)!;
    expect(await cmd.issueCredentials(worker, qid, { actor: someone.id }, WORDS)).toMatchObject({ ok: false });
    await db.devices.clear(); // as if this device were not (yet) let in
    expect(await cmd.issueCredentials(worker, qid, { actor: lead }, WORDS)).toMatchObject({ ok: false, errors: [{ key: 'credential.deviceNotIn' }] });
  });
});
