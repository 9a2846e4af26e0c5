import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../../src/data/commands';
import { signatureHolds } from '../../src/data/gate';
import { signEvents } from '../../src/data/store';
import type { VaardigEvent } from '../../src/domain/events';
import { screen } from '../../src/domain/gate/screen';
import { freshDatabase } from './helpers';

/**
 * Signed events: what an honest device writes passes the first look and its signature holds;
 * a change of one byte anywhere in it, as it travels (JSON), never does.
 */
const name = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0 && s.trim() === s);

async function honest(kind: number, text: string, n: number): Promise<VaardigEvent> {
  const events = [
    buildEvent('team.created', { id: `t-${n}`, name: text }, 'kees'),
    buildEvent('level.set', { workerId: 'jan', skillId: `k-${n}`, level: 'U', status: 'confirmed', note: text }, 'kees'),
    buildEvent('station.created', { id: `s-${n}`, name: text, order: n }, null),
  ];
  const event = events[kind % events.length]!;
  await signEvents([event]);
  return event;
}

/** Passes the gate's checks of the event itself: screen, then the signature. */
async function accepted(raw: unknown): Promise<boolean> {
  const s = screen(raw, Date.now());
  return s.kind === 'ok' && (await signatureHolds(s.event));
}

describe('signed events', () => {
  beforeAll(freshDatabase);

  it('every honest event is accepted, and every one-byte change of it is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(2), name, fc.nat(1000), fc.nat(), fc.integer({ min: 1, max: 255 }), async (kind, text, n, where, delta) => {
        const event = await honest(kind, text, n);
        expect(await accepted(JSON.parse(JSON.stringify(event)))).toBe(true);
        const bytes = new TextEncoder().encode(JSON.stringify(event));
        const i = where % bytes.length;
        bytes[i] = (bytes[i]! + delta) % 256;
        let changed: unknown;
        try {
          changed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        } catch {
          return; // no longer JSON (or UTF-8) at all: unreadable, refused as malformed
        }
        expect(await accepted(changed)).toBe(false);
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });

  it('a signature moved to another event, or made with another key, does not hold', async () => {
    const [a, b] = [await honest(0, 'Zagen', 1), await honest(0, 'Schuren', 2)];
    expect(await accepted({ ...a, sig: b.sig })).toBe(false);
    // Another device's key in place of the signer's: the id no longer fits the content.
    expect(await accepted({ ...a, key: b.key!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) })).toBe(false);
  });
});
