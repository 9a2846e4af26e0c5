import { describe, expect, it } from 'vitest';
import { browserAndCouch } from './couchHarness';
import { couch, startProxy } from '../integration/couchServer';
import { joinSecondTablet, ownWorkshopFromSheet, connectDevice, openApp, signInAs, type Page, openScreen, chooseLevel } from './chromium';

const env = browserAndCouch();

const cell = (page: Page, level: string) => page.getByRole('gridcell', { name: `Jan Smit, Afkorten: ${level}` });

async function setJan(page: Page, label: string) {
  await openScreen(page, 'Matrix');
  await page.getByRole('gridcell', { name: /^Jan Smit, Afkorten/ }).click();
  await chooseLevel(page, label);
}

describe('several devices, one matrix', () => {
  // Waits on what the screens show; the budget covers the sync loop's backoff (up to a minute).
  it('two browsers stay in sync through the server, also after offline edits and a server outage', { timeout: 300_000 }, async () => {
    const dbName = 'veerman-e2e';
    await couch(env.server.url, `/${dbName}`, { method: 'PUT' });
    const proxy = await startProxy(env.server.url);

    // Device A: the lead's own workshop (not the demo), brought in from a small sheet.
    const a = await openApp(env.browser);
    await ownWorkshopFromSheet(a.page, 'Naam;Team;Afkorten;Lengtezagen\r\nJan Smit;Werkplaats;L;\r\nPiet Bos;Werkplaats;O;U\r\n');
    await connectDevice(a.page, proxy.url, dbName, { joining: true });

    // Device B: a new tablet with the demo; connecting replaces the demo with the company's data,
    // and it waits, showing its code, until the lead on A lets it in by that code.
    const b = await joinSecondTablet(env.browser, a.page, proxy.url, dbName);
    await openScreen(b.page, 'Matrix');
    await cell(b.page, 'kan het met hulp (L), bevestigd').waitFor({ timeout: 60_000 });
    const t0 = Date.now();

    // A changes a level; B sees it.
    await a.page.bringToFront();
    await setJan(a.page, 'kan het zelfstandig');
    await b.page.bringToFront();
    await cell(b.page, 'kan het zelfstandig (U), bevestigd').waitFor({ timeout: 60_000 });
    const converge = Date.now() - t0;

    // Both offline: A edits Jan, B (the lead signs in there too: she let B in for her own first PIN) edits Piet; then back online.
    await signInAs(b.page, 'Sanne de Groot', '1357', { firstTime: true });
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    await a.page.bringToFront();
    await setJan(a.page, 'kan het anderen leren');
    await b.page.bringToFront();
    await b.page.getByRole('gridcell', { name: /^Piet Bos, Lengtezagen/ }).click();
    await chooseLevel(b.page, 'leert het');
    // And the server goes away and comes back while they are offline.
    proxy.cut();
    await a.context.setOffline(false);
    await b.context.setOffline(false);
    await proxy.restore();
    await cell(b.page, 'kan het anderen leren (O), bevestigd').waitFor({ timeout: 90_000 });
    await a.page.bringToFront();
    await a.page.getByRole('gridcell', { name: 'Piet Bos, Lengtezagen: leert het (I), bevestigd' }).waitFor({ timeout: 90_000 });

    const { body } = await couch(env.server.url, `/${dbName}`);
    console.log(`sync e2e: ${body.doc_count} events on the server; first change seen on the other device after ${converge} ms`);
    expect(body.doc_count).toBeGreaterThan(5);
    await a.context.close();
    await b.context.close();
    await proxy.close();
  });
});
