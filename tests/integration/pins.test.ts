import { beforeEach, describe, expect, it } from 'vitest';
import * as cmd from '../../src/data/commands';
import { db } from '../../src/data/store';
import { kioskPolicy, setKioskPolicy, setPin, signIn } from '../../src/data/commands';
import { freshDatabase } from './helpers';
import { admitReceived } from '../../src/data/gate';
import { deviceStanding, pinChoice } from '../../src/data/queries';
import { eventOf, makeDevice, rootOf, sign } from './testDevices';

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
    // Not as a value anywhere (ids and signatures are random hex and base64: '4321' may occur inside them).
    expect(log).not.toMatch(/[":]4321[",}\]]/);
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

describe('PINs on a device that joined the company', () => {
  it('nobody chooses a PIN for someone added elsewhere, until the enrolling lead or a lead here allows it', async () => {
    await freshDatabase();
    await db.meta.put({ key: 'sync', value: { url: 'https://couch.veerman.nl', db: 'veerman', user: '' } });
    // The company, set up on another tablet: lead Kees and worker Jan were added there.
    const tablet = await makeDevice('tablet-a');
    const t0 = Date.now() - 60_000;
    const at = (i: number) => ({ wall: t0 + i, counter: 0 });
    const company = [
      rootOf(tablet, at(0)),
      eventOf(tablet, 'team.created', { id: 'team', name: 'Machinaal' }, 'kees', at(1)),
      eventOf(tablet, 'worker.created', { id: 'kees', name: 'Kees', teamId: 'team', role: 'lead' }, 'kees', at(2)),
      eventOf(tablet, 'worker.created', { id: 'jan', name: 'Jan', teamId: 'team', role: 'worker' }, 'kees', at(3)),
    ];
    await admitReceived(await sign([tablet], company), 'sync');
    expect(await deviceStanding()).toBe('waiting');
    expect(await pinChoice('kees')).toBe('askLead');
    expect(await setPin('kees', '1234', { actor: 'kees' })).toMatchObject({ ok: false, errors: [{ key: 'kiosk.askLeadForPin' }] });
    // This tablet asks; Kees lets it in on the other tablet, saying he will start it himself.
    expect(await cmd.requestEnrolment()).toMatchObject({ ok: true });
    const me = (await db.devices.get((await db.meta.get('deviceId'))!.value as string))!;
    const enrolment = eventOf(tablet, 'device.enrolled', { deviceId: me.id, key: me.requestKey!, name: 'Tablet hal 2', pinFor: 'kees' }, 'kees', { wall: Date.now(), counter: 0 });
    await admitReceived(await sign([tablet], [enrolment]), 'sync');
    expect(await deviceStanding()).toBe('member');
    // Jan was added elsewhere: whoever taps his name here cannot pick his PIN.
    expect(await pinChoice('jan')).toBe('askLead');
    expect(await setPin('jan', '1111', { actor: 'jan' })).toMatchObject({ ok: false, errors: [{ key: 'kiosk.askLeadForPin' }] });
    // Kees may, once; then, signed in here, he lets Jan choose his.
    expect(await setPin('kees', '1234', { actor: 'kees' })).toMatchObject({ ok: true });
    expect(await setPin('kees', '9999', { actor: 'kees' })).toMatchObject({ ok: true }); // a lead sets any PIN, also his own, once signed in
    expect(await cmd.allowPinHere(['jan'], { actor: 'jan' })).toMatchObject({ ok: false });
    expect(await cmd.allowPinHere(['jan'], { actor: 'kees' })).toMatchObject({ ok: true });
    expect(await setPin('jan', '1111', { actor: 'jan' })).toMatchObject({ ok: true });
    expect(await signIn('jan', '1111')).toEqual({ kind: 'ok' });
  });
});
