import { KEY_DOC_KIND, keyDocId, keyDocSchema } from '../../domain/privacy/keyDocument';
import { fromBase64Url } from '../../domain/identity/bytesText';
import { refuse } from '../../domain/gate/refusal';
import { keyCommitment, PERSON_KEY_BYTES } from '../../domain/privacy/sealedForm';
import { loadSealing, db, forgottenPeople, getMeta, newId, refoldAll, setMeta, type RefusedRow } from '../store';
import type { SyncTransport } from './transport';

/**
 * People's keys travel as documents of their own beside the events (`personkey-<person>`):
 * written once, sent before the events they open (so a receiver can read a new person's name at
 * once), and deleted on the server when the person is forgotten — the only deletion the server's
 * rules allow (src/server/designDoc.ts). A received key is used only if it is the one the
 * person's creation committed to; a forgotten person's key is never taken in again.
 */

/** Sends the keys the server does not have yet. */
export async function pushKeys(client: SyncTransport): Promise<number> {
  const rows = await db.personKeys.where('pushed').equals(0).toArray();
  if (!rows.length) return 0;
  const refused = new Set(await client.putDocs(rows.map((r) => ({ id: keyDocId(r.workerId), kind: KEY_DOC_KIND, workerId: r.workerId, key: r.key }))));
  // A key the server refuses (its rules: one deleted there before) is not offered again and again.
  await db.personKeys.bulkUpdate(rows.map((r) => ({ key: r.workerId, changes: { pushed: refused.has(keyDocId(r.workerId)) ? (2 as const) : (1 as const) } })));
  return rows.length - refused.size;
}

/** Deletes forgotten people's keys on the server (once it answers, they leave the list). */
export async function eraseKeys(client: SyncTransport): Promise<void> {
  const ids = (await getMeta('keysToErase')) ?? [];
  if (!ids.length) return;
  await client.remove(ids.map(keyDocId));
  await db.transaction('rw', db.meta, async () => {
    const now = (await getMeta('keysToErase')) ?? [];
    await setMeta(
      'keysToErase',
      now.filter((id) => !ids.includes(id)),
    );
  });
}

/** After the server lost documents: every key is offered again (one deleted there stays deleted). */
export async function resendAllKeys(): Promise<void> {
  await db.personKeys.toCollection().modify({ pushed: 0 });
}

function refusedKey(doc: unknown, detail: string): RefusedRow {
  const id = String((doc as { id?: unknown })?.id ?? '').slice(0, 80);
  return { id: `refused:${id || 'key'}:${newId()}`, at: '', device: '', actor: null, type: KEY_DOC_KIND, ...refuse('badKey', detail), source: 'sync', receivedAt: Date.now(), raw: { id } };
}

/**
 * Takes in received key documents: checked (shape, 32 bytes, the id it claims, the commitment
 * of the person's creation when that is here); a forgotten person's key is dropped and its
 * deletion on the server asked again. Keys for people whose events came first fold them again.
 */
export async function admitKeyDocs(docs: readonly unknown[]): Promise<number> {
  if (!docs.length) return 0;
  await loadSealing();
  return db.transaction('rw', db.allTables, async () => {
    const gone = await forgottenPeople();
    const refused: RefusedRow[] = [];
    const fresh: { workerId: string; key: string }[] = [];
    const erase: string[] = [];
    for (const doc of docs) {
      const parsed = keyDocSchema.safeParse(doc);
      if (!parsed.success || parsed.data.id !== keyDocId(parsed.data.workerId) || fromBase64Url(parsed.data.key).length !== PERSON_KEY_BYTES) {
        refused.push(refusedKey(doc, 'shape'));
        continue;
      }
      const { workerId, key } = parsed.data;
      if (gone.has(workerId)) {
        erase.push(workerId);
        continue;
      }
      fresh.push({ workerId, key });
    }
    const [have, workers] = await Promise.all([db.personKeys.bulkGet(fresh.map((k) => k.workerId)), db.workers.bulkGet(fresh.map((k) => k.workerId))]);
    const taken = fresh.filter((k, i) => {
      if (have[i]) return false;
      const committed = workers[i]?.sealKey;
      if (committed && committed !== keyCommitment(fromBase64Url(k.key))) {
        refused.push(refusedKey({ id: keyDocId(k.workerId) }, 'commitment'));
        return false;
      }
      return true;
    });
    await db.personKeys.bulkPut(taken.map((k) => ({ ...k, pushed: 1 as const })));
    await db.refused.bulkPut(refused);
    if (erase.length) await setMeta('keysToErase', [...new Set([...((await getMeta('keysToErase')) ?? []), ...erase])]);
    // Names and notes that came before their key can be read now.
    if (taken.some((k) => workers[fresh.indexOf(k)])) await refoldAll();
    return taken.length;
  });
}
