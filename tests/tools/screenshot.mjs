// Takes the README screenshots from a running build: the demo matrix, the wall on a TV and on a
// tablet, a worker's phone, and a step card of a work instruction on a phone.
// Run: npm run build && npx vite preview --port 4173 & node tests/tools/screenshot.mjs http://localhost:4173/ [file names…]
// (only the named screenshots, e.g. step-card.png; all of them without names)
import { chromium } from 'playwright-core';

const url = process.argv[2] ?? 'http://localhost:4173/';
const only = process.argv.slice(3);
const want = (name) => only.length === 0 || only.includes(name);
const out = (name) => new URL(`../../public/screenshots/${name}`, import.meta.url).pathname;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** A fresh profile at this size; `wall` stores wall mode as a lead would leave it. */
async function open(viewport, wall = false) {
  const page = await (await browser.newContext({ viewport, locale: 'nl-NL', serviceWorkers: 'block' })).newPage();
  await page.goto(url);
  if (wall) {
    await page.evaluate(() => localStorage.setItem('vaardig-ui', JSON.stringify({ state: { language: 'nl', wallMode: true }, version: 0 })));
    await page.reload();
    await page.locator('.week-counts').waitFor();
  }
  return page;
}

/** Fonts loaded and two frames painted: the picture shows the settled page. */
const settle = (page) => page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));

if (want('matrix.png')) {
  const matrix = await open({ width: 1280, height: 860 });
  await matrix.getByRole('gridcell').first().waitFor();
  await settle(matrix);
  await matrix.screenshot({ path: out('matrix.png') });
}

for (const [name, viewport] of [
  ['wall-tv.png', { width: 1920, height: 1080 }],
  ['wall-tablet.png', { width: 1280, height: 800 }],
].filter(([name]) => want(name))) {
  const wall = await open(viewport, true);
  await wall.locator('.wall-cell .mark').first().waitFor();
  await settle(wall);
  await wall.screenshot({ path: out(name) });
}

/** Emma signs in on a phone (choosing her PIN). */
async function emmaOnPhone() {
  const phone = await open({ width: 390, height: 844 });
  await phone.getByRole('banner').getByRole('button', { name: 'Aanmelden' }).click();
  await phone.getByRole('dialog').getByRole('button', { name: 'Emma de Boer', exact: true }).click();
  await phone.getByRole('dialog').getByText('Kies een pincode').first().waitFor();
  for (let i = 0; i < 2; i++) {
    await phone.keyboard.type('2468');
    await phone.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    if (i === 0) await phone.getByRole('dialog').getByText('Tik dezelfde pincode nog een keer').waitFor();
  }
  await phone.getByRole('heading', { name: 'Wat kan Emma de Boer?' }).waitFor();
  return phone;
}

if (want('phone.png')) {
  const phone = await emmaOnPhone();
  await settle(phone);
  await phone.screenshot({ path: out('phone.png') });
}

if (want('step-card.png')) {
  const phone = await emmaOnPhone();
  // The demo's instructions are written just after the first paint.
  await phone.getByRole('button', { name: 'Stappen bekijken: Afkorten' }).click({ timeout: 30_000 });
  const card = phone.getByRole('dialog', { name: 'Afkorten: stap voor stap' }).getByRole('listitem').nth(1);
  await card.getByRole('img').waitFor();
  await settle(phone);
  await card.screenshot({ path: out('step-card.png') });
}
await browser.close();
