import { didKeyOf } from '../../domain/credentials/didKey';
import { jwtToSign, signedJwt } from '../../domain/credentials/vcJwt';
import { openBadgeCredentials, type BadgeWords } from '../../domain/openBadges';
import { isLead } from '../../domain/permissions';
import { fileSlug } from '../../domain/fileNames';
import { currentPublicKey, isMember, signBytes, thisDeviceRow } from '../store';
import { fail, ok, type CommandResult } from './commandResult';
import { actorOf, LEAD_ONLY, type CommandContext } from './kernel';
import { evidenceFor } from './qualificationCommands';

export interface IssuedCredential {
  /** One credential per file (a batch goes in a zip). */
  fileName: string;
  jwt: string;
}

/**
 * Issues a person's Open Badges for a qualification, signed by this device as the company's
 * issuer: a lead signed in on a device the company let in, with the person's consent. The key
 * never leaves the device; the issuer id is its did:key, which verifies offline.
 */
export async function issueCredentials(workerId: string, qualificationId: string, ctx: CommandContext, words: BadgeWords): Promise<CommandResult<IssuedCredential[]>> {
  if (!isLead(await actorOf(ctx))) return fail(...LEAD_ONLY);
  if (!isMember(await thisDeviceRow())) return fail({ field: '', key: 'credential.deviceNotIn' });
  const evidence = await evidenceFor(workerId, qualificationId, ctx);
  if (!evidence.ok) return evidence;
  const { company, kvkNumber } = evidence.value;
  const issuer = { did: didKeyOf(currentPublicKey()), name: company || '—', ...(kvkNumber ? { kvk: kvkNumber } : {}) };
  const credentials = openBadgeCredentials(evidence.value, issuer, words);
  const used = new Set<string>();
  const issued: IssuedCredential[] = [];
  for (const credential of credentials) {
    const { signingInput } = jwtToSign(credential, currentPublicKey());
    const jwt = signedJwt(signingInput, await signBytes(new TextEncoder().encode(signingInput)));
    let name = fileSlug(credential.name, 'bewijs');
    for (let n = 2; used.has(name); n++) name = `${fileSlug(credential.name, 'bewijs')}-${n}`;
    used.add(name);
    issued.push({ fileName: `${name}.jwt`, jwt });
  }
  return ok(issued);
}
