import type { EventOf, VaardigEvent } from '../../domain/events';
import { db } from './database';
import { getMeta, setMeta } from './meta';
import { refoldAll } from './projectionWriter';
import { deletePhotosOf } from './photoStore';
import { readInstructions } from './instructionLog';

/**
 * What forgetting a person does on this device, whether a lead did it here or the signed
 * event came in by sync or a restore: their key goes (so their sealed name and texts can no
 * longer be read), their PIN goes, whatever was kept apart that names them (refused or waiting
 * events) goes, and the projections are folded again without them. The forgetting is
 * remembered outside the log, with the signed event itself, so that restoring an older backup
 * here cannot bring them back (nor their stopped leeropdrachten), and the server's copy of the
 * key is deleted at the next sync.
 * Must run inside a transaction over all tables.
 */
export async function honourForgetting(events: readonly VaardigEvent[]): Promise<string[]> {
  const forgotten = events.filter((e): e is EventOf<'worker.forgotten'> => e.type === 'worker.forgotten');
  if (!forgotten.length) return [];
  const ids = [...new Set(forgotten.map((e) => e.payload.id))];
  // The leeropdrachten stopped with them are kept with the forgetting: a restore stops them again.
  const cancels = events.filter((e): e is EventOf<'assignment.changed'> => e.type === 'assignment.changed' && e.payload.status === 'cancelled');
  const stopped = await db.assignments.bulkGet(cancels.map((e) => e.payload.id));
  const forgets: VaardigEvent[] = [...forgotten, ...cancels.filter((_, i) => stopped[i] && (ids.includes(stopped[i]!.workerId) || ids.includes(stopped[i]!.coachId)))];
  const [people, kept, erase] = await Promise.all([getMeta('forgottenPeople'), getMeta('forgottenEvents'), getMeta('keysToErase')]);
  const keptIds = new Set((kept ?? []).map((e) => e.id));
  await setMeta('forgottenPeople', [...new Set([...(people ?? []), ...ids])]);
  await setMeta('forgottenEvents', [...(kept ?? []), ...forgets.filter((e) => !keptIds.has(e.id))]);
  await setMeta('keysToErase', [...new Set([...(erase ?? []), ...ids])]);
  await db.personKeys.bulkDelete(ids);
  await db.credentials.bulkDelete(ids);
  // Their photos (evidence about them: a session's finished work) go here, and from the server at
  // the next sync — except the same picture used in a work instruction: that is the company's.
  const inInstructions = new Set((await readInstructions()).flatMap((i) => i.steps.flatMap((s) => (s.photo ? [s.photo] : []))));
  const photos = (await db.photos.where('workerId').anyOf(ids).primaryKeys()).filter((hash) => !inInstructions.has(hash));
  await db.photos.bulkUpdate([...inInstructions].map((hash) => ({ key: hash, changes: { workerId: null } })));
  for (const id of ids) await deletePhotosOf(id);
  if (photos.length) await setMeta('photosToErase', [...new Set([...((await getMeta('photosToErase')) ?? []), ...photos])]);
  const names = (row: unknown) => ids.some((id) => JSON.stringify(row).includes(id));
  await db.refused.filter(names).delete();
  await db.held.filter(names).delete();
  await refoldAll();
  return ids;
}

/** The people this device knows to be forgotten (kept through restores). */
export async function forgottenPeople(): Promise<Set<string>> {
  return new Set((await getMeta('forgottenPeople')) ?? []);
}
