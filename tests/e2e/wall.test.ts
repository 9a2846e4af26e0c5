import { describe, expect, it } from 'vitest';
import { browserForFile, axeViolations, openApp, openScreen, signInAs, type Page } from './chromium';

const env = browserForFile();

/** A device that hangs on the wall: wall mode stored as the lead would leave it, then opened again. */
async function openWall(viewport: { width: number; height: number }, pageSeconds = 20) {
  const opened = await openApp(env.browser, '/', { viewport });
  await opened.page.evaluate((seconds) => localStorage.setItem('vaardig-ui', JSON.stringify({ state: { language: 'nl', wallMode: true, wallPageSeconds: seconds }, version: 0 })), pageSeconds);
  await opened.page.reload();
  await opened.page.getByRole('table', { name: /^Wie kan wat/ }).waitFor();
  return opened;
}

/** What is really on screen: the rows and skills inside the viewport, the smallest mark and name. */
function onScreen(page: Page) {
  return page.evaluate(() => {
    const inView = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5 && r.width > 0;
    };
    const rows = [...document.querySelectorAll('[role=rowheader].wall-name')];
    const skills = [...document.querySelectorAll('.wall-skill')];
    const marks = [...document.querySelectorAll('.wall-cell .mark')].map((m) => parseFloat(getComputedStyle(m, '::before').width));
    return {
      rows: rows.filter(inView).map((r) => r.textContent),
      skills: skills.filter(inView).length,
      smallestMark: Math.min(...marks),
      smallestName: Math.min(...rows.map((r) => parseFloat(getComputedStyle(r).fontSize))),
      scrolls: document.documentElement.scrollHeight > innerHeight || document.querySelector('.wall-area')!.scrollHeight > document.querySelector('.wall-area')!.clientHeight,
    };
  });
}

describe('the wall', () => {
  it('shows all 14 demo workers and 24 skills at once on a 1920 × 1080 TV, marks ≥ 40 px, names ≥ 24 px, and nothing else but one status line', async () => {
    const { page, context, errors } = await openWall({ width: 1920, height: 1080 });
    await page.locator('.wall-cell .mark').first().waitFor();
    await page.locator('.week-counts').waitFor();
    const seen = await onScreen(page);
    expect(seen.rows).toHaveLength(14);
    expect(seen.skills).toBe(24);
    expect(seen.smallestMark).toBeGreaterThanOrEqual(40);
    expect(seen.smallestName).toBeGreaterThanOrEqual(24);
    expect(seen.scrolls).toBe(false);
    // No menu, no banners: the status line, the legend on one line and this week.
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.locator('.banner').count()).toBe(0);
    await page.getByRole('banner').getByRole('button', { name: 'Aanmelden' }).waitFor();
    await page.getByRole('heading', { name: 'Deze week' }).waitFor();
    const legend = await page
      .locator('.legend-line ul')
      .evaluate((ul) => ({ height: ul.getBoundingClientRect().height, lines: new Set([...ul.children].map((li) => Math.round(li.getBoundingClientRect().top))).size }));
    expect(legend.lines).toBe(1);
    expect(await page.getByText(/Pagina \d van/).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a 1280 × 800 tablet turns pages by itself, each page readable, and can be held or turned by hand', async () => {
    const { page, context } = await openWall({ width: 1280, height: 800 }, 5);
    const pager = page.getByText(/^Pagina \d van \d$/);
    const first = await pager.textContent();
    expect(first).toMatch(/^Pagina 1 van [2-9]$/);
    const seen = await onScreen(page);
    expect(seen.smallestMark).toBeGreaterThanOrEqual(40);
    expect(seen.scrolls).toBe(false);
    // The next page comes by itself (after the dwell of 5 s, whatever the machine's speed).
    await page.getByText(/^Pagina 2 van \d$/).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Stilzetten' }).click();
    await page.getByRole('button', { name: 'Laten lopen' }).waitFor();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByText(/^Pagina 3 van \d$/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('on a screen turned upright, shows everyone over fewer pages', async () => {
    const { page, context } = await openWall({ width: 1080, height: 1920 });
    expect(await page.getByText(/^Pagina 1 van 2$/).count()).toBe(1);
    expect((await onScreen(page)).rows).toHaveLength(14);
    await context.close();
  });

  it('a worker signs in at the wall, lands on their own skills, and the wall comes back when they sign out', async () => {
    const { page, context } = await openWall({ width: 1280, height: 800 });
    await signInAs(page, 'Jan de Vries', '4827', { firstTime: true });
    await page.getByRole('heading', { name: 'Wat kan Jan de Vries?' }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('table', { name: /^Wie kan wat/ }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await context.close();
  });

  it('the lead lands on Bevestigen with the count, and confirms several at once', async () => {
    const { page, context } = await openWall({ width: 1280, height: 800 });
    await signInAs(page, 'Kees Veerman', '1234');
    await page.getByRole('heading', { name: 'Te bevestigen' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('button', { name: 'Bevestigen 5 5 wachten op jou' }).waitFor();
    await page.getByText('5 vragen wachten op jouw bevestiging.').waitFor();
    await page.getByRole('checkbox', { name: 'Kiezen: Emma de Boer, Spuitcabine onderhouden' }).check();
    await page.getByRole('checkbox', { name: 'Kiezen: Daan Smit, Heftruck rijden' }).check();
    await page.getByRole('button', { name: '2 bevestigen' }).click();
    await page.getByText('2 bevestigd').waitFor();
    await page.getByRole('heading', { name: 'Net bevestigd' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Daan Smit kan nu Heftruck rijden: kan het zelfstandig' }).waitFor();
    await nav.getByRole('button', { name: 'Bevestigen 3 3 wachten op jou' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('the menu', () => {
  it('is one row on a 1280 × 800 tablet, the rest under Meer', async () => {
    const { page, context } = await openApp(env.browser);
    await signInAs(page, 'Kees Veerman', '1234');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const tops = await nav.locator(':scope > ul > li').evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    expect(await page.getByRole('banner').evaluate((h) => h.getBoundingClientRect().height)).toBeLessThanOrEqual(64);
    await nav.getByRole('button', { name: 'Meer' }).click();
    await nav.getByRole('button', { name: 'Instellingen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await nav.getByRole('button', { name: 'Instellingen' }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Meer');
    await openScreen(page, 'Beheer');
    await page.getByRole('heading', { name: 'Beheer' }).waitFor();
    await context.close();
  });

  it('is a tab bar at the bottom of a phone, and leaves the screen to the content', async () => {
    // Without the service worker: its one-off "ready offline" note is not what stays on screen.
    const { page, context } = await openApp(env.browser, '/', { viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    await signInAs(page, 'Jan de Vries', '4827', { firstTime: true });
    await page.getByRole('heading', { name: 'Wat kan Jan de Vries?' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const bar = await nav.evaluate((n) => n.getBoundingClientRect().toJSON());
    expect(Math.round(bar.bottom)).toBe(844);
    const main = await page.locator('main').evaluate((m) => m.getBoundingClientRect().height);
    expect(main).toBeGreaterThanOrEqual(600);
    await nav.getByRole('button', { name: 'Meer' }).click();
    await nav.getByRole('group', { name: 'Taal' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
