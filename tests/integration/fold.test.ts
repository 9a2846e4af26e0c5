import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, applyEvents, rebuildProjections } from '../../src/data/store';
import { demoEvents } from '../../src/data/commands';
import type { VaardigEvent } from '../../src/domain/events';
import { freshDatabase, snapshotProjections } from './helpers';

async function applyInChunks(events: VaardigEvent[], chunkSizes: number[]) {
  let i = 0;
  let c = 0;
  while (i < events.length) {
    const size = Math.max(1, chunkSizes[c++ % Math.max(1, chunkSizes.length)] ?? 1);
    const chunk = events.slice(i, i + size);
    await db.transaction('rw', [db.events, ...db.projectionTables], async () => {
      await db.events.bulkPut(chunk);
      await applyEvents(chunk);
    });
    i += size;
  }
}

/** How many arrival orders fast-check tries: explicit, so the work does not depend on defaults. */
const NUM_RUNS = 15;

describe('projections in IndexedDB', () => {
  beforeEach(freshDatabase);

  // A fixed amount of work (NUM_RUNS shuffles of ~300 events through fake-indexeddb, about 1 s
  // on an idle 2-core machine) with a budget far above it, so a busy machine does not fail it.
  it('any arrival order and chunking of the same events, duplicates included, gives the same tables', { timeout: 120_000 }, async () => {
    const { events } = demoEvents(); // a realistic set: 2 teams, 8 stations, 24 skills, 14 workers, ~200 levels
    // Add some later edits on top so that rows have competing writes.
    const w = events.find((e) => e.type === 'worker.created')!;
    const l = events.find((e) => e.type === 'level.set')!;
    const later = (id: string, at: string, extra: Partial<VaardigEvent>) => ({ ...l, id, at, ...extra }) as VaardigEvent;
    const bump = (stamp: string, n: number) => `${String(Number(stamp.slice(0, 15)) + n).padStart(15, '0')}${stamp.slice(15)}`;
    events.push(
      later('x1', bump(l.at, 1000), { payload: { ...(l.payload as object), level: 'O', status: 'confirmed', note: 'later' } as never }),
      later('x2', bump(l.at, 500), { payload: { ...(l.payload as object), level: 'I', status: 'claimed', note: 'earlier' } as never }),
      // A whole row at once (an import), competing with the single-cell writes above.
      {
        ...l,
        id: 'x4',
        type: 'levels.recorded',
        at: bump(l.at, 700),
        payload: {
          workerId: (l.payload as { workerId: string }).workerId,
          cells: events
            .filter((e) => e.type === 'skill.created')
            .slice(0, 5)
            .map((e) => ({ skillId: (e.payload as { id: string }).id, level: 'U', note: '' })),
        },
      } as VaardigEvent,
      { ...w, id: 'x3', at: bump(w.at, 2000), type: 'worker.changed', payload: { id: (w.payload as { id: string }).id, archived: true } } as VaardigEvent,
    );

    await applyInChunks(events, [events.length]);
    const reference = await snapshotProjections();
    expect(reference.columnsMatchRows).toBe(true);

    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        fc.array(fc.constantFrom(...events), { maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 5 }),
        async (shuffled, dupes, chunks) => {
          await Promise.all(db.projectionTables.map((t) => t.clear()));
          await db.events.clear();
          await applyInChunks([...shuffled, ...dupes], chunks);
          expect(await snapshotProjections()).toEqual(reference);
        },
      ),
      { numRuns: NUM_RUNS },
    );

    await rebuildProjections();
    expect(await snapshotProjections()).toEqual(reference);
  });
});
