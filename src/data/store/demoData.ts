import type { VaardigEvent } from '../../domain/events';
import { qualificationId } from '../../domain/qualification';
import { db, refold } from './database';
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
  if (ids.size) await db.events.filter((e) => e.refs.some(aboutDemo) || demoQualification(e)).delete();
  await db.credentials
    .where('workerId')
    .anyOf([...ids])
    .delete();
  await deleteMeta('demoIds');
  await setMeta('started', 'own');
  await refold((name) => db.table(name));
}
