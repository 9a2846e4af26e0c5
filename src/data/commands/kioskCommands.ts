import { allowPinHere } from './deviceCommands';
import { afterFailure, afterSuccess, DEFAULT_KIOSK_POLICY, isLocked, isValidPin, lockRemainingSeconds, validPolicy, type KioskPolicy } from '../../domain/pin';
import { isLead } from '../../domain/permissions';
import { db, getMeta, pinChoice, setMeta, type CredentialRow } from '../store';
import { fail, ok, type CommandResult } from './commandResult';
import { actorOf, LEAD_ONLY, type CommandContext } from './kernel';

/**
 * PINs as salted PBKDF2-SHA-256 hashes (WebCrypto). They live in `credentials`, never in
 * events, and never leave the device. Hashing is async crypto, so it happens before the
 * Dexie transaction that stores the result (a transaction must not wait on other promises).
 */
export const PIN_ITERATIONS = 100_000;

const toBase64 = (bytes: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return toBase64(bits);
}

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<Pick<CredentialRow, 'salt' | 'hash' | 'iterations'>> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: toBase64(salt), hash: await derive(pin, salt, iterations), iterations };
}

function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export async function kioskPolicy(): Promise<KioskPolicy> {
  return { ...DEFAULT_KIOSK_POLICY, ...((await getMeta('kioskPolicy')) ?? {}) };
}

export async function setKioskPolicy(policy: KioskPolicy, ctx: CommandContext): Promise<CommandResult<KioskPolicy>> {
  if (!isLead(await actorOf(ctx))) return fail(...LEAD_ONLY);
  if (!validPolicy(policy)) return fail({ field: '', key: 'error.policyRange' });
  await setMeta('kioskPolicy', policy);
  return ok(policy);
}

export type SignInResult = { kind: 'ok' } | { kind: 'wrong'; attemptsLeft: number } | { kind: 'locked'; seconds: number } | { kind: 'noPin' } | { kind: 'unknown' };

export async function signIn(workerId: string, pin: string, now = Date.now()): Promise<SignInResult> {
  const worker = await db.workers.get(workerId);
  if (!worker || worker.archived) return { kind: 'unknown' };
  const credential = await db.credentials.get(workerId);
  if (!credential) return { kind: 'noPin' };
  if (isLocked(credential, now)) return { kind: 'locked', seconds: lockRemainingSeconds(credential, now) };
  const policy = await kioskPolicy();
  const right = isValidPin(pin) && sameText(await derive(pin, fromBase64(credential.salt), credential.iterations), credential.hash);
  return db.transaction('rw', db.credentials, async () => {
    const current = await db.credentials.get(workerId);
    if (!current) return { kind: 'noPin' } as const;
    const next = right ? afterSuccess() : afterFailure(current, now, policy);
    await db.credentials.put({ ...current, ...next });
    if (right) return { kind: 'ok' } as const;
    if (isLocked(next, now)) return { kind: 'locked', seconds: lockRemainingSeconds(next, now) } as const;
    return { kind: 'wrong', attemptsLeft: policy.maxAttempts - next.failures } as const;
  });
}

/**
 * Sets a PIN: a worker their own the first time (when there is none yet, and this device may
 * trust them: `pinChoice`), the lead anyone's at any time. A new PIN also lifts a lock.
 */
export async function setPin(workerId: string, pin: string, ctx: CommandContext): Promise<CommandResult<void>> {
  if (!isValidPin(pin)) return fail({ field: 'pin', key: 'error.pinFormat' });
  const [worker, actor, existing] = await Promise.all([db.workers.get(workerId), actorOf(ctx), db.credentials.get(workerId)]);
  if (worker?.forgotten) return fail({ field: '', key: 'forget.already' });
  if (!worker || worker.archived) return fail({ field: '', key: 'error.notFound' });
  const firstOwn = !existing && ctx.actor === workerId;
  if (!firstOwn && !isLead(actor)) return fail(...LEAD_ONLY);
  // Whoever chooses a first PIN is only someone who tapped a name: that is why it needs pinChoice.
  if (firstOwn && (await pinChoice(workerId)) === 'askLead') return fail({ field: '', key: 'kiosk.askLeadForPin' });
  const hashed = await hashPin(pin);
  await db.credentials.put({ workerId, ...hashed, failures: 0, lockedUntil: 0 });
  return ok(undefined);
}

/** The lead forgets a worker's PIN here; the worker chooses a new one here at the next sign-in. */
export async function resetPin(workerId: string, ctx: CommandContext): Promise<CommandResult<void>> {
  if (!isLead(await actorOf(ctx))) return fail(...LEAD_ONLY);
  if ((await db.workers.get(workerId))?.forgotten) return fail({ field: '', key: 'forget.already' });
  await db.credentials.delete(workerId);
  return allowPinHere([workerId], ctx);
}
