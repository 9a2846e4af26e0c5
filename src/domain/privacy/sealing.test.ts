import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seal, unseal } from './sealing';
import { isSealed, keyCommitment, NONCE_LENGTH, PERSON_KEY_BYTES, sealedFits, sealedLength } from './sealedForm';
import { holdsSealed, mapPersonalTexts, ownerOf } from './personalFields';
import { dueForForgetting } from './retention';
import { formatHlc } from '../hlc';
import type { Worker } from '../model';
import type { Clocked } from '../projection';

const key = (fill: number) => new Uint8Array(PERSON_KEY_BYTES).fill(fill);
const nonce = (fill: number) => new Uint8Array(NONCE_LENGTH).fill(fill);

describe('sealing a person’s texts', () => {
  it('opens with the person’s key only, and never for another person', () => {
    const sealed = seal('Zoë Bĳlsma', key(1), 'jan', nonce(7));
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('Zo');
    expect(unseal(sealed, key(1), 'jan')).toBe('Zoë Bĳlsma');
    expect(unseal(sealed, key(2), 'jan')).toBeNull();
    // Copied into another person's event, it does not open (the person is the associated data).
    expect(unseal(sealed, key(1), 'piotr')).toBeNull();
    expect(unseal(sealed, undefined, 'jan')).toBeNull();
    expect(unseal(`${sealed.slice(0, -4)}AAAA`, key(1), 'jan')).toBeNull();
    expect(unseal('~1.', key(1), 'jan')).toBeNull();
  });

  it('any text up to the limit seals within the sealed length, and comes back the same', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80, unit: 'binary' }), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 24, maxLength: 24 }), (text, k, n) => {
        const sealed = seal(text, k, 'p', n);
        expect(sealedFits(sealed, 80)).toBe(true);
        expect(unseal(sealed, k, 'p')).toBe(text);
      }),
      { numRuns: 200 },
    );
    expect(sealedFits('~1.' + 'A'.repeat(sealedLength(80)), 80)).toBe(false);
    expect(sealedFits('~1.not base64!', 80)).toBe(false);
  });

  it('the commitment names one key', () => {
    expect(keyCommitment(key(1))).toMatch(/^[0-9a-f]{64}$/);
    expect(keyCommitment(key(1))).not.toBe(keyCommitment(key(2)));
  });
});

describe('which texts are a person’s own', () => {
  it('names, notes and what was practised, each of its own person; empty texts stay empty', () => {
    const upper = (t: string) => t.toUpperCase();
    expect(mapPersonalTexts({ type: 'worker.created', payload: { id: 'w', name: 'jan', teamId: 't', role: 'worker' } }, upper).payload.name).toBe('JAN');
    const cells = mapPersonalTexts(
      {
        type: 'levels.recorded',
        payload: {
          workerId: 'w',
          cells: [
            { skillId: 's', level: 'U', note: 'ok' },
            { skillId: 't', level: 'L', note: '' },
          ],
        },
      },
      upper,
    );
    expect(cells.payload.cells.map((c) => c.note)).toEqual(['OK', '']);
    const session = {
      type: 'session.recorded',
      payload: { id: 's', coachId: 'c', learnerId: 'l', skillId: 'k', assignmentId: null, date: '2026-01-01', minutes: 5, practised: 'zagen', levelReached: null },
    } as const;
    expect(ownerOf(session)).toBe('l');
    expect(mapPersonalTexts(session, upper).payload.practised).toBe('ZAGEN');
    // A change that does not touch the name holds nothing personal.
    expect(ownerOf({ type: 'worker.changed', payload: { id: 'w', archived: true } })).toBeNull();
    const team = { type: 'team.created', payload: { id: 't', name: 'Zagerij' } } as const;
    expect(mapPersonalTexts(team, upper)).toBe(team);
    // An event whose texts are all empty is not copied (a fold opens every event).
    const row = { type: 'levels.recorded' as const, payload: { workerId: 'w', cells: [{ skillId: 's', level: 'U' as const, note: '' }] } };
    const claim = { type: 'level.set' as const, payload: { workerId: 'w', skillId: 's', level: 'U' as const, status: 'claimed' as const, note: '' } };
    expect(mapPersonalTexts(row, upper)).toBe(row);
    expect(mapPersonalTexts(claim, upper)).toBe(claim);
    expect(holdsSealed({ type: 'level.set', payload: { workerId: 'w', skillId: 's', level: 'U', status: 'claimed', note: seal('x', key(1), 'w', nonce(1)) } })).toBe(true);
  });
});

describe('retention', () => {
  const now = new Date('2026-11-30T12:00:00').getTime();
  const person = (id: string, archivedAt: number | null, forgotten = false): Clocked<Worker> => ({
    id,
    name: id,
    teamId: 't',
    role: 'worker',
    coachSince: null,
    showInitials: false,
    archived: archivedAt !== null,
    forgotten,
    _clock: archivedAt === null ? {} : { archived: `${formatHlc({ wall: archivedAt, counter: 0 }, 'd')}~e` },
  });
  it('proposes people archived longer than 24 months, longest first; never the active or the forgotten', () => {
    const day = 86_400_000;
    const longAgo = new Date('2024-11-29T12:00:00').getTime();
    const due = dueForForgetting(
      [
        person('active', null),
        person('recent', now - 30 * day),
        person('edge', new Date('2024-11-30T13:00:00').getTime()),
        person('old', longAgo),
        person('older', longAgo - 400 * day),
        person('gone', longAgo, true),
      ],
      now,
    );
    expect(due.map((d) => d.worker.id)).toEqual(['older', 'old']);
  });
});
