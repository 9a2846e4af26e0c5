import { describe, expect, it } from 'vitest';
import type { EventType, Payload, VaardigEvent } from '../events';
import { formatHlc } from '../hlc';
import { Authority } from './authority';
import { screen } from './screen';
import { settle } from './settle';
import { CLOCK_BOUNDS, DAY_MS } from '../thresholds';

const T0 = Date.UTC(2026, 10, 1);
let seq = 0;
function ev<T extends EventType>(type: T, payload: Payload<T>, actor: string | null, minute: number, device = 'tab'): VaardigEvent {
  return { id: `e${String(++seq).padStart(8, '0')}`, type, at: formatHlc({ wall: T0 + minute * 60_000, counter: 0 }, device), actor, device, refs: [], payload } as VaardigEvent;
}

/** A workshop: lead Kees, workers Jan and Piet, one skill. */
function workshop() {
  return [
    ev('team.created', { id: 't', name: 'Machinaal' }, null, 0),
    ev('station.created', { id: 's', name: 'Zagen', order: 0 }, null, 0),
    ev('skill.created', { id: 'k', name: 'Afkorten', stationId: 's', description: '', targetCoverage: 3, validityMonths: null, requires: [] }, null, 0),
    ev('worker.created', { id: 'kees', name: 'Kees', teamId: 't', role: 'lead' }, null, 1),
    ev('worker.created', { id: 'jan', name: 'Jan', teamId: 't', role: 'worker' }, 'kees', 2),
    ev('worker.created', { id: 'piet', name: 'Piet', teamId: 't', role: 'worker' }, 'kees', 2),
  ];
}

const codes = (events: VaardigEvent[]) => settle(new Authority(), events).refused.map((r) => [r.event.type, r.refusal.code]);
const level = (workerId: string, lvl: 'I' | 'L' | 'U' | 'O', status: 'claimed' | 'confirmed') => ({ workerId, skillId: 'k', level: lvl, status, note: '' }) as Payload<'level.set'>;

describe('the gate replays permissions from the log', () => {
  it('admits an honest workshop, whatever order it arrives in', () => {
    const honest = [
      ...workshop(),
      ev('level.set', level('jan', 'U', 'claimed'), 'jan', 3),
      ev('level.set', level('jan', 'O', 'confirmed'), 'kees', 4),
      ev('level.set', level('piet', 'L', 'confirmed'), 'jan', 5),
    ];
    expect(codes(honest)).toEqual([]);
    expect(codes([...honest].reverse())).toEqual([]);
  });

  it('refuses a worker confirming their own level, making someone lead, or adding a lead', () => {
    const forged = [
      ev('level.set', level('jan', 'O', 'confirmed'), 'jan', 3),
      ev('worker.changed', { id: 'piet', role: 'lead' }, 'jan', 3),
      ev('worker.created', { id: 'boss', name: 'Baas', teamId: 't', role: 'lead' }, 'piet', 3),
    ];
    expect(codes([...workshop(), ...forged])).toEqual([
      ['level.set', 'self'],
      ['worker.changed', 'notLead'],
      ['worker.created', 'notLead'],
    ]);
  });

  it('refuses events by nobody, by someone unknown, or about someone unknown, once there is a lead', () => {
    expect(
      codes([
        ...workshop(),
        ev('team.created', { id: 't2', name: 'X' }, null, 3),
        ev('team.created', { id: 't3', name: 'Y' }, 'ghost', 3),
        ev('level.set', level('ghost', 'U', 'confirmed'), 'kees', 3),
      ]),
    ).toEqual([
      ['team.created', 'noActor'],
      ['team.created', 'unknownActor'],
      ['level.set', 'unknownSubject'],
    ]);
  });

  it('a colleague at O may confirm; before they were O they may not', () => {
    const early = ev('level.set', level('piet', 'U', 'confirmed'), 'jan', 3);
    const makeO = ev('level.set', level('jan', 'O', 'confirmed'), 'kees', 4);
    const late = ev('level.set', level('piet', 'U', 'confirmed'), 'jan', 5);
    expect(codes([...workshop(), late, makeO, early])).toEqual([['level.set', 'notQualified']]);
  });

  it('takes back what a late arrival shows was not allowed, and lets in what it allows', () => {
    const authority = new Authority();
    const base = workshop();
    // Jan is made lead at minute 3; on an offline tablet, he adds a team at minute 6.
    const promote = ev('worker.changed', { id: 'jan', role: 'lead' }, 'kees', 3);
    const janAdds = ev('team.created', { id: 't9', name: 'Nacht' }, 'jan', 6);
    const first = settle(authority, [...base, promote, janAdds]);
    expect(first.refused).toEqual([]);
    // Kees had taken it back at minute 5: that arrives late, and Jan's team goes out.
    const demote = ev('worker.changed', { id: 'jan', role: 'worker' }, 'kees', 5);
    const second = settle(authority, [demote, janAdds]);
    expect(second.refused.map((r) => r.refusal.code)).toEqual(['notLead']);
    expect(authority.has(janAdds.id)).toBe(false);
  });

  it('a person leaving stops their later events, not earlier ones', () => {
    const before = ev('level.set', level('jan', 'L', 'claimed'), 'jan', 3);
    const leave = ev('worker.changed', { id: 'jan', archived: true }, 'kees', 4);
    const after = ev('level.set', level('jan', 'U', 'claimed'), 'jan', 5);
    expect(codes([...workshop(), after, leave, before])).toEqual([['level.set', 'archivedActor']]);
  });
});

describe('the first look: size, shape and clock', () => {
  const now = T0 + 10 * 60_000;
  it('holds an event a little ahead, refuses one far ahead or past the format', () => {
    const soon = ev('team.created', { id: 'a', name: 'A' }, 'kees', 10 + CLOCK_BOUNDS.holdMs / 60_000 + 1);
    const far = { ...soon, id: 'far-away-1', at: formatHlc({ wall: Date.UTC(2099, 0, 1), counter: 0 }, 'tab') };
    const beyond = { ...soon, id: 'beyond-format', at: `${'9'.repeat(15)}:99999:tab` };
    expect(screen(soon, now).kind).toBe('hold');
    expect(screen(far, now)).toMatchObject({ kind: 'refused', refusal: { code: 'future' } });
    expect(screen(beyond, now)).toMatchObject({ kind: 'refused', refusal: { code: 'future' } });
    expect(screen({ ...soon, at: formatHlc({ wall: now + CLOCK_BOUNDS.refuseMs - DAY_MS, counter: 0 }, 'tab') }, now).kind).toBe('hold');
  });

  it('refuses junk, an event too large, a stamp naming another device, and a private wish', () => {
    const ok = ev('team.created', { id: 'a', name: 'A' }, 'kees', 1);
    expect(screen({ type: 'level.set', payload: 42 }, now)).toMatchObject({ kind: 'refused', refusal: { code: 'malformed' } });
    expect(screen({ ...ok, payload: { id: 'a', name: 'A', padding: 'x'.repeat(300_000) } }, now)).toMatchObject({ kind: 'refused', refusal: { code: 'tooLarge' } });
    expect(screen({ ...ok, device: 'other' }, now)).toMatchObject({ kind: 'refused', refusal: { code: 'stampDevice' } });
    expect(screen(ev('wish.set', { workerId: 'jan', skillId: 'k', wished: true }, 'jan', 1), now)).toMatchObject({ kind: 'refused', refusal: { code: 'private' } });
    expect(screen(ok, now).kind).toBe('ok');
  });
});
