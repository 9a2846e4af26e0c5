// Takes the README screenshot of the demo matrix from a running build.
// Run: npm run build && npx vite preview --port 4173 & node tests/tools/screenshot.mjs http://localhost:4173/
import { chromium } from 'playwright-core';

const url = process.argv[2] ?? 'http://localhost:4173/';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 }, serviceWorkers: 'block' })).newPage();
await page.goto(url);
await page.getByRole('gridcell').first().waitFor();
// Fonts loaded and two frames painted: the picture shows the settled page.
await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
await page.screenshot({ path: new URL('../../public/screenshots/matrix.png', import.meta.url).pathname });
await browser.close();
