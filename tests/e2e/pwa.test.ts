import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPagesText } from '../integration/pdfText';
import { baseUrl, launchChromium, openApp, openLeadScreen, signInAs, type Browser, type Page, openScreen, chooseLevel } from './chromium';

let browser: Browser;

/**
 * `ready` resolves once a worker is active, i.e. after its install step precached the app; it
 * may still be activating then, so this waits for its own 'activated' state change.
 */
function serviceWorkerActivated(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active!;
    if (worker.state !== 'activated') await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(null)));
    return worker.state;
  });
}
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('installable, offline-first PWA', () => {
  it('serves a complete manifest with reachable icons', async () => {
    const { page, context } = await openApp(browser);
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifest = await (await page.request.get(new URL(href!, baseUrl()).href)).json();
    expect(manifest).toMatchObject({ name: expect.stringContaining('Vaardig'), short_name: 'Vaardig', display: 'standalone', start_url: '/', id: '/', theme_color: '#1d4ed8' });
    expect(manifest.description).toBeTruthy();
    const sizes = manifest.icons.map((i: { sizes: string; purpose?: string }) => `${i.sizes}:${i.purpose ?? 'any'}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
    for (const icon of manifest.icons) {
      const res = await page.request.get(new URL(icon.src, baseUrl()).href);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
    }
    await context.close();
  });

  it('reloads offline with its data once the service worker is ready', async () => {
    const { page, context } = await openApp(browser);
    await signInAs(page, 'Kees Veerman', '1234');
    // Signed in from the overview, the lead lands on the claims waiting; back to the matrix.
    await openScreen(page, 'Matrix');
    await page.getByRole('gridcell', { name: 'Ahmed Benali, Lengtezagen: nog niet' }).click();
    await chooseLevel(page, 'kan het anderen leren');
    const changed = page.getByRole('gridcell', { name: 'Ahmed Benali, Lengtezagen: kan het anderen leren (O), bevestigd' });
    await changed.waitFor();
    expect(await serviceWorkerActivated(page)).toBe('activated');

    await context.setOffline(true);
    await page.reload();
    await changed.waitFor();
    await page.getByRole('rowheader', { name: /Daan Smit/ }).waitFor();
    // The reloaded page learns it is offline from the browser, not at once: wait for that state
    // (navigator.onLine false) instead of reading it on the first tick.
    await page.waitForFunction(() => navigator.onLine === false, undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await context.close();
  });

  it('makes a PDF offline: its code and its fonts come from the precache, never fetched before', async () => {
    const { page, context } = await openApp(browser);
    await signInAs(page, 'Kees Veerman', '1234');
    expect(await serviceWorkerActivated(page)).toBe('activated');
    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => navigator.onLine === false, undefined, { timeout: 30_000 });
    await signInAs(page, 'Kees Veerman', '1234');
    const fonts: { url: string; status: number; fromServiceWorker: boolean }[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.ttf')) fonts.push({ url: r.url(), status: r.status(), fromServiceWorker: r.fromServiceWorker() });
    });
    await openLeadScreen(page, 'Certificaten');
    await page.getByLabel('Kwalificatie', { exact: true }).selectOption({ index: 1 });
    const fund = page.locator('section[aria-labelledby="fund-title"]');
    const [pdf] = await Promise.all([page.waitForEvent('download'), fund.getByRole('button', { name: 'Rapport (PDF)' }).click()]);
    const text = (await pdfPagesText(readFileSync((await pdf.path())!))).join('\n');
    expect(text).toContain('Bedrijf: Timmerfabriek Veerman (voorbeeld)');
    expect(text).toMatch(/Blad 1 van \d+ — Timmerfabriek Veerman \(voorbeeld\)/);
    expect(fonts.map((f) => [new URL(f.url).pathname, f.status, f.fromServiceWorker]).sort()).toEqual([
      ['/fonts/DejaVuSans-Bold.ttf', 200, true],
      ['/fonts/DejaVuSans.ttf', 200, true],
    ]);
    await context.close();
  });

  it('asks the browser to keep the data and shows the answer in settings', async () => {
    const { page, context } = await openApp(browser);
    await openScreen(page, 'Instellingen');
    const state = page.getByTestId('storage-state');
    await state.waitFor();
    // Headless Chromium decides by its own heuristics; either answer must be shown in words.
    expect(await state.textContent()).toMatch(/Gegevens blijven bewaard|De browser mag de gegevens opruimen/);
    await page.getByText(/gebruikt van/).waitFor();
    await context.close();
  });

  it('speaks English with ?lang=en, remembers it, and sets <html lang>', async () => {
    const { page, context } = await openApp(browser, '/?lang=en');
    await page.getByRole('grid', { name: 'Skills matrix: workers and what they can do' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('gridcell', { name: 'Ahmed Benali, Afkorten: can do it with help (L), confirmed' }).waitFor();
    await page.goto(baseUrl());
    const menu = page.getByRole('navigation', { name: 'Main menu' });
    await menu.getByRole('button', { name: 'Settings' }).waitFor();
    // The language sits first under "More", each named in its own language.
    await menu.getByRole('button', { name: 'More' }).click();
    await menu.getByRole('button', { name: 'NL Nederlands' }).click();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Instellingen' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await context.close();
  });
});
