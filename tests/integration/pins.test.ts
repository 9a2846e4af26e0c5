import { beforeEach, describe, expect, it } from 'vitest';
import * as cmd from '../../src/data/commands';
import { db } from '../../src/data/store';
import { kioskPolicy, setKioskPolicy, setPin, signIn } from '../../src/data/commands';
import { freshDatabase } from './helpers';

let lead: string;
let jan: string;

describe('kiosk PINs', () => {
  beforeEach(async () => {
    await freshDatabase();
    const first = await cmd.createFirstLead({ name: 'Kees', teamName: 'Machinaal', pin: '4321' });
    if (!first.ok) throw new Error();
    lead = first.value.id;
    const w = await cmd.createWorker({ name: 'Jan', teamId: first.value.teamId }, { actor: lead });
    if (!w.ok) throw new Error();
    jan = w.value.id;
  });

  it('stores a salted PBKDF2 hash, never the PIN, and never in the event log', async () => {
    const cred = (await db.credentials.get(lead))!;
    expect(cred.hash).not.toContain('4321');
    expect(cred.salt.length).toBeGreaterThanOrEqual(20);
    expect(cred.iterations).toBeGreaterThanOrEqual(100_000);
    const log = JSON.stringify(await db.events.toArray());
    expect(log).not.toContain('4321');
    expect(log).not.toContain(cred.hash);
    await setPin(jan, '4321', { actor: jan });
    expect((await db.credentials.get(jan))!.hash).not.toBe(cred.hash);
  });

  it('a worker sets their own PIN only the first time; the lead can always set it', async () => {
    expect(await signIn(jan, '1111')).toEqual({ kind: 'noPin' });
    expect((await setPin(jan, '12', { actor: jan })).ok).toBe(false);
    expect((await setPin(jan, '1111', { actor: jan })).ok).toBe(true);
    expect((await setPin(jan, '2222', { actor: jan })).ok).toBe(false);
    expect(await signIn(jan, '1111')).toEqual({ kind: 'ok' });
    expect((await setPin(jan, '3333', { actor: lead })).ok).toBe(true);
    expect(await signIn(jan, '3333')).toEqual({ kind: 'ok' });
  });

  it('locks the name after five wrong PINs for five minutes, then lets the right PIN in', async () => {
    await setPin(jan, '1111', { actor: jan });
    const t0 = Date.now();
    for (let i = 4; i >= 1; i--) expect(await signIn(jan, '9999', t0)).toEqual({ kind: 'wrong', attemptsLeft: i });
    expect(await signIn(jan, '9999', t0)).toEqual({ kind: 'locked', seconds: 300 });
    expect(await signIn(jan, '1111', t0 + 60_000)).toEqual({ kind: 'locked', seconds: 240 });
    expect(await signIn(jan, '1111', t0 + 300_000)).toEqual({ kind: 'ok' });
  });

  it('the lock limits are configurable by the lead, within bounds', async () => {
    expect((await setKioskPolicy({ maxAttempts: 3, lockMinutes: 10, idleSeconds: 30 }, { actor: jan })).ok).toBe(false);
    expect((await setKioskPolicy({ maxAttempts: 1, lockMinutes: 10, idleSeconds: 30 }, { actor: lead })).ok).toBe(false);
    expect((await setKioskPolicy({ maxAttempts: 3, lockMinutes: 10, idleSeconds: 30 }, { actor: lead })).ok).toBe(true);
    expect(await kioskPolicy()).toEqual({ maxAttempts: 3, lockMinutes: 10, idleSeconds: 30 });
    await setPin(jan, '1111', { actor: jan });
    const t0 = Date.now();
    await signIn(jan, '0000', t0);
    await signIn(jan, '0000', t0);
    expect(await signIn(jan, '0000', t0)).toEqual({ kind: 'locked', seconds: 600 });
  });
});
