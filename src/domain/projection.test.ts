import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VaardigEvent } from './events';
import { formatHlc } from './hlc';
import { LEVEL_CODES } from './levels';
import { foldEvents, type ProjectionState } from './projection';

/** Generated event sets over a small world so that events collide on the same rows. */
const workerIds = ['w1', 'w2', 'w3'];
const skillIds = ['s1', 's2'];
const devices = ['tablet', 'phone'];

const stamp = fc.record({ wall: fc.integer({ min: 1, max: 50 }), counter: fc.integer({ min: 0, max: 3 }), device: fc.constantFrom(...devices) });

const eventArb: fc.Arbitrary<Omit<VaardigEvent, 'id'>> = fc
  .oneof(
    fc.record({
      type: fc.constant('worker.created' as const),
      payload: fc.record({ id: fc.constantFrom(...workerIds), name: fc.string({ minLength: 1, maxLength: 5 }), teamId: fc.constantFrom('t1', 't2') }),
    }),
    fc.record({
      type: fc.constant('worker.changed' as const),
      payload: fc.record({ id: fc.constantFrom(...workerIds), name: fc.string({ minLength: 1, maxLength: 5 }), archived: fc.boolean(), teamId: fc.constantFrom('t1', 't2') }, { requiredKeys: ['id'] }),
    }),
    fc.record({
      type: fc.constant('level.set' as const),
      payload: fc.record({
        workerId: fc.constantFrom(...workerIds),
        skillId: fc.constantFrom(...skillIds),
        level: fc.constantFrom(...LEVEL_CODES),
        status: fc.constantFrom('claimed' as const, 'confirmed' as const),
        note: fc.string({ maxLength: 4 }),
      }),
    }),
  )
  .chain((partial) => stamp.map((s) => ({ ...partial, at: formatHlc(s, s.device), device: s.device, actor: null, refs: [] }) as Omit<VaardigEvent, 'id'>));

const eventSet = fc.array(eventArb, { minLength: 1, maxLength: 40 }).map((events) => events.map((e, i) => ({ ...e, id: `e${i}` }) as VaardigEvent));

function tables(state: ProjectionState) {
  return Object.fromEntries(Object.entries(state).map(([name, rows]) => [name, [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1))]));
}

describe('foldEvents', () => {
  it('gives the same tables for any order of the same events from two devices, duplicates included', () => {
    fc.assert(
      fc.property(
        eventSet.chain((events) =>
          fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), fc.array(fc.constantFrom(...events), { maxLength: 10 })),
        ),
        ([events, shuffled, dupes]) => {
          expect(tables(foldEvents([...shuffled, ...dupes]))).toEqual(tables(foldEvents(events)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('folding in two halves gives the same as folding at once (incremental = rebuild)', () => {
    fc.assert(
      fc.property(eventSet, fc.nat(), (events, cut) => {
        const k = cut % (events.length + 1);
        const incremental = foldEvents(events.slice(k), foldEvents(events.slice(0, k)));
        expect(tables(incremental)).toEqual(tables(foldEvents(events)));
      }),
    );
  });

  it('the newest write wins per field, not per row', () => {
    const at = (wall: number) => formatHlc({ wall, counter: 0 }, 'x');
    const base = { actor: null, device: 'x', refs: [] };
    const state = foldEvents([
      { ...base, id: 'b', at: at(3), type: 'worker.changed', payload: { id: 'w', teamId: 't2' } },
      { ...base, id: 'a', at: at(1), type: 'worker.created', payload: { id: 'w', name: 'Jan', teamId: 't1' } },
      { ...base, id: 'c', at: at(2), type: 'worker.changed', payload: { id: 'w', name: 'Jan V.' } },
    ] as VaardigEvent[]);
    expect(state.workers.get('w')).toMatchObject({ name: 'Jan V.', teamId: 't2', archived: false });
  });
});
