import { keyCommitment } from '../../domain/privacy/sealedForm';
import { fromBase64Url } from '../../domain/identity/bytesText';
import { z } from 'zod/mini';
import { Authority } from '../../domain/gate/authority';
import { refuse, REFUSAL_PARAMS, type Refusal } from '../../domain/gate/refusal';
import { screen, timely } from '../../domain/gate/screen';
import { settle } from '../../domain/gate/settle';
import { LIMITS } from '../../domain/thresholds';
import { forgetAuthority, signatureHolds, watchHeld } from '../gate';
import { adoptLog } from './logAdoption';
import { PRIVATE_EVENT_TYPES, type VaardigEvent } from '../../domain/events';
import { DEFAULT_KIOSK_POLICY, validPolicy } from '../../domain/pin';
import { isLead } from '../../domain/permissions';
import { BACKED_UP_META, db, FORGETTING_META, forgottenPeople, getMeta, honourForgetting, refoldAll, resumeAfter, setMeta, type MetaValues } from '../store';
import { LEAD_ONLY, transact, type CommandContext } from './kernel';
import { fail, ok, type CommandResult } from './commandResult';

/**
 * A backup is the event log — everything else is folded from it — plus the few settings
 * that are not events, and the people's keys (without them their names could not be read).
 * PIN hashes are left out on purpose: a backup file travels (USB stick, mail), and after a
 * restore everyone simply chooses their PIN again. A forgotten person's key is in no backup
 * made after they were forgotten.
 */
export const BACKUP_FORMAT = 'vaardig-backup';
/** 2: with the people's keys (version 1 files, from before sealing, have none). */
export const BACKUP_VERSION = 2;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  events: VaardigEvent[];
  meta: Record<string, unknown>;
  keys?: { workerId: string; key: string }[];
}

export async function createBackup(now = new Date()): Promise<BackupFile> {
  const [events, meta, keys] = await db.transaction('r', [db.events, db.meta, db.personKeys], async () => [
    await db.events.orderBy('at').toArray(),
    Object.fromEntries((await db.meta.bulkGet([...BACKED_UP_META])).filter(Boolean).map((m) => [m!.key, m!.value])),
    (await db.personKeys.toArray()).map(({ workerId, key }) => ({ workerId, key })),
  ]);
  await setMeta('lastBackup', now.toISOString());
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now.toISOString(), events, meta, keys };
}

export function backupFileName(now = new Date()): string {
  return `vaardig-reservekopie-${now.toISOString().slice(0, 10)}.json`;
}

/** The settings a backup may carry, each checked as the settings screen checks it. */
const backedUpMeta = z.object({
  started: z.optional(z.enum(['demo', 'empty', 'own'])),
  kioskPolicy: z.optional(z.partial(z.object({ maxAttempts: z.number(), lockMinutes: z.number(), idleSeconds: z.number() })).check(z.refine((p) => validPolicy({ ...DEFAULT_KIOSK_POLICY, ...p })))),
  // The demo's ids and its cells' refs (`worker|skill`): the demo is small.
  demoIds: z.optional(z.array(z.string().check(z.maxLength(140))).check(z.maxLength(10_000))),
  factory: z.optional(
    z.object({
      workers: z.number().check(z.int(), z.minimum(1), z.maximum(LIMITS.people)),
      skills: z.number().check(z.int(), z.minimum(1), z.maximum(LIMITS.skills)),
      seed: z.number(),
      dense: z.optional(z.boolean()),
    }),
  ),
}) satisfies z.ZodMiniType<Partial<Pick<MetaValues, (typeof BACKED_UP_META)[number]>>>;

const envelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().check(z.int()),
  createdAt: z.string().check(z.refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)))),
  events: z.array(z.unknown()),
  meta: z.record(z.string(), z.unknown()),
  keys: z.optional(z.unknown()),
});

/** The people's keys a backup carries: one per person at most, each 32 bytes. */
const backedUpKeys = z.array(z.object({ workerId: z.string().check(z.minLength(1), z.maxLength(64)), key: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)) })).check(
  z.maxLength(LIMITS.people),
  z.refine((keys) => new Set(keys.map((k) => k.workerId)).size === keys.length),
);

export type BackupCheck =
  | { ok: true; backup: BackupFile; held: VaardigEvent[]; summary: { events: number; createdAt: string; people: number; skills: number } }
  | { ok: false; key: string; params?: Record<string, string | number> };

const refusedAt = (number: number, refusal: Refusal): BackupCheck => ({
  ok: false,
  key: 'backup.refusedEvent',
  params: { number, reason: `gate.reason.${refusal.code}`, ...REFUSAL_PARAMS[refusal.code] },
});

/**
 * Checks a backup completely before anything is replaced: its size, its version, and every
 * event through the gate — shape, clock, and the rules replayed from its own log (a backup is
 * a log like any other: an event by nobody, about nobody, or beyond someone's rights means it
 * was not made by Vaardig). Events stamped ahead of this clock are restored to wait.
 */
export async function checkBackup(text: string, { now = Date.now(), maxBytes = LIMITS.backupBytes } = {}): Promise<BackupCheck> {
  if (text.length > maxBytes) return { ok: false, key: 'file.tooBig', params: { mb: maxBytes / 2 ** 20 } };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, key: 'backup.notJson' };
  }
  const file = envelope.safeParse(raw);
  if (!file.success) return { ok: false, key: 'backup.notBackup' };
  const meta = backedUpMeta.safeParse(Object.fromEntries(BACKED_UP_META.filter((k) => k in file.data.meta).map((k) => [k, file.data.meta[k]])));
  if (!meta.success) return { ok: false, key: 'backup.badSettings' };
  const keys = backedUpKeys.safeParse(file.data.keys ?? []);
  if (!keys.success) return { ok: false, key: 'backup.badKeys' };
  if (file.data.version > BACKUP_VERSION) return { ok: false, key: 'backup.tooNew' };
  if (file.data.version < 1) return { ok: false, key: 'backup.notBackup' };
  if (file.data.events.length > LIMITS.backupEvents) return { ok: false, key: 'backup.tooManyEvents', params: { max: LIMITS.backupEvents } };
  // A backup from before events were signed: nothing in it is signed. This device takes it on
  // (adoptLog) and the rules below judge what it says; a backup signed in part is not Vaardig's.
  const unsigned = file.data.events.length > 0 && file.data.events.every((e) => !(e && typeof e === 'object' && 'sig' in e));
  let events: VaardigEvent[] = [];
  let held: VaardigEvent[] = [];
  const number = new Map<string, number>();
  for (const [i, e] of file.data.events.entries()) {
    const screened = screen(e, now, { allowPrivate: true, allowUnsigned: unsigned });
    if (screened.kind === 'refused') return screened.refusal.code === 'malformed' ? { ok: false, key: 'backup.badEvent', params: { number: i + 1 } } : refusedAt(i + 1, screened.refusal);
    if (number.has(screened.event.id)) return { ok: false, key: 'backup.duplicateEvent', params: { number: i + 1 } };
    number.set(screened.event.id, i + 1);
    (screened.kind === 'hold' ? held : events).push(screened.event);
  }
  if (unsigned) {
    const adopted = await adoptLog([...events, ...held]);
    adopted.forEach((e, i) => number.set(e.id, i));
    events = adopted.filter((e) => timely(e, now).kind === 'ok');
    held = adopted.filter((e) => timely(e, now).kind === 'hold');
  } else {
    const holds = await Promise.all([...events, ...held].map((e) => signatureHolds(e)));
    const forged = [...events, ...held].find((_, i) => !holds[i]);
    if (forged) return refusedAt(number.get(forged.id)!, refuse('badSignature'));
  }
  const { refused } = settle(new Authority(), events);
  const first = refused.sort((a, b) => number.get(a.event.id)! - number.get(b.event.id)!)[0];
  if (first) return refusedAt(number.get(first.event.id)!, first.refusal);
  const keyCheck = await checkKeys([...events, ...held], keys.data);
  if (!keyCheck.ok) return keyCheck;
  const people = events.filter((e) => e.type === 'worker.created').length;
  const skills = events.filter((e) => e.type === 'skill.created').length;
  return {
    ok: true,
    backup: { ...file.data, format: BACKUP_FORMAT, events, meta: meta.data, keys: keyCheck.keys },
    held,
    summary: { events: events.length + held.length, createdAt: file.data.createdAt, people, skills },
  };
}

/**
 * The people's keys a restore will use, checked against the log they come with: each must be
 * the key its person's creation committed to (a key for nobody, or another key, means the file
 * was changed); every person not forgotten needs one — from the file, or kept from this device
 * (a restore never loses a key this device has). Without it their name could never be read again.
 */
async function checkKeys(
  events: readonly VaardigEvent[],
  keys: { workerId: string; key: string }[],
): Promise<{ ok: true; keys: { workerId: string; key: string }[] } | { ok: false; key: string; params?: Record<string, number> }> {
  const committed = new Map<string, string>();
  const forgotten = await forgottenPeople();
  for (const e of events) {
    if (e.type === 'worker.created' && e.payload.sealKey) committed.set(e.payload.id, e.payload.sealKey);
    if (e.type === 'worker.forgotten') forgotten.add(e.payload.id);
  }
  const fits = (k: { workerId: string; key: string }) => committed.get(k.workerId) === keyCommitment(fromBase64Url(k.key));
  if (!keys.every(fits)) return { ok: false, key: 'backup.badKeys' };
  const given = new Set(keys.map((k) => k.workerId));
  const kept = (await db.personKeys.toArray()).filter((k) => !given.has(k.workerId) && fits(k)).map(({ workerId, key }) => ({ workerId, key }));
  const all = [...keys, ...kept].filter((k) => !forgotten.has(k.workerId));
  const have = new Set(all.map((k) => k.workerId));
  const missing = [...committed.keys()].filter((id) => !forgotten.has(id) && !have.has(id)).length;
  return missing ? { ok: false, key: 'backup.missingKeys', params: { count: missing } } : { ok: true, keys: all };
}

/**
 * Replaces everything on this device with the backup, in one transaction (never half):
 * the lead may do it, or anyone while the workshop has no lead yet (a new tablet).
 */
export async function restoreBackup(backup: BackupFile, ctx: CommandContext, held: readonly VaardigEvent[] = []): Promise<CommandResult<number>> {
  return transact(async () => {
    const workers = await db.workers.toArray();
    const actor = workers.find((w) => w.id === ctx.actor);
    if (!isLead(actor) && workers.some((w) => isLead(w))) return fail<number>(...LEAD_ONLY);
    const [deviceId, deviceKey, sync] = await Promise.all([getMeta('deviceId'), getMeta('deviceKey'), getMeta('sync')]);
    // Whom this device forgot stays forgotten, whatever the backup is older than.
    const forgotten = Object.fromEntries(await Promise.all(FORGETTING_META.map(async (key) => [key, await getMeta(key)] as const))) as Partial<Pick<MetaValues, (typeof FORGETTING_META)[number]>>;
    await Promise.all([db.events.clear(), db.credentials.clear(), db.personKeys.clear(), db.meta.clear(), db.refused.clear(), db.held.clear(), ...db.projectionTables.map((t) => t.clear())]);
    for (const [key, value] of Object.entries(forgotten)) if (value) await setMeta(key as (typeof FORGETTING_META)[number], value as never);
    // A device not connected to a company, and not among the backup's devices, takes the log on
    // as its own (a new tablet after the old one broke); a connected one waits to be let in.
    const member = backup.events.some((e) => e.type === 'device.enrolled' && e.payload.deviceId === deviceId && e.payload.key === deviceKey?.publicKey);
    const events = sync || member ? backup.events : await adoptLog(backup.events);
    // The signed events that forgot people this device knows of go back into a log that lacks them, where the rules let them.
    const inLog = new Set(events.map((e) => e.id));
    const missing = (forgotten.forgottenEvents ?? []).filter((e) => !inLog.has(e.id));
    const { admitted } = missing.length ? settle(new Authority(), [...events, ...missing]) : { admitted: [] };
    const forgets = admitted.filter((e) => !inLog.has(e.id));
    await db.events.bulkAdd([...events, ...forgets]);
    await db.held.bulkAdd(held.map((event) => ({ id: event.id, at: event.at, event, source: 'backup' as const })));
    const gone = new Set(forgotten.forgottenPeople ?? []);
    await db.personKeys.bulkPut((backup.keys ?? []).filter((k) => !gone.has(k.workerId)).map((k) => ({ ...k, pushed: 0 as const })));
    forgetAuthority();
    await refoldAll();
    await honourForgetting([...events, ...forgets]);
    for (const key of BACKED_UP_META) if (key in backup.meta) await setMeta(key, backup.meta[key] as never);
    if (deviceId) await setMeta('deviceId', deviceId);
    if (deviceKey) await setMeta('deviceKey', deviceKey);
    // A connected device stays connected: it pulls the company's log again from the start, and
    // offers the restored events (the server already has the ones it knows).
    if (sync) {
      await setMeta('sync', sync);
      await db.outbox.bulkPut(events.filter((e) => !PRIVATE_EVENT_TYPES.has(e.type)).map((e) => ({ id: e.id, at: e.at })));
    }
    if (!backup.meta.started) await setMeta('started', 'own');
    return ok(events.length + held.length);
  }).then(async (result) => {
    const newest = result.ok ? (await db.events.orderBy('at').last())?.at : undefined;
    if (result.ok && newest) resumeAfter(newest);
    if (result.ok && held.length) watchHeld();
    return result;
  });
}
