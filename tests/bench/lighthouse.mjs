// Lighthouse's default mobile profile (CPU 4× slower, slow 4G, a phone's screen) on a FIRST
// visit: a fresh browser profile and empty storage, so the demo workshop is written.
// `measureLighthouse` is called by the bench (run.mjs); alone:
//   node tests/bench/lighthouse.mjs [--dist DIR] [--runs N] [--json FILE]
// builds the app into DIR (unless --prebuilt), serves it, and prints the figures of N runs.
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A port nobody listens on now, for Chromium's remote debugging (Lighthouse drives it there). */
const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/**
 * One Lighthouse run (default config: mobile, simulated throttling) against `url` in a newly
 * launched Chromium: playwright gives it a fresh profile, and Lighthouse clears the origin's
 * storage before loading, so this is always a first visit.
 * @returns {Promise<{performance:number, cls:number, tbtMs:number, fcpMs:number, lcpMs:number, siMs:number, ttiMs:number, lhr:object}>}
 */
export async function measureLighthouse({ url, chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium', flags = FLAGS, log = () => {} }) {
  const port = await freePort();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...flags, `--remote-debugging-port=${port}`] });
  try {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const num = (id) => lhr.audits[id]?.numericValue ?? null;
    const figures = {
      performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
      cls: Math.round(num('cumulative-layout-shift') * 1000) / 1000,
      tbtMs: Math.round(num('total-blocking-time')),
      fcpMs: Math.round(num('first-contentful-paint')),
      lcpMs: Math.round(num('largest-contentful-paint')),
      siMs: Math.round(num('speed-index')),
      ttiMs: Math.round(num('interactive')),
    };
    log('lighthouse', JSON.stringify(figures));
    // The whole report, for finding where the time goes (not part of the figures).
    Object.defineProperty(figures, 'lhr', { value: lhr, enumerable: false });
    return figures;
  } finally {
    await browser.close();
  }
}

/** What the diagnostics say, in a few lines: where the main thread's time goes and what shifts. */
function diagnostics(lhr) {
  const lines = [];
  const items = (id) => lhr.audits[id]?.details?.items ?? [];
  lines.push(
    'main-thread work: ' +
      items('mainthread-work-breakdown')
        .map((i) => `${i.groupLabel} ${Math.round(i.duration)}`)
        .join(', '),
  );
  lines.push(
    'bootup: ' +
      items('bootup-time')
        .slice(0, 6)
        .map((i) => `${i.url.split('/').pop()} ${Math.round(i.total)} (script ${Math.round(i.scripting)})`)
        .join(', '),
  );
  lines.push(
    'long tasks: ' +
      items('long-tasks')
        .slice(0, 10)
        .map((i) => `${String(i.url).split('/').pop()}@${Math.round(i.startTime)}+${Math.round(i.duration)}`)
        .join(', '),
  );
  const shifts = items('layout-shifts');
  lines.push('layout shifts: ' + shifts.map((i) => `${i.node?.snippet ?? i.node?.nodeLabel ?? '?'} ${Math.round((i.score ?? 0) * 1000) / 1000}`).join(' | '));
  return lines.join('\n');
}

async function cli() {
  const { build, preview } = await import('vite');
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const dist = arg('dist', '/tmp/vaardig-lighthouse/dist');
  const runs = Number(arg('runs', 3));
  const log = (...a) => console.error('[lighthouse]', ...a);
  if (!process.argv.includes('--prebuilt')) {
    log('building into', dist);
    await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  }
  const server = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, build: { outDir: dist }, logLevel: 'warn' });
  const url = server.resolvedUrls.local[0];
  const all = [];
  try {
    for (let i = 0; i < runs; i++) {
      const r = await measureLighthouse({ url, log });
      all.push(r);
      if (process.argv.includes('--verbose')) log(diagnostics(r.lhr));
      if (i === 0 && arg('json')) writeFileSync(arg('json'), JSON.stringify(r.lhr));
    }
  } finally {
    await server.close();
  }
  const keys = Object.keys(all[0]);
  console.log(['run'.padEnd(8), ...keys.map((k) => k.padEnd(12))].join(''));
  all.forEach((r, i) => console.log([String(i + 1).padEnd(8), ...keys.map((k) => String(r[k]).padEnd(12))].join('')));
  const median = (k) => [...all.map((r) => r[k])].sort((a, b) => a - b)[Math.floor(all.length / 2)];
  console.log(['median'.padEnd(8), ...keys.map((k) => String(median(k)).padEnd(12))].join(''));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await cli();
