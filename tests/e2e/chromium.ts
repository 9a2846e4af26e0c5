import { enrolmentCode, readCode } from '../../src/domain/identity/enrolmentCode';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, inject } from 'vitest';

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}

export const baseUrl = () => inject('baseUrl');

/** One browser for a test file's tests: launched before them, closed after. */
export function browserForFile(): { browser: Browser } {
  const env = {} as { browser: Browser };
  beforeAll(async () => {
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
  });
  return env;
}

/**
 * A fresh profile (new context) on a tablet-sized screen; page errors fail the test.
 * `serviceWorkers: 'block'` for a test that measures the page itself: the worker's install
 * finishing shows the "ready offline" banner at a moment that depends on the machine's speed.
 */
export async function openApp(browser: Browser, path = '/', options: { viewport?: { width: number; height: number }; serviceWorkers?: 'allow' | 'block' } = {}) {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, locale: 'nl-NL', serviceWorkers: options.serviceWorkers ?? 'allow' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(new URL(path, baseUrl()).href);
  await page
    .getByRole('grid')
    .or(page.getByRole('heading', { level: 1 }))
    .first()
    .waitFor();
  return { context, page, errors };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe (WCAG 2.0–2.2 A and AA) in the page; returns the violations, summarised. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  });
  return results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
}

/** Every stored level record, from the row documents (the storage shape is in levelDocs). */
export async function readLevels(page: Page): Promise<Record<string, unknown>[]> {
  const rows = (await readStore(page, 'levelsByWorker')) as { workerId: string; packed: string }[];
  return rows.flatMap((r) => Object.entries(JSON.parse(r.packed) as Record<string, Record<string, unknown>>).map(([skillId, cell]) => ({ workerId: r.workerId, skillId, ...cell })));
}

/** Reads a whole object store straight from IndexedDB: what is really stored. */
export function readStore(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('vaardig');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** Everything this page's origin keeps in Vaardig's IndexedDB, every store, as one text: to search for what must not be there. */
export function readEverything(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('vaardig');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const names = [...open.result.objectStoreNames];
          const tx = open.result.transaction(names, 'readonly');
          const all: Record<string, unknown> = {};
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => (all[name] = req.result);
          }
          tx.oncomplete = () => {
            open.result.close();
            resolve(JSON.stringify(all));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

export type { Browser, BrowserContext, Page };

/** Signs in on the kiosk: tap the name, type the PIN (choosing it first if there is none). */
export async function signInAs(page: Page, name: string, pin: string, options: { firstTime?: boolean } = {}) {
  const headerButton = page.getByRole('banner').getByRole('button', { name: 'Aanmelden' });
  const dialog = page.getByRole('dialog', { name: 'Wie ben je? Tik op je naam.' });
  if (!(await dialog.isVisible())) await headerButton.click();
  await dialog.getByRole('button', { name, exact: true }).click();
  const pinDialog = page.getByRole('dialog', { name });
  await pinDialog.getByText(options.firstTime ? 'Kies een pincode van 4 tot 6 cijfers' : 'Tik je pincode').waitFor();
  await page.keyboard.type(pin);
  await pinDialog.getByRole('button', { name: 'OK' }).click();
  if (options.firstTime) {
    await pinDialog.getByText('Tik dezelfde pincode nog een keer').waitFor();
    await page.keyboard.type(pin);
    await pinDialog.getByRole('button', { name: 'OK' }).click();
  }
  await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).waitFor();
  await page.getByRole('banner').getByTitle(name).waitFor({ state: 'attached' });
}

/** Writes a meta value straight into IndexedDB (for settings a test needs outside their UI range). */
export function writeMeta(page: Page, key: string, value: unknown): Promise<void> {
  return page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('vaardig');
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').put({ key: k, value: v });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, value] as const,
  );
}

/**
 * Opens a screen of the main menu as a person does: its button in the bar when it fits,
 * otherwise under "Meer".
 */
export async function openScreen(page: Page, label: string) {
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  const name = new RegExp(`^${label}\\b`);
  const direct = nav.getByRole('button', { name }).first();
  // Right after a sign-in the bar measures itself again (a count badge, the lead's screens) and a
  // button may move under "Meer" between finding and tapping it: then look again.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      if (await direct.isVisible()) return await direct.click({ timeout: 5000 });
      await nav.getByRole('button', { name: 'Meer' }).click({ timeout: 5000 });
      return await nav.getByRole('button', { name }).first().click({ timeout: 5000 });
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}

/**
 * Connects from the settings as a lead does; a device with data of its own is asked first
 * (`joining`). Waits until it says it is up to date, unless `wait: false` (a device that will
 * wait to be let in).
 */
export async function connectDevice(page: Page, url: string, db: string, options: { joining?: boolean; wait?: boolean } = {}) {
  await openScreen(page, 'Instellingen');
  await page.getByLabel('Adres van de server').fill(url);
  await page.getByLabel('Database van het bedrijf').fill(db);
  await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
  if (options.joining) await page.getByRole('dialog', { name: 'Gegevens meenemen naar de server?' }).getByRole('button', { name: 'Koppelen' }).click();
  if (options.wait ?? true) await page.getByTestId('sync-status').getByText('Gekoppeld en bijgewerkt').waitFor({ timeout: 60_000 });
}

/**
 * The signed-in lead plans someone from an attention point of the matrix, with a coach other than
 * the lead, skipping the skills in `skip`; returns who learns what from whom.
 */
export async function planFromAttention(page: Page, skip: readonly string[] = []): Promise<{ learner: string; skill: string; coach: string }> {
  await openScreen(page, 'Matrix');
  await page.getByRole('button', { name: 'Aandachtspunten' }).click();
  const attention = page.getByRole('dialog', { name: 'Waar zijn te weinig mensen voor?' });
  const points = attention
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /^Plan iemand in voor / }) })
    .filter({ hasNotText: 'Niemand kan het' });
  await points.first().waitFor();
  for (const point of await points.all()) {
    const skill = (await point.locator('strong').innerText()).trim();
    if (skip.includes(skill)) continue;
    await point.getByRole('button', { name: `Plan iemand in voor ${skill}` }).click();
    const plan = page.getByRole('dialog', { name: `Wie gaat ${skill} leren?` });
    const who = plan.getByLabel('Wie', { exact: true });
    await who.waitFor();
    const coach = (await plan.getByLabel('Coach').locator('option').allInnerTexts()).map((o) => o.trim()).find((c) => c !== 'Kees Veerman');
    if (!coach) {
      await plan.getByRole('button', { name: 'Annuleren' }).click();
      continue;
    }
    const option = (await who.locator('option').allInnerTexts()).map((o) => o.trim()).find((o) => !o.startsWith('Kees Veerman') && !o.startsWith(`${coach} `))!;
    await who.selectOption({ label: option });
    await plan.getByLabel('Coach').selectOption({ label: coach });
    await plan.getByRole('button', { name: 'Inplannen' }).click();
    await plan.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await attention.waitFor({ state: 'detached' });
    return { learner: option.split(' — ')[0]!, skill, coach };
  }
  throw new Error('No attention point with a coach other than the lead');
}

/**
 * A second tablet joins the company that tablet `a` (its lead signed in) is connected to: it
 * connects (its demo goes), shows its code, and the lead on `a` lets it in as "Tablet B".
 * Returns the second tablet, brought to the front.
 */
export async function joinSecondTablet(browser: Browser, a: Page, url: string, db: string) {
  const b = await openApp(browser);
  await connectDevice(b.page, url, db);
  const code = await enrolmentCodeOf(b.page);
  await a.bringToFront();
  await letDeviceIn(a, code, 'Tablet B');
  await b.page.bringToFront();
  return b;
}

/** The lead's screens sit behind "Beheer": open it and tap the tile. */
export async function openLeadScreen(page: Page, label: string) {
  await openScreen(page, 'Beheer');
  await page.getByRole('button', { name: new RegExp(`^${label}\\b`) }).click();
}

/** First run without a lead: fill in the setup (Sanne de Groot, team Werkplaats, PIN 2468) and wait until she is signed in. */
export async function setUpFirstLead(page: Page) {
  await page.getByLabel('Jouw naam').fill('Sanne de Groot');
  await page.getByLabel('Naam van jouw team').fill('Werkplaats');
  await page.getByLabel('Kies een pincode').fill('2468');
  await page.getByLabel('Pincode nog een keer').fill('2468');
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).waitFor();
}

/** A workshop of one's own instead of the demo: the demo's lead starts empty, then the first lead is set up. */
export async function startOwnWorkshop(page: Page) {
  await signInAs(page, 'Kees Veerman', '1234');
  await page.getByRole('region', { name: 'Voorbeeld' }).getByRole('button', { name: 'Leeg beginnen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ja' }).click();
  await setUpFirstLead(page);
}

/**
 * The lead's own workshop (not the demo), with the people of a small sheet (`csv`, `;`-separated
 * with a header row) read in from _Gegevens_.
 */
export async function ownWorkshopFromSheet(page: Page, csv: string) {
  await startOwnWorkshop(page);
  await openLeadScreen(page, 'Gegevens');
  await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'm.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const people = csv.trim().split('\r\n').length - 1;
  await page.getByRole('button', { name: `Inlezen (${people === 1 ? '1 persoon' : `${people} mensen`})` }).click();
  await page.getByText(new RegExp(`Ingelezen: ${people} `)).waitFor();
}

/** A worker signs in (choosing their PIN) and claims a skill on _Mijn vaardigheden_, with what they did. */
/**
 * Taps a level in the open level picker and waits until it is written: the cell shows the new
 * level at once and the write follows (the `vaardig:level-durable` mark the picker sets).
 */
export async function chooseLevel(page: Page, level: string, picker: Locator = page.getByRole('dialog')) {
  const written = await page.evaluate(() => performance.getEntriesByName('vaardig:level-durable').length);
  await picker.getByRole('button', { name: level }).click();
  await page.waitForFunction((n) => performance.getEntriesByName('vaardig:level-durable').length > n, written);
}

export async function claimOwnSkill(page: Page, who: { name: string; pin: string }, skill: string, level: string, note: string) {
  await signInAs(page, who.name, who.pin, { firstTime: true });
  await openScreen(page, 'Mijn vaardigheden');
  await page.getByRole('heading', { name: `Wat kan ${who.name}?` }).waitFor();
  await page.getByRole('button', { name: `Ik kan dit: ${skill}` }).click();
  const picker = page.getByRole('dialog', { name: 'Hoe goed kan jij dit?' });
  await picker.getByLabel('Wat heb je gedaan? (mag leeg)').fill(note);
  await chooseLevel(page, level, picker);
}

/**
 * A device connected to a company that has not let it in: waits until it shows its code and
 * has asked to take part, and returns the code as shown (`K7Q2-M9XA`).
 */
export async function enrolmentCodeOf(page: Page): Promise<string> {
  await page.getByRole('heading', { name: 'Dit apparaat doet nog niet mee' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Wacht op de teamleider.' }).waitFor();
  return page.getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/).innerText();
}

/**
 * The lead signed in on `page` lets in the device that shows `code`, in Instellingen → Apparaten,
 * once the request has come in through the server; the lead may choose their own PIN there (`pinForMe`).
 */
export async function letDeviceIn(page: Page, code: string, name: string, options: { pinForMe?: boolean } = {}) {
  await openScreen(page, 'Instellingen');
  const devices = page.getByRole('region', { name: 'Apparaten', exact: true });
  // The list never shows a waiting device's code (the lead reads it off the device): wait until
  // its request has come in through the server, in this device's store.
  await expect
    .poll(async () => ((await readStore(page, 'devices')) as { requestKey?: string }[]).some((d) => d.requestKey && enrolmentCode(d.requestKey) === readCode(code)), { timeout: 60_000 })
    .toBe(true);
  await devices.getByRole('listitem').filter({ hasText: 'Vraagt om mee te doen sinds' }).first().waitFor();
  await devices.getByLabel('Code van het nieuwe apparaat').fill(code);
  await devices.getByLabel('Naam van het apparaat').fill(name);
  await devices.getByRole('checkbox', { name: /kies daar zelf als eerste mijn pincode/ }).setChecked(options.pinForMe ?? true);
  await devices.getByRole('button', { name: 'Toelaten' }).click();
  await devices.getByRole('listitem').filter({ hasText: name }).filter({ hasText: 'Doet mee sinds' }).waitFor();
}
