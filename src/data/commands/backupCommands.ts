import { z } from 'zod/mini';
import { parseEvent, type VaardigEvent } from '../../domain/events';
import { isLead } from '../../domain/permissions';
import { BACKED_UP_META, db, getMeta, observeStamp, refold, setMeta } from '../store';
import { LEAD_ONLY, transact, type CommandContext } from './kernel';
import { fail, ok, type CommandResult } from './commandResult';

/**
 * A backup is the event log — everything else is folded from it — plus the few settings
 * that are not events. PIN hashes are left out on purpose: a backup file travels (USB stick,
 * mail), and after a restore everyone simply chooses their PIN again.
 */
export const BACKUP_FORMAT = 'vaardig-backup';
export const BACKUP_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  events: VaardigEvent[];
  meta: Record<string, unknown>;
}

export async function createBackup(now = new Date()): Promise<BackupFile> {
  const [events, meta] = await db.transaction('r', [db.events, db.meta], async () => [
    await db.events.orderBy('at').toArray(),
    Object.fromEntries((await db.meta.bulkGet([...BACKED_UP_META])).filter(Boolean).map((m) => [m!.key, m!.value])),
  ]);
  await setMeta('lastBackup', now.toISOString());
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now.toISOString(), events, meta };
}

export function backupFileName(now = new Date()): string {
  return `vaardig-reservekopie-${now.toISOString().slice(0, 10)}.json`;
}

const envelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number(),
  createdAt: z.string(),
  events: z.array(z.unknown()),
  meta: z.record(z.string(), z.unknown()),
});

export type BackupCheck =
  { ok: true; backup: BackupFile; summary: { events: number; createdAt: string; people: number; skills: number } } | { ok: false; key: string; params?: Record<string, string | number> };

/** Checks a backup completely before anything is replaced: the file, its version, every event. */
export function checkBackup(text: string): BackupCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, key: 'backup.notJson' };
  }
  const file = envelope.safeParse(raw);
  if (!file.success) return { ok: false, key: 'backup.notBackup' };
  if (file.data.version > BACKUP_VERSION) return { ok: false, key: 'backup.tooNew' };
  const events: VaardigEvent[] = [];
  const ids = new Set<string>();
  for (const [i, e] of file.data.events.entries()) {
    const parsed = parseEvent(e);
    if (!parsed.ok) return { ok: false, key: 'backup.badEvent', params: { number: i + 1 } };
    if (ids.has(parsed.event.id)) return { ok: false, key: 'backup.duplicateEvent', params: { number: i + 1 } };
    ids.add(parsed.event.id);
    events.push(parsed.event);
  }
  const people = events.filter((e) => e.type === 'worker.created').length;
  const skills = events.filter((e) => e.type === 'skill.created').length;
  return { ok: true, backup: { ...file.data, format: BACKUP_FORMAT, events }, summary: { events: events.length, createdAt: file.data.createdAt, people, skills } };
}

/**
 * Replaces everything on this device with the backup, in one transaction (never half):
 * the lead may do it, or anyone while the workshop has no lead yet (a new tablet).
 */
export async function restoreBackup(backup: BackupFile, ctx: CommandContext): Promise<CommandResult<number>> {
  return transact(async () => {
    const workers = await db.workers.toArray();
    const actor = workers.find((w) => w.id === ctx.actor);
    if (!isLead(actor) && workers.some((w) => isLead(w))) return fail<number>(...LEAD_ONLY);
    const deviceId = await getMeta('deviceId');
    await Promise.all([db.events.clear(), db.credentials.clear(), db.meta.clear(), ...db.projectionTables.map((t) => t.clear())]);
    await db.events.bulkAdd(backup.events);
    await refold((name) => db.table(name));
    for (const key of BACKED_UP_META) if (key in backup.meta) await setMeta(key, backup.meta[key] as never);
    if (deviceId) await setMeta('deviceId', deviceId);
    if (!backup.meta.started) await setMeta('started', 'own');
    return ok(backup.events.length);
  }).then((result) => {
    const newest = backup.events.reduce((m, e) => (e.at > m ? e.at : m), '');
    if (result.ok && newest) observeStamp(newest);
    return result;
  });
}
