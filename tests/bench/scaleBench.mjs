// How Vaardig's cost grows with the factory: for each size (workers × skills, the sparse
// synthetic factory of src/domain/factoryPlan.ts) in a fresh browser profile it measures the
// load into an empty database, a cold start with that data, the JS heap after it, what
// IndexedDB holds, and a straight scroll sweep. `run.mjs` calls `measureScale`; alone:
//   node tests/bench/scaleBench.mjs --sizes 50x40,500x400,2000x1000 [--dist DIR] [--prebuilt] [--runs N] [--dense] [--out FILE]
import { writeFileSync } from 'node:fs';
import { scroll, waitReady as waitReadyAt } from './screenFigures.mjs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCROLL_STEP = 40;
// A 2,000 × 1,000 load takes a while on a busy 2-core machine: budgets, not expectations.
const LOAD_TIMEOUT = 1_200_000;
const round = (x) => (x == null ? null : Math.round(x * 10) / 10);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};

const waitReady = (page, n = 1) => waitReadyAt(page, n, LOAD_TIMEOUT);

/** The number of events in the log (the app's own database, read with plain IndexedDB). */
const countEvents = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('vaardig');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const req = idb.transaction('events').objectStore('events').count();
          req.onsuccess = () => {
            resolve(req.result);
            idb.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );

/**
 * CPU seconds the browser's processes have used so far (CDP SystemInfo): on a machine shared
 * with other work the wall-clock figures swing 2×, the CPU a load costs hardly moves.
 */
async function browserCpuMs(browser) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    return processInfo.reduce((sum, p) => sum + p.cpuTime, 0) * 1000;
  } finally {
    await cdp.detach();
  }
}

/** The tab's JS heap in MB after a full garbage collection. */
async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    // Twice: the first collection can leave what only becomes garbage once finalisers ran.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize').value / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

/** Down through every row, then across every column, 40 px a frame: screenFigures' sweep. */
const sweep = (page) => scroll(page, { mode: 'sweep', step: SCROLL_STEP, scrollY: '.matrix-scroll' });

/**
 * @param {{ browser: import('playwright-core').Browser, appUrl: string, sizes: [number, number][], log?: (...a: unknown[]) => void, runs?: number, dense?: boolean }} options
 *   dense: every cell filled (the 200,000-record load figure at 500 × 400) instead of the sparse factory.
 * @returns {Promise<{ workers: number, skills: number, cells: number, events: number, loadMs: number, coldStartMs: number, heapMB: number, storageMB: number, scroll: object }[]>}
 */
export async function measureScale({ browser, appUrl, sizes, log = () => {}, runs = 1, dense = false }) {
  const results = [];
  for (const [workers, skills] of sizes) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await ctx.newPage();
      page.on('pageerror', (e) => log(`${workers}x${skills}`, 'page error', e.message));
      page.on('console', (m) => m.type() === 'error' && log(`${workers}x${skills}`, 'console', m.text()));
      const t0 = Date.now();
      const cpu0 = await browserCpuMs(browser);
      // The heap's high-water mark while loading, sampled twice a second (a tablet has less memory than this machine).
      const cdp = await ctx.newCDPSession(page);
      let peak = 0;
      const sampler = setInterval(() => {
        cdp
          .send('Runtime.getHeapUsage')
          .then(({ usedSize }) => (peak = Math.max(peak, usedSize)))
          .catch(() => {});
      }, 500);
      try {
        await page.goto(`${appUrl}?factory=${workers}x${skills}&seed=1${dense ? '&dense=1' : ''}`, { timeout: LOAD_TIMEOUT });
        await waitReady(page);
      } finally {
        clearInterval(sampler);
      }
      await cdp.detach().catch(() => {});
      // Up to the filled matrix, all the browser's processes (the page, its workers, IndexedDB's).
      const loadCpuMs = (await browserCpuMs(browser)) - cpu0;
      const loadMs = await page.evaluate(() => performance.getEntriesByName('vaardig:factory-load')[0]?.duration ?? null);
      if (loadMs == null) throw new Error(`${workers}x${skills}: the factory did not load (was the profile empty?)`);
      log(`${workers}x${skills}`, 'loaded in', Math.round(loadMs), 'ms', `(${Math.round((Date.now() - t0) / 1000)} s to the matrix)`);
      const events = await countEvents(page);
      // The heap right after loading, before the reload (information: what the load leaves behind).
      const heapAfterLoad = await heapMB(page);
      // Cold start: the plain address with the data in IndexedDB, to the filled matrix.
      const colds = [];
      for (let i = 0; i < Math.max(1, runs); i++) {
        await page.goto(appUrl, { timeout: LOAD_TIMEOUT });
        colds.push(await waitReady(page));
      }
      const heap = await heapMB(page);
      const storage = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
      const sweeps = [];
      for (let i = 0; i < Math.max(1, runs); i++) sweeps.push(await sweep(page));
      const pick = (key) => median(sweeps.map((s) => s[key]));
      const result = {
        workers,
        skills,
        cells: workers * skills,
        events,
        loadMs: round(loadMs),
        loadCpuMs: round(loadCpuMs),
        coldStartMs: round(median(colds)),
        heapMB: round(heap),
        heapAfterLoadMB: round(heapAfterLoad),
        heapPeakWhileLoadingMB: round(peak / 2 ** 20),
        storageMB: round(storage / 2 ** 20),
        scroll: {
          longTasks: pick('longTasks'),
          framesOver20ms: pick('framesOver20ms'),
          frames: sweeps[0].frames,
          worstFrameMs: pick('worstFrameMs'),
          pxPerFrame: SCROLL_STEP,
          cellsInView: sweeps[0].cellsInView,
        },
      };
      log(`${workers}x${skills}`, JSON.stringify(result));
      results.push(result);
    } finally {
      await ctx.close();
    }
  }
  return results;
}

async function main() {
  const { chromium } = await import('playwright-core');
  const { build, preview } = await import('vite');
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const sizes = arg('sizes', '50x40,500x400,2000x1000')
    .split(',')
    .map((s) => s.split('x').map(Number));
  const dist = arg('dist', join(root, 'dist'));
  const log = (...a) => console.error('[scale]', ...a);
  if (!process.argv.includes('--prebuilt')) {
    log('building into', dist);
    await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  }
  const server = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, build: { outDir: dist }, logLevel: 'warn' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const results = await measureScale({ browser, appUrl: server.resolvedUrls.local[0], sizes, log, runs: Number(arg('runs', 1)), dense: process.argv.includes('--dense') });
    const out = arg('out');
    if (out) writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
    console.log(['size', 'cells', 'events', 'load ms', 'load CPU ms', 'cold ms', 'heap MB', 'peak heap MB', 'IDB MB', 'scroll long tasks / frames>20ms of n'].join('\t'));
    for (const r of results)
      console.log(
        [
          `${r.workers}x${r.skills}`,
          r.cells,
          r.events,
          r.loadMs,
          r.loadCpuMs,
          r.coldStartMs,
          r.heapMB,
          r.heapPeakWhileLoadingMB,
          r.storageMB,
          `${r.scroll.longTasks} / ${r.scroll.framesOver20ms} of ${r.scroll.frames}`,
        ].join('\t'),
      );
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
