import { describe, expect, it } from 'vitest';
import { browserAndCouch } from './couchHarness';
import { couch, startProxy } from '../integration/couchServer';
import { joinSecondTablet, ownWorkshopFromSheet, connectDevice, openApp, openLeadScreen, openScreen, signInAs, type Page } from './chromium';

const env = browserAndCouch();

/** A small photo drawn in the page, as a PNG. */
async function drawnPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 800;
    canvas.height = 600;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#fde68a';
    g.fillRect(0, 0, 800, 600);
    g.fillStyle = '#92400e';
    g.fillRect(100, 250, 600, 100);
    return canvas.toDataURL('image/png').split(',')[1]!;
  });
  return Buffer.from(base64, 'base64');
}

describe('an instruction photo on another device', () => {
  it('reaches the second device through the server, after its instruction', { timeout: 300_000 }, async () => {
    const dbName = 'fotos-e2e';
    await couch(env.server.url, `/${dbName}`, { method: 'PUT' });
    const proxy = await startProxy(env.server.url);

    const a = await openApp(env.browser);
    await ownWorkshopFromSheet(a.page, 'Naam;Team;Afkorten\r\nJan Smit;Werkplaats;L\r\n');
    await connectDevice(a.page, proxy.url, dbName, { joining: true });

    const b = await joinSecondTablet(env.browser, a.page, proxy.url, dbName);
    await a.page.bringToFront();

    // A: the lead writes the instruction with a photo.
    await openLeadScreen(a.page, 'Vaardigheden');
    await a.page.getByRole('button', { name: 'Werkinstructie: Afkorten' }).click();
    const editor = a.page.getByRole('dialog', { name: 'Werkinstructie: Afkorten' });
    await editor.getByLabel('Wat doe je?').fill('Leg de plank tegen de aanslag');
    await editor.getByLabel('Foto van stap 1 (mag leeg)').setInputFiles({ name: 'aanslag.png', mimeType: 'image/png', buffer: await drawnPhoto(a.page) });
    await editor.getByRole('img', { name: 'Foto van stap 1: Leg de plank tegen de aanslag' }).waitFor();
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await editor.waitFor({ state: 'detached' });
    const t0 = Date.now();

    // B: the lead signs in there and looks up the steps; the photo comes through the server.
    await b.page.bringToFront();
    await signInAs(b.page, 'Sanne de Groot', '1357', { firstTime: true });
    await openScreen(b.page, 'Mijn vaardigheden');
    await b.page.getByRole('button', { name: 'Stappen bekijken: Afkorten' }).click({ timeout: 60_000 });
    const cards = b.page.getByRole('dialog', { name: 'Afkorten: stap voor stap' });
    await cards.getByRole('img', { name: 'Foto van stap 1: Leg de plank tegen de aanslag' }).waitFor({ timeout: 60_000 });
    console.log(`instruction sync e2e: photo shown on the other device ${Date.now() - t0} ms after saving`);

    const { body } = await couch(env.server.url, `/${dbName}/_all_docs`);
    const photos = body.rows.filter((r: { id: string }) => r.id.startsWith('photo-'));
    expect(photos).toHaveLength(1);
    await a.context.close();
    await b.context.close();
    await proxy.close();
  });
});
