import { describe, expect, it } from 'vitest';
import { browserAndCouch } from './couchHarness';
import { couch } from '../integration/couchServer';
import { axeViolations, connectDevice, enrolmentCodeOf, letDeviceIn, openApp, openScreen, readStore, signInAs } from './chromium';

const env = browserAndCouch();

describe('a device joining a company sees how far it is', () => {
  it('a bar with its name and "x van y" appears while the company comes in, and ends at all of it', { timeout: 300_000 }, async () => {
    const dbName = 'progress-e2e';
    await couch(env.server.url, `/${dbName}`, { method: 'PUT' });

    // Tablet A: a small synthetic factory (some 800 changes), its lead connects it.
    const a = await openApp(env.browser, '/?factory=50x40&seed=1');
    await signInAs(a.page, 'Jan de Vries', '1234');
    await connectDevice(a.page, env.server.url, dbName, { joining: true });
    const { body: info } = await couch(env.server.url, `/${dbName}`);

    // Tablet B joins. Its first page of changes is held on its way until the bar has been read:
    // what the bar says at the start, without racing the pull.
    const b = await openApp(env.browser, '/', { serviceWorkers: 'block' });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const pageAsked = new Promise<void>((resolve) => (asked = resolve));
    await b.page.route(/\/_changes\?/, async (route) => {
      if (!route.request().url().includes('feed=longpoll')) {
        asked();
        await held;
      }
      await route.continue();
    });
    await openScreen(b.page, 'Instellingen');
    await b.page.getByLabel('Adres van de server').fill(env.server.url);
    await b.page.getByLabel('Database van het bedrijf').fill(dbName);
    await b.page.getByRole('button', { name: 'Koppelen', exact: true }).click();
    await pageAsked;

    const bar = b.page.getByRole('progressbar', { name: 'Wijzigingen van de server ophalen' });
    await bar.waitFor();
    const start = await bar.getAttribute('aria-valuetext');
    // What the server holds (its sequence): A's events, its people's keys and B's own request, at most.
    const total = Number((start ?? '').match(/^0 van ([\d.]+)$/)?.[1]?.replace(/\./g, ''));
    expect(total).toBeGreaterThanOrEqual(800);
    expect(total).toBeLessThanOrEqual(info.update_seq + 1);
    await expect.poll(() => bar.evaluate((el) => [(el as HTMLProgressElement).value, (el as HTMLProgressElement).max])).toEqual([0, total]);
    await b.page.getByText(`0 van ${total.toLocaleString('nl-NL')}`).waitFor();
    expect(await axeViolations(b.page)).toEqual([]);

    release();
    // The end: every change in, said in words; the bar is gone.
    await b.page
      .getByRole('status')
      .filter({ hasText: `Klaar met ophalen: ${total.toLocaleString('nl-NL')} van ${total.toLocaleString('nl-NL')}` })
      .waitFor({ timeout: 120_000 });
    expect(await bar.count()).toBe(0);

    // And B takes part once the lead lets it in: the factory is on its matrix.
    const code = await enrolmentCodeOf(b.page);
    await a.page.bringToFront();
    await letDeviceIn(a.page, code, 'Tablet B');
    await b.page.bringToFront();
    await openScreen(b.page, 'Matrix');
    await b.page.getByRole('gridcell').first().waitFor({ timeout: 60_000 });
    expect(await readStore(b.page, 'workers')).toHaveLength(50);
  });
});
