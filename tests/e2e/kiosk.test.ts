import { describe, expect, it } from 'vitest';
import { claimOwnSkill, browserForFile, axeViolations, openApp, readStore, signInAs, writeMeta, openLeadScreen, openScreen, chooseLevel } from './chromium';

const env = browserForFile();

describe('kiosk: claim, confirm, lock', () => {
  it('a worker signs in, claims U, and is signed out after the idle time with a countdown', async () => {
    const { page, context } = await openApp(env.browser);
    // A short idle time written straight into storage (the settings screen allows 15 s at least).
    await writeMeta(page, 'kioskPolicy', { maxAttempts: 5, lockMinutes: 5, idleSeconds: 12 });
    await page.reload();
    await claimOwnSkill(page, { name: 'Ioana Popescu', pin: '2580' }, 'Afkorten', 'kan het zelfstandig', 'hele week alleen gezaagd');
    await page.getByText('4 wachten op bevestiging.').waitFor();

    // Event ids are content hashes: the log's order is the stamp (`at`).
    const events = ((await readStore(page, 'events')) as { at: string; type: string; actor: string; payload: { status?: string; level?: string } }[]).sort((a, b) => (a.at < b.at ? -1 : 1));
    const workers = (await readStore(page, 'workers')) as { id: string; name: string }[];
    const ioana = workers.find((w) => w.name === 'Ioana Popescu')!;
    expect(events.at(-1)).toMatchObject({ type: 'level.set', actor: ioana.id, payload: { status: 'claimed', level: 'U' } });

    await page.getByText(/Je wordt over \d+ seconden afgemeld/).waitFor({ timeout: 30_000 });
    await page.getByRole('banner').getByRole('button', { name: 'Aanmelden' }).waitFor({ timeout: 45_000 });
    await openScreen(page, 'Matrix');
    await page.getByRole('gridcell', { name: 'Ioana Popescu, Afkorten: kan het zelfstandig (U), zelf aangegeven, nog niet bevestigd' }).waitFor();
    await context.close();
  });

  it('a coach at O confirms a claim; the matrix shows it confirmed and the log shows every step', async () => {
    const { page, context } = await openApp(env.browser);
    await signInAs(page, 'Ioana Popescu', '1357', { firstTime: true });
    await openScreen(page, 'Mijn vaardigheden');
    await page.getByRole('button', { name: 'Ik kan dit: Vlakken en vandikte' }).click();
    await chooseLevel(page, 'kan het zelfstandig', page.getByRole('dialog', { name: 'Hoe goed kan jij dit?' }));
    await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();

    // Fatima is at O for "Vlakken en vandikte" (and a trained coach): she may confirm.
    await signInAs(page, 'Fatima El Amrani', '8642', { firstTime: true });
    await openScreen(page, 'Bevestigen');
    await page.getByRole('heading', { name: 'Te bevestigen' }).waitFor();
    await page.getByRole('button', { name: 'Bevestigen: Ioana Popescu, Vlakken en vandikte' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Bevestigen: Ioana Popescu, Vlakken en vandikte' }).count()).toBe(0);
    await openScreen(page, 'Matrix');
    await page.getByRole('gridcell', { name: 'Ioana Popescu, Vlakken en vandikte: kan het zelfstandig (U), bevestigd' }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();

    await signInAs(page, 'Kees Veerman', '1234');
    await openLeadScreen(page, 'Logboek');
    await page.getByLabel('Persoon').selectOption({ label: 'Ioana Popescu' });
    const rows = page.getByRole('row');
    await rows.filter({ hasText: 'Ioana Popescu, Vlakken en vandikte: kan het zelfstandig (U) bevestigd' }).filter({ hasText: 'Fatima El Amrani' }).waitFor();
    await rows.filter({ hasText: 'Ioana Popescu zegt bij Vlakken en vandikte: kan het zelfstandig (U)' }).waitFor();
    await context.close();
  });

  it('five wrong PINs lock the name, with a message that says for how long', async () => {
    const { page, context } = await openApp(env.browser);
    await page.getByRole('banner').getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Kees Veerman', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Kees Veerman' });
    // The pad takes keys once it asks for the PIN.
    await dialog.getByText('Tik je pincode').waitFor();
    for (let i = 4; i >= 1; i--) {
      await page.keyboard.type('0000');
      await dialog.getByRole('button', { name: 'OK' }).click();
      await dialog.getByText(`Verkeerde pincode. Je mag het nog ${i} keer proberen.`).waitFor();
    }
    await page.keyboard.type('0000');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.getByText(/Deze naam is op slot na te veel foute pincodes. Probeer het over (5:00|4:5\d) opnieuw/).waitFor();
    // Even the right PIN does not open a locked name.
    await page.keyboard.type('1234');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.getByText(/Deze naam is op slot/).waitFor();
    expect(await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).count()).toBe(0);
    await context.close();
  });

  it('a sign-in right after an idle sign-out stays signed in; the countdown counts down; "Ik ben er nog" keeps you', async () => {
    const { page, context } = await openApp(env.browser);
    await writeMeta(page, 'kioskPolicy', { maxAttempts: 5, lockMinutes: 5, idleSeconds: 12 });
    await page.reload();
    const banner = page.getByRole('banner');
    await signInAs(page, 'Kees Veerman', '1234');
    await banner.getByRole('button', { name: 'Aanmelden' }).waitFor({ timeout: 45_000 });

    // The next person signs in at once: the previous session's idle clock must not undo it.
    await signInAs(page, 'Fatima El Amrani', '8642', { firstTime: true });
    const warning = page.getByRole('alert').filter({ hasText: /Je wordt over \d+ seconden? afgemeld/ });
    // Still signed in when the warning starts, and it counts down second by second.
    await warning.getByText('Je wordt over 10 seconden afgemeld.').waitFor({ timeout: 20_000 });
    expect(await banner.getByTitle('Fatima El Amrani').count()).toBe(1);
    await warning.getByText('Je wordt over 9 seconden afgemeld.').waitFor();
    await warning.getByText('Je wordt over 8 seconden afgemeld.').waitFor();
    await warning.getByRole('button', { name: 'Ik ben er nog' }).click();
    await warning.waitFor({ state: 'detached' });
    expect(await banner.getByRole('button', { name: 'Afmelden' }).count()).toBe(1);
    // A new idle time from that touch: the countdown comes back from the top, then signs out.
    await warning.getByText('Je wordt over 10 seconden afgemeld.').waitFor({ timeout: 20_000 });
    await banner.getByRole('button', { name: 'Aanmelden' }).waitFor({ timeout: 20_000 });
    await context.close();
  });

  it('the PIN pad says how many digits are typed, and is axe clean', async () => {
    const { page, context } = await openApp(env.browser);
    await page.getByRole('banner').getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Kees Veerman', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Kees Veerman' });
    await dialog.getByText('Tik je pincode').waitFor();
    await page.keyboard.type('12');
    await dialog.getByRole('status').filter({ hasText: '2 cijfers getikt' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
