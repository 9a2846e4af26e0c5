import { localDay } from '../../domain/dates';
import { formatHlc } from '../../domain/hlc';
import { practisedSince, stepsUp, weekStart, type WeekNews } from '../../domain/weekNews';
import { db } from '../store';
import { cellHistory } from './levelQueries';
import { useLive } from './liveQuery';
import { readAll } from './readTables';

const CONFIRMING = new Set(['level.set', 'claim.confirmed']);

/**
 * The wall's "Deze week": steps up and sessions of the last seven days. Reads the week's events
 * by stamp, then only the history of the cells they touch (not the whole log).
 */
export async function weekNews(now: number): Promise<WeekNews> {
  const from = weekStart(now);
  const recent = await db.events
    .where('at')
    .aboveOrEqual(formatHlc({ wall: from, counter: 0 }, ''))
    .toArray();
  const cells = new Map<string, { workerId: string; skillId: string }>();
  for (const e of recent) {
    if (!CONFIRMING.has(e.type)) continue;
    const { workerId, skillId } = e.payload as { workerId: string; skillId: string };
    cells.set(`${workerId}|${skillId}`, { workerId, skillId });
  }
  const [histories, sessions, workers] = await Promise.all([
    Promise.all([...cells.values()].map(async (c) => stepsUp(await cellHistory(c.workerId, c.skillId), c.workerId, c.skillId, from))),
    readAll('sessions'),
    readAll('workers'),
  ]);
  const active = new Set(workers.filter((w) => !w.archived).map((w) => w.id));
  return {
    reached: histories
      .flat()
      .filter((r) => active.has(r.workerId))
      .sort((a, b) => b.at - a.at),
    practised: practisedSince(sessions, localDay(from), localDay(now)).filter((p) => active.has(p.learnerId)),
  };
}

/** Re-read when the log changes; `now` moves by the minute (useNow), so the window slides. */
export function useWeekNews(now: number): WeekNews | undefined {
  return useLive(() => weekNews(now), [now]);
}
