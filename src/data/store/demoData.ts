import type { VaardigEvent } from '../../domain/events';
import { formatHlc, hlcMillis } from '../../domain/hlc';
import { contentOf, ROOT_EVENT_ID } from '../../domain/identity/eventIdentity';
import { qualificationId } from '../../domain/qualification';
import { db } from './database';
import { refoldAll } from './projectionWriter';
import { currentDevice } from './deviceClock';
import { signEvents } from './eventSigning';
import { deleteMeta, getMeta, setMeta } from './meta';

/**
 * Takes the demo's teams, people, stations and skills out of the log with all their history,
 * and keeps whatever the company added itself (a level on a demo skill goes with the demo
 * skill). Call inside a transaction over all tables.
 */
export async function dropDemo(): Promise<void> {
  const ids = new Set((await getMeta('demoIds')) ?? []);
  // Cell events are indexed by "worker|skill": they go when either side is the demo's.
  const aboutDemo = (ref: string) => ids.has(ref) || ref.split('|').some((part) => ids.has(part));
  const demoQualification = (e: VaardigEvent) => e.type === 'qualification.imported' && ids.has(qualificationId(e.payload.crebo, e.payload.version));
  const demo = ids.size ? await db.events.filter((e) => e.refs.some(aboutDemo) || demoQualification(e)).toArray() : [];
  await db.events.bulkDelete(demo.map((e) => e.id));
  await restampRoot(demo);
  await db.credentials
    .where('workerId')
    .anyOf([...ids])
    .delete();
  // The demo's people go with their keys: nothing of them travels to the company's server.
  await db.personKeys
    .where('workerId')
    .anyOf([...ids])
    .delete();
  await deleteMeta('demoIds');
  await setMeta('started', 'own');
  await refoldAll();
  await dropUnnamedPhotos();
}

/** Photos no event names any more (the demo's instructions and sessions went): they go too. */
async function dropUnnamedPhotos(): Promise<void> {
  const named = new Set<string>();
  await db.events
    .where('type')
    .anyOf('instruction.saved', 'session.recorded')
    .each((e) => {
      if (e.type === 'instruction.saved') for (const s of e.payload.steps) if (s.photo) named.add(s.photo);
      if (e.type === 'session.recorded' && e.payload.photo) named.add(e.payload.photo);
    });
  const all = await db.photos.toCollection().primaryKeys();
  await db.photos.bulkDelete(all.filter((h) => !named.has(h)));
}

/**
 * This device stays when the demo goes, let in at the moment the demo was installed rather
 * than at the start of the demo's made-up past (it had to come first to sign that past). Its
 * own events all come after the install; a company that grows from here began then, and a
 * device whose clock is behind sees it so.
 */
async function restampRoot(demo: readonly VaardigEvent[]): Promise<void> {
  const root = await db.events.get(ROOT_EVENT_ID);
  if (!root || root.device !== currentDevice() || !demo.length) return;
  const wall = Math.max(...demo.map((e) => hlcMillis(e.at))) + 1;
  if (hlcMillis(root.at) >= wall) return;
  const restamped = { ...contentOf(root), id: ROOT_EVENT_ID, at: formatHlc({ wall, counter: 0 }, root.device) } as VaardigEvent;
  await signEvents([restamped]);
  await db.events.put(restamped);
}
