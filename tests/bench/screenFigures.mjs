// What a person sees, measured in one browser for Vaardig or a peer: the filled screen after
// opening (at normal speed and with the CPU slowed down as on a cheap tablet), scrolling and a
// fling, a tap until the new mark is painted (and, for Vaardig, until it is written), the DOM
// and the tab's JS heap. Used by run.mjs; every figure is a plain number or a small object.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const pct = (xs, p) => {
  const s = [...xs].filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null;
};
export const round = (x) => (x == null ? null : Math.round(x * 10) / 10);
const median = (xs) => round(pct(xs, 50));

/** The app and the peers set this mark once every visible row and coverage cell is filled. */
export const READY = 'vaardig:matrix-ready';

/** Waits for the n-th ready mark and returns its time (ms since the page's navigation). */
export const waitReady = (page, n = 1, timeout = 600_000) =>
  page
    .waitForFunction(([name, k]) => performance.getEntriesByName(name).length >= k, [READY, n], { timeout })
    .then(() => page.evaluate(([name, k]) => performance.getEntriesByName(name)[k - 1].startTime, [READY, n]));

export function gzipKB(distDir, urls) {
  const files = new Map();
  const walk = (d) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : files.set(e.name, join(d, e.name))));
  walk(distDir);
  let total = 0;
  for (const u of urls) {
    const f = files.get(new URL(u).pathname.split('/').pop());
    if (f) total += gzipSync(readFileSync(f)).length;
  }
  return round(total / 1024);
}

/** Opens the address `runs` times with the CPU slowed `rate`× and times navigation → filled screen. */
async function openings(page, cdp, url, runs, rate) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const filled = [];
  const firstPaint = [];
  let scripts = [];
  try {
    for (let i = 0; i < runs; i++) {
      await page.goto(url, { timeout: 600_000 });
      const ready = await waitReady(page);
      filled.push(ready);
      firstPaint.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null));
      if (i === 0)
        scripts = await page.evaluate(
          (t) =>
            performance
              .getEntriesByType('resource')
              .filter((e) => e.name.endsWith('.js') && e.startTime < t)
              .map((e) => e.name),
          ready,
        );
    }
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
  return { filled, firstPaint, scripts };
}

/**
 * Scrolls the grid in the page: `sweep` drags down through every row and then across every
 * column at `step` px a frame; `fling` goes corner to corner in `frames` frames. Counts long
 * tasks (≥ 50 ms) and frames over 20 ms.
 */
export const scroll = (page, { mode, step = 40, frames: flingFrames = 60, scrollY, scrollX = scrollY }) =>
  page.evaluate(
    async ([mode, step, flingFrames, ySel, xSel]) => {
      const ey = document.querySelector(ySel);
      const ex = document.querySelector(xSel);
      ey.scrollTo(0, 0);
      ex.scrollTo(0, 0);
      // Settle after the jump home, on frames rather than on a clock.
      for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r));
      let longTasks = 0;
      const obs = new PerformanceObserver((l) => (longTasks += l.getEntries().length));
      obs.observe({ type: 'longtask', buffered: false });
      const frames = [];
      const maxY = ey.scrollHeight - ey.clientHeight;
      const maxX = ex.scrollWidth - ex.clientWidth;
      const moves =
        mode === 'fling'
          ? Array.from({ length: flingFrames }, () => [maxX / flingFrames, maxY / flingFrames])
          : [...Array.from({ length: Math.ceil(maxY / step) }, () => [0, step]), ...Array.from({ length: Math.ceil(maxX / step) }, () => [step, 0])];
      await new Promise((resolve) => {
        let i = 0;
        let last = null;
        const frame = (t) => {
          if (last !== null) frames.push(t - last);
          last = t;
          const [dx, dy] = moves[i];
          if (dy) ey.scrollBy(0, dy);
          if (dx) ex.scrollBy(dx, 0);
          if (++i < moves.length) requestAnimationFrame(frame);
          else resolve();
        };
        requestAnimationFrame(frame);
      });
      // The last frames' work lands as tasks after the loop: wait for ten more frames.
      for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r));
      obs.disconnect();
      // What is on screen at the far corner: the scroll really reached the last rows and columns.
      const cellsInView = ey.querySelectorAll('[role="gridcell"]').length;
      ey.scrollTo(0, 0);
      ex.scrollTo(0, 0);
      return { longTasks, framesOver20ms: frames.filter((f) => f > 20).length, frames: frames.length, worstFrameMs: Math.round(Math.max(0, ...frames)), cellsInView };
    },
    [mode, step, flingFrames, scrollY, scrollX],
  );

/**
 * In the page: clicks `button`, then times until `changed()` holds in an animation frame and
 * that frame has been painted (a message posted from the frame arrives after its paint).
 */
const TAP_TO_PAINT = ([button, probe, prev]) =>
  new Promise((resolve) => {
    const shown = () => {
      const el = document.querySelector(probe.selector);
      const now = el && (probe.attribute ? el.getAttribute(probe.attribute) : el.textContent);
      return now != null && now !== prev && !(probe.noDialog && document.querySelector('dialog[open]'));
    };
    const t0 = performance.now();
    const check = () => {
      if (shown()) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - t0);
        channel.port2.postMessage(null);
      } else if (performance.now() - t0 > 30_000) resolve(null);
      else requestAnimationFrame(check);
    };
    button.click();
    requestAnimationFrame(check);
  });

async function signInLead(page) {
  await page.getByRole('banner').getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Jan de Vries', exact: true }).click();
  // The pad takes keys once it asks for the PIN.
  await page.getByRole('dialog').getByText('Tik je pincode').waitFor();
  await page.keyboard.type('1234');
  await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
  await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).waitFor();
  // Signed in from the overview, a worker lands on their own skills: back to the matrix.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Matrix' }).click();
  await page.getByRole('gridcell').first().waitFor();
}

const LABELS = ['leert het', 'kan het met hulp', 'kan het zelfstandig', 'kan het anderen leren'];

/** Vaardig: cell → picker → a level; paint of the new mark, and the durable write, apart. */
async function vaardigTaps(page, taps) {
  await signInLead(page);
  const paint = [];
  const durable = [];
  for (let i = 0; i < taps; i++) {
    const row = i % 6;
    const col = Math.floor(i / 6) % 8;
    const selector = `[data-row="${row}"][data-col="${col}"]`;
    const cell = page.locator(selector);
    await cell.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const before = await cell.getAttribute('aria-label');
    // Always a different level than the cell has, so the tap changes what is shown.
    const label = LABELS.filter((l) => !before.includes(`: ${l} (`))[i % 3];
    const choice = dialog.getByRole('button', { name: label, exact: true });
    await choice.waitFor();
    // A waiting claim answered with another level needs a reason.
    if (await dialog.locator('#level-note').count()) await dialog.locator('#level-note').fill('bench');
    const written = await page.evaluate(() => performance.getEntriesByName('vaardig:level-durable').length);
    paint.push(await page.evaluate(TAP_TO_PAINT, [await choice.elementHandle(), { selector, attribute: 'aria-label', noDialog: true }, before]));
    await page.waitForFunction((n) => performance.getEntriesByName('vaardig:level-durable').length > n, written);
    durable.push(
      await page.evaluate(() => {
        const tap = performance.getEntriesByName('vaardig:level-tap').at(-1);
        const done = performance.getEntriesByName('vaardig:level-durable').at(-1);
        return done.startTime - tap.startTime;
      }),
    );
    if (await dialog.isVisible()) await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }
  return { paint, durable };
}

/** A peer: its cells are buttons marked with row and column (tests/bench/peer.tsx). */
async function peerTaps(page, taps) {
  const paint = [];
  for (let i = 0; i < taps; i++) {
    const selector = `button[data-row="${1 + (i % 6)}"][data-col="${i % 8}"]`;
    await page.locator(selector).waitFor();
    const handle = await page.locator(selector).elementHandle();
    const before = await handle.textContent();
    paint.push(await page.evaluate(TAP_TO_PAINT, [handle, { selector }, before]));
  }
  return { paint, durable: [] };
}

/** `n` scrolls of one kind: the median long tasks and slow frames, and every run's pair. */
async function scrolls(page, n, options) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await scroll(page, options));
  const middle = (key) =>
    pct(
      runs.map((r) => r[key]),
      50,
    );
  return { longTasks: middle('longTasks'), framesOver20ms: middle('framesOver20ms'), frames: runs[0].frames, runs: runs.map((r) => [r.longTasks, r.framesOver20ms]) };
}

async function heapMB(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return round(usedSize / 2 ** 20);
}

/**
 * Every screen figure for one contender. `openUrl`: the address a person opens (for the app:
 * the plain address, the data already in IndexedDB; for the in-memory peer: with its factory).
 * `prepareUrl`: opened once first, to load the data.
 */
export async function measureScreen(browser, { name, prepareUrl, openUrl, dist, isApp, runs, taps, slowdown, scrollY, scrollX, log }) {
  const result = {};
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  try {
    if (prepareUrl) {
      log(name, 'loading the factory for the screen figures');
      await page.goto(prepareUrl, { timeout: 600_000 });
      await waitReady(page);
    }
    const normal = await openings(page, cdp, openUrl, runs, 1);
    const slow = await openings(page, cdp, openUrl, Math.max(1, Math.min(3, runs)), slowdown);
    result.filledMs = median(normal.filled);
    result.firstPaintMs = median(normal.firstPaint);
    result.filledMsSlow = median(slow.filled);
    result.firstPaintMsSlow = median(slow.firstPaint);
    result.filledRuns = { normal: normal.filled.map(Math.round), slow: slow.filled.map(Math.round) };
    log(name, 'filled screen', JSON.stringify(result.filledRuns));
    result.initialJsGzipKB = gzipKB(dist, normal.scripts);
    log(name, 'scripts before the filled screen', normal.scripts.map((u) => new URL(u).pathname).join(' '));
    const made = await page.evaluate(() => performance.getEntriesByName('peer:data')[0]?.duration ?? null);
    if (made != null) result.dataInMemoryMs = round(made);
    result.domNodes = await page.evaluate(() => document.querySelectorAll('*').length);
    result.heapMB = await heapMB(cdp);
    log(name, 'heap', result.heapMB, 'MB');
    // Mount: leave the matrix and come back, with the data loaded (the app has other screens).
    if (isApp) {
      const mounts = [];
      for (let i = 0; i < runs; i++) {
        await page.getByRole('button', { name: 'Instellingen' }).click();
        await page.getByRole('heading', { name: 'Instellingen' }).waitFor();
        const n = await page.evaluate((name) => performance.getEntriesByName(name).length, READY);
        const t0 = await page.evaluate(() => performance.now());
        await page.getByRole('button', { name: 'Matrix' }).click();
        mounts.push((await waitReady(page, n + 1)) - t0);
      }
      result.mountMs = { median: median(mounts), p95: round(pct(mounts, 95)) };
      log(name, 'mount', mounts.map(Math.round));
    }
    result.scroll = await scrolls(page, Math.min(3, runs), { mode: 'sweep', scrollY, scrollX });
    log(name, 'scroll', JSON.stringify(result.scroll));
    result.fling = await scrolls(page, Math.min(3, runs), { mode: 'fling', scrollY, scrollX });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    try {
      result.flingSlow = await scroll(page, { mode: 'fling', scrollY, scrollX });
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    log(name, 'fling', JSON.stringify(result.fling), `at ${slowdown}×`, JSON.stringify(result.flingSlow));
    const tapped = isApp ? await vaardigTaps(page, taps) : await peerTaps(page, taps);
    result.tapsWithoutChange = tapped.paint.filter((x) => x === null).length;
    result.tapToPaintMs = { p50: round(pct(tapped.paint, 50)), p95: round(pct(tapped.paint, 95)) };
    if (isApp) result.tapToDurableMs = { p50: round(pct(tapped.durable, 50)), p95: round(pct(tapped.durable, 95)) };
    log(
      name,
      'taps: paint',
      tapped.paint.map((x) => (x === null ? 'no change' : Math.round(x))),
      'durable',
      tapped.durable.map(Math.round),
    );
  } finally {
    await ctx.close();
  }
  return result;
}

/** The dense factory (every cell filled) written into an empty database, chunked; median of two. */
export async function measureLoad(browser, { name, url, workers, skills, log }) {
  const loads = [];
  for (let i = 0; i < 2; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`${url}?factory=${workers}x${skills}&seed=1&dense=1`, { timeout: 600_000 });
    await waitReady(page);
    loads.push(await page.evaluate(() => performance.getEntriesByName('vaardig:factory-load')[0].duration));
    await ctx.close();
  }
  log(name, 'load', loads.map(Math.round));
  return median(loads);
}
