import { db } from './database';
import { getMeta } from './meta';

/**
 * Why this device may not set up a first team lead yet, or null. A device connected to a
 * company belongs to that company: it waits for the company's data first, and — if that data
 * looks as if it comes from the future — its own clock is wrong, and anything it set up now
 * would be stamped before the company began.
 */
export type SetupBlocker = 'fetching' | 'clockBehind';

export async function setupBlocker(): Promise<SetupBlocker | null> {
  if (!(await getMeta('sync'))) return null;
  if ((await db.held.count()) > 0 || (await db.refused.where('code').equals('future').count()) > 0) return 'clockBehind';
  if (!(await getMeta('syncSince'))) return 'fetching';
  return null;
}
