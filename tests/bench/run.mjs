// npm run bench — what a person sees of Vaardig at factory scale, beside a plain TanStack table
// and AG Grid (its data in memory), in one run; then sync, Lighthouse and scale figures.
// Builds the app and the peers, serves them, drives them in headless Chromium, prints a table
// and writes bench-results.json (or --out FILE). Options: --workers N --skills N --runs N
// --taps N --slowdown N --lighthouse-runs N --sizes 50x40,500x400 --out FILE --prebuilt --skip-peers --skip-sync
// --skip-lighthouse --skip-scale.
import react from '@vitejs/plugin-react';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { measureLoad, measureScreen } from './screenFigures.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const W = Number(arg('workers', 500));
const S = Number(arg('skills', 400));
const RUNS = Number(arg('runs', 5));
const TAPS = Number(arg('taps', 30));
const SLOWDOWN = Number(arg('slowdown', 4));
const LIGHTHOUSE_RUNS = Number(arg('lighthouse-runs', 3));
const SIZES = arg('sizes', '50x40,500x400,2000x1000')
  .split(',')
  .map((x) => x.split('x').map(Number));
// For working on Vaardig's own figures; a run that writes the results measures the peers too.
const SKIP_PEERS = process.argv.includes('--skip-peers');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const OUT = arg('out', join(root, 'bench-results.json'));
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const log = (...a) => console.error('[bench]', ...a);

async function serve(dir, config) {
  const server = await preview({ ...config, preview: { port: 0, host: '127.0.0.1' }, build: { outDir: dir }, logLevel: 'warn' });
  return { url: server.resolvedUrls.local[0], close: () => server.close() };
}

/** The issue's targets (issue 19), at 500 × 400 on this machine, in one run. */
const TARGETS = {
  filledMs: (r) => r.filledMs <= 400,
  filledMsSlow: (r) => r.filledMsSlow <= 1500,
  filledVsAgGrid: (r, all) => !all.agGrid || r.filledMs <= 0.5 * all.agGrid.filledMs,
  flingLongTasks: (r) => r.fling.longTasks <= 6,
  tapToPaintMs: (r) => r.tapToPaintMs.p95 <= 20,
  tapToDurableMs: (r) => r.tapToDurableMs.p95 <= 100,
  initialJsGzipKB: (r) => r.initialJsGzipKB <= 150,
  heapMB: (r) => r.heapMB <= 150,
  mountMs: (r) => r.mountMs.median <= 100,
  domNodes: (r) => r.domNodes <= 1500,
  load200kMs: (r) => r.load200kMs <= 5000,
  pushMs: (r, all) => !all.sync || all.sync.pushMs <= 10_000,
  joinMs: (r, all) => !all.sync || all.sync.joinMs <= 10_000,
  lighthouse: (r, all) => !all.lighthouse || (all.lighthouse.performance >= 90 && all.lighthouse.cls <= 0.1 && all.lighthouse.tbtMs <= 200),
};

/** How many times a peer's figure is Vaardig's (higher: Vaardig does better). */
function ratios(v, b) {
  const r = (x, y) => (x > 0 && y != null ? Math.round((y / x) * 100) / 100 : null);
  return {
    filledMs: r(v.filledMs, b.filledMs),
    filledMsSlow: r(v.filledMsSlow, b.filledMsSlow),
    flingLongTasks: r(Math.max(1, v.fling.longTasks), b.fling.longTasks),
    tapToPaintMsP95: r(v.tapToPaintMs.p95, b.tapToPaintMs.p95),
    domNodes: r(v.domNodes, b.domNodes),
    heapMB: r(v.heapMB, b.heapMB),
    initialJsGzipKB: r(v.initialJsGzipKB, b.initialJsGzipKB),
  };
}

/** The peers measured beside Vaardig, each a small page in tests/bench/<dir>. */
const PEERS = [
  // Through Vaardig's own data layer (one live query over all levels), every cell in the DOM.
  { key: 'baseline', label: 'TanStack plain', dir: 'baseline', inMemory: false, taps: 3, runs: 2 },
  // The fair peer: its data made in memory; AG Grid (36) scrolls both axes in one viewport.
  { key: 'agGrid', label: 'AG Grid', dir: 'aggrid', inMemory: true, scrollY: '.ag-grid-viewport' },
];

/** A figure module another file holds (sync, Lighthouse, scale), run unless skipped. */
async function optional(flag, file, fn) {
  if (process.argv.includes(`--skip-${flag}`)) return null;
  const mod = await import(new URL(file, import.meta.url));
  return fn(mod);
}

async function main() {
  const appDist = join(root, 'dist');
  log('building the app and the peers…');
  // --prebuilt: the app in dist/ is already built (the test suite builds it once for all).
  if (!process.argv.includes('--prebuilt')) await build({ root, logLevel: 'warn' });
  const peers = SKIP_PEERS ? [] : PEERS;
  for (const p of peers) {
    p.dist = join(root, `tests/bench/.dist-${p.dir}`);
    await build({ root: join(root, 'tests/bench', p.dir), configFile: false, plugins: [react()], logLevel: 'warn', build: { outDir: p.dist, emptyOutDir: true } });
  }
  const app = await serve(appDist, { root });
  for (const p of peers) p.server = await serve(p.dist, { root: join(root, 'tests/bench', p.dir), configFile: false });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const factory = `?factory=${W}x${S}&seed=1`;
  const common = { runs: RUNS, slowdown: SLOWDOWN, log };
  try {
    const results = { workers: W, skills: S, runs: RUNS, cpuSlowdown: SLOWDOWN, date: new Date().toISOString() };
    const vaardig = await measureScreen(browser, { ...common, name: 'vaardig', prepareUrl: app.url + factory, openUrl: app.url, dist: appDist, isApp: true, taps: TAPS, scrollY: '.matrix-scroll' });
    vaardig.load200kMs = await measureLoad(browser, { name: 'vaardig', url: app.url, workers: W, skills: S, log });
    vaardig.levelRecords = W * S;
    results.vaardig = vaardig;
    for (const p of peers) {
      const r = await measureScreen(browser, {
        ...common,
        // The plain table takes half a minute a screen: fewer runs and taps bound the run's time.
        runs: Math.min(RUNS, p.runs ?? RUNS),
        name: p.key,
        prepareUrl: p.inMemory ? null : p.server.url + factory,
        openUrl: p.inMemory ? p.server.url + factory : p.server.url,
        dist: p.dist,
        isApp: false,
        taps: Math.min(TAPS, p.taps ?? TAPS),
        scrollY: p.scrollY ?? '.matrix-scroll',
        scrollX: p.scrollX,
      });
      results[p.key] = r;
    }
    results.sync = await optional('sync', './syncBench.mjs', (m) => m.measureSync({ browser, appUrl: app.url, workers: W, skills: S, log }));
    results.lighthouse = await optional('lighthouse', './lighthouse.mjs', async (m) => {
      // Scores move from run to run: the median run by score, and every run's figures.
      const runs = [];
      for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await m.measureLighthouse({ url: app.url, chromiumPath: CHROMIUM, flags: FLAGS, log }));
      const sorted = [...runs].sort((a, b) => a.performance - b.performance);
      return { ...sorted[Math.floor((sorted.length - 1) / 2)], runs: runs.map((r) => ({ ...r })) };
    });
    results.scale = await optional('scale', './scaleBench.mjs', (m) => m.measureScale({ browser, appUrl: app.url, sizes: SIZES, log }));
    results.targetsMet = Object.fromEntries(Object.entries(TARGETS).map(([k, f]) => [k, f(vaardig, results)]));
    for (const p of peers) results[`${p.key}OverVaardig`] = ratios(vaardig, results[p.key]);
    const write = !SKIP_PEERS || process.argv.includes('--out');
    if (write) writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
    printTable(results, peers);
    console.log(write ? `written: ${OUT}` : 'not written (peers skipped; give --out to write anyway)');
  } finally {
    await browser.close();
    await app.close();
    for (const p of peers) await p.server.close();
  }
}

function printTable(results, peers) {
  const v = results.vaardig;
  const pair = (a, b) => `${a ?? '–'} / ${b ?? '–'}`;
  const rows = [
    ['open → filled screen (ms)', (r) => r.filledMs],
    [`  with the CPU ${SLOWDOWN}× slower (ms)`, (r) => r.filledMsSlow],
    ['  first paint (ms, normal / slow)', (r) => pair(r.firstPaintMs, r.firstPaintMsSlow)],
    ['JS before the filled screen (KB gzip)', (r) => r.initialJsGzipKB],
    ['JS heap (MB)', (r) => r.heapMB],
    ['DOM elements', (r) => r.domNodes],
    ['fling 60 frames: long tasks / > 20 ms', (r) => pair(r.fling.longTasks, r.fling.framesOver20ms)],
    [`  with the CPU ${SLOWDOWN}× slower`, (r) => pair(r.flingSlow.longTasks, r.flingSlow.framesOver20ms)],
    ['sweep: long tasks / frames > 20 ms', (r) => `${r.scroll.longTasks} / ${r.scroll.framesOver20ms} of ${r.scroll.frames}`],
    ['tap → mark painted (ms, p50 / p95)', (r) => pair(r.tapToPaintMs.p50, r.tapToPaintMs.p95)],
    ['tap → written (ms, p50 / p95)', (r) => (r.tapToDurableMs ? pair(r.tapToDurableMs.p50, r.tapToDurableMs.p95) : '–')],
    ['leave and come back (ms, median)', (r) => r.mountMs?.median ?? '–'],
    [`load ${W * S} level records (ms)`, (r) => r.load200kMs ?? '–'],
  ];
  console.log(`\nVaardig vs ${PEERS.map((p) => p.label).join(' and ')}, ${W} workers × ${S} skills\n`);
  console.log(['figure'.padEnd(40), 'vaardig'.padEnd(16), ...PEERS.map((p) => p.label.padEnd(16))].join(''));
  for (const [label, f] of rows) console.log([label.padEnd(40), String(f(v)).padEnd(16), ...PEERS.map((p) => (results[p.key] ? String(f(results[p.key])) : '(skipped)').padEnd(16))].join(''));
  for (const p of peers)
    console.log(
      `\n${p.label} ÷ vaardig: ${Object.entries(results[`${p.key}OverVaardig`])
        .map(([k, x]) => `${k} ${x}×`)
        .join(', ')}`,
    );
  if (results.sync) console.log(`\nsync at ${W} × ${S}: ${JSON.stringify(results.sync)}`);
  if (results.lighthouse) console.log(`Lighthouse (mobile, first visit): ${JSON.stringify(results.lighthouse)}`);
  if (results.scale) for (const s of results.scale) console.log(`scale ${s.workers} × ${s.skills}: ${JSON.stringify(s)}`);
  console.log(
    `\ntargets met: ${Object.entries(results.targetsMet)
      .map(([k, ok]) => `${k} ${ok ? 'yes' : 'NO'}`)
      .join(', ')}`,
  );
}

await main();
