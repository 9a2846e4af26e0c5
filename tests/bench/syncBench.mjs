// Sync at factory scale: how long a tablet takes to push a whole company to the server, and
// how long a second tablet takes to join it (issue 19). Starts its own CouchDB-compatible server
// (tests/couch/server.mjs, express-pouchdb in memory) with the company database set up as
// `npm run couch:setup` does: a server admin, the rules (`_design/vaardig`, validate_doc_update)
// and one device user per tablet, named after the tablet's number as the settings show it.
//
//   node tests/bench/syncBench.mjs --workers 500 --skills 400 [--dist DIR] [--runs N] [--profile DIR]
//
// Without --dist the app is built into a temporary directory first. --profile DIR writes a
// Chrome CPU profile of each tablet (push, join) there and prints the functions that cost most.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SERVER_SCRIPT = join(root, 'tests/couch/server.mjs');
const DB = 'bench-sync';
const ADMIN = { user: 'beheer', password: 'geheim' };
const LEAD = { name: 'Jan de Vries', pin: '1234' };
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** How long one phase may take before the bench gives up (2,000 × 1,000 included). */
const PHASE_TIMEOUT_MS = 20 * 60_000;

/** The in-memory CouchDB-compatible server in a child process on 127.0.0.1; it dies with this process. */
async function startServer() {
  const proc = spawn(process.execPath, ['--max-old-space-size=4096', SERVER_SCRIPT, '--exit-with-stdin'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const onData = (d) => {
      out += d.toString();
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) resolve(m[1]);
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`the CouchDB test server exited (${code}): ${out}`)));
  });
  return {
    url,
    pid: proc.pid,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

/** CPU time the server process has used so far, in ms (Linux /proc; null elsewhere): is the server the bottleneck? */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

async function couch(url, path, init = {}, auth = `${ADMIN.user}:${ADMIN.password}`) {
  const res = await fetch(`${url}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: `Basic ${Buffer.from(auth).toString('base64')}` } : {}) },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** The company database as `npm run couch:setup` leaves it (the app's own setup code, through Vite's module runner). */
async function setUpDatabase(url) {
  await couch(url, `/_config/admins/${ADMIN.user}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) }, null);
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport(join(root, 'src/server/couchSetup.ts'), { root, configFile: false, logLevel: 'error' });
  await module.setupCouch({ url, db: DB, ...ADMIN });
}

/** A CouchDB user for a device, named after its number (what the server's rules check every event's `device` against). */
async function deviceUser(url, deviceId) {
  const password = `pw-${deviceId}`;
  await couch(url, `/_users/org.couchdb.user:${deviceId}`, { method: 'PUT', body: JSON.stringify({ name: deviceId, password, roles: ['vaardig-device'], type: 'user' }) });
  return password;
}

/** Opens Instellingen as a person does (as tests/e2e/chromium.ts openScreen): the bar may re-measure meanwhile, then look again. */
async function openSettings(page) {
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  const direct = nav.getByRole('button', { name: /^Instellingen\b/ }).first();
  for (let attempt = 0; ; attempt++) {
    try {
      if (await direct.isVisible()) return await direct.click({ timeout: 5000 });
      await nav.getByRole('button', { name: 'Meer' }).click({ timeout: 5000 });
      return await nav
        .getByRole('button', { name: /^Instellingen\b/ })
        .first()
        .click({ timeout: 5000 });
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
}

/** The factory's lead signs in on the kiosk (again: a minute without a tap signs them out). */
async function signInLead(page) {
  await page.getByRole('banner').getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('dialog').getByRole('button', { name: LEAD.name, exact: true }).click();
  await page.getByRole('dialog').getByText('Tik je pincode').waitFor();
  await page.keyboard.type(LEAD.pin);
  await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
  await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).waitFor();
}

/** The device's number as the settings show it to whoever sets up the server. */
async function deviceIdOf(page) {
  const text = await page.getByText(/^Nummer van dit apparaat/).innerText();
  return text.split(':').pop().trim();
}

/** Fills in the connect form (settings or the waiting screen) and taps Koppelen; returns when it was tapped. */
async function fillConnect(page, url, user, password, { joining = false } = {}) {
  await page.getByLabel('Adres van de server').fill(url);
  await page.getByLabel('Database van het bedrijf').fill(DB);
  await page.getByLabel('Gebruikersnaam').fill(user);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  const t0 = await page.evaluate(() => performance.timeOrigin + performance.now());
  await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
  if (joining) await page.getByRole('dialog', { name: 'Gegevens meenemen naar de server?' }).getByRole('button', { name: 'Koppelen' }).click();
  return t0;
}

/** Counts in the page's IndexedDB (one connection, opened once per call). */
const countStores = (page, stores) =>
  page.evaluate(
    (names) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('vaardig');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(names, 'readonly');
          const out = {};
          for (const n of names) {
            const r = tx.objectStore(n).count();
            r.onsuccess = () => (out[n] = r.result);
          }
          tx.oncomplete = () => {
            open.result.close();
            resolve(out);
          };
        };
      }),
    stores,
  );

/** Waits until the rows of a store pass `test` (read from IndexedDB itself). */
async function waitForStore(page, store, test, timeout = PHASE_TIMEOUT_MS) {
  const end = Date.now() + timeout;
  for (;;) {
    const rows = await page.evaluate(
      (name) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('vaardig');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction(name, 'readonly').objectStore(name).getAll();
            req.onsuccess = () => {
              open.result.close();
              resolve(req.result);
            };
          };
        }),
      store,
    );
    if (test(rows)) return rows;
    if (Date.now() > end) throw new Error(`timed out waiting for ${store}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits in the page, event loop turn by turn (no fixed sleep in the measured path), until `test(counts)` holds; returns the wall time it held. */
async function waitForCounts(page, stores, test, timeout = PHASE_TIMEOUT_MS) {
  const end = Date.now() + timeout;
  for (;;) {
    const counts = await countStores(page, stores);
    if (test(counts)) return { at: Date.now(), counts };
    if (Date.now() > end) throw new Error(`timed out waiting; last counts ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Logs what a tablet's sync status says every few seconds (to see a stall). */
function watchStatus(page, name, log) {
  let on = true;
  void (async () => {
    while (on) {
      await new Promise((r) => setTimeout(r, 5000));
      const text = await page
        .getByTestId('sync-status')
        .innerText({ timeout: 1000 })
        .catch(() => '(no status)');
      if (on) log(`  ${name}: ${text.split('\n').slice(0, 3).join(' | ')}`);
    }
  })();
  return { stop: () => (on = false) };
}

/** Polls the server's document count until it holds `expected`; returns the wall time it did. */
async function waitForServer(url, expected, log, timeout = PHASE_TIMEOUT_MS) {
  const end = Date.now() + timeout;
  let last = -1;
  for (;;) {
    const { doc_count: docs } = await couch(url, `/${DB}`);
    if (docs >= expected) return Date.now();
    if (Date.now() > end) throw new Error(`timed out: the server holds ${docs} of ${expected} documents`);
    if (Math.floor(docs / 5000) !== Math.floor(last / 5000)) log(`  the server holds ${docs} of ${expected}`);
    last = docs;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return async (file, log) => {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    log(`profile ${file}:\n${summarise(profile)}`);
  };
}

/** The functions with the most self time, and the share of idle time. */
function summarise(profile, top = 25) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
  let total = 0;
  for (const [id, us] of counts) {
    const n = byId.get(id);
    const cf = n.callFrame;
    const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + us);
    total += us;
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
}

/**
 * Push: tablet A (the synthetic factory, its lead signed in) connects; timed from tapping
 * Koppelen until the server holds every event and person's key of it (`upToDateMs`: until A
 * says it is up to date, having pulled its own events back).
 * Join: a fresh tablet B connects; timed from tapping Koppelen until B holds every event of the
 * company, each screened, verified and judged (`joinMs`). Meanwhile the lead on A lets B in by
 * its code, as a person would (`letInMs`), and B's matrix is on screen after `matrixMs`.
 * `pushServerCpuMs`/`joinServerCpuMs`: CPU the test server spent meanwhile (is it the bottleneck?).
 */
export async function measureSync({ browser, appUrl, workers, skills, log = () => {}, profileDir = null }) {
  const server = await startServer();
  const contexts = [];
  try {
    await setUpDatabase(server.url);
    const newTablet = async (path) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL', serviceWorkers: 'block' });
      contexts.push(context);
      // At 2,000 × 1,000 a busy tablet can take a while to open a screen.
      context.setDefaultTimeout(180_000);
      const page = await context.newPage();
      page.on('pageerror', (e) => log(`page error: ${e.message}`));
      await page.goto(new URL(path, appUrl).href, { timeout: PHASE_TIMEOUT_MS });
      return page;
    };

    // Tablet A: the factory, its lead signed in.
    log(`loading the ${workers} × ${skills} factory into tablet A`);
    const a = await newTablet(`/?factory=${workers}x${skills}&seed=1`);
    await a.waitForFunction(() => performance.getEntriesByName('vaardig:matrix-ready').length > 0, null, { timeout: PHASE_TIMEOUT_MS });
    await signInLead(a);
    await openSettings(a);
    const aId = await deviceIdOf(a);
    const aPassword = await deviceUser(server.url, aId);
    // What the server will hold once A has pushed: its events (no private ones in a factory), its people's keys, the rules.
    const { events, personKeys } = await countStores(a, ['events', 'personKeys']);
    const expectedDocs = events + personKeys + 1;
    log(`tablet A holds ${events} events; pushing`);

    const stopA = profileDir ? await startProfile(a) : null;
    const serverBefore = cpuMs(server.pid);
    const pushStart = await fillConnect(a, server.url, aId, aPassword, { joining: true });
    // Read on the server: the tablet's own store is busy (it pulls its events back meanwhile).
    const watchA = watchStatus(a, 'A', log);
    const pushedAt = await waitForServer(server.url, expectedDocs, log);
    const pushMs = Math.round(pushedAt - pushStart);
    const pushServerCpuMs = serverBefore === null ? null : cpuMs(server.pid) - serverBefore;
    log(`push ${pushMs} ms; waiting for A to say it is up to date`);
    if (stopA) await stopA(join(profileDir, 'push.cpuprofile'), log);
    // Up to date: A has pulled everything the server holds (its own events back) and sent all.
    // Read from its store, not its screen: a minute without a tap signs the lead out of Instellingen.
    const { update_seq: serverSeq } = await couch(server.url, `/${DB}`);
    const stopAfter = profileDir ? await startProfile(a) : null;
    await waitForStore(a, 'meta', (rows) => Number.parseInt(rows.find((r) => r.key === 'syncSince')?.value ?? '0', 10) >= Number.parseInt(serverSeq, 10));
    await waitForCounts(a, ['outbox'], (c) => c.outbox === 0);
    if (stopAfter) await stopAfter(join(profileDir, 'after-push.cpuprofile'), log);
    const upToDateMs = Math.round(Date.now() - pushStart);
    watchA.stop();
    const info = await couch(server.url, `/${DB}`);
    const { events: aEvents } = await countStores(a, ['events']);
    log(`push ${pushMs} ms (A up to date after ${upToDateMs} ms); the server holds ${info.doc_count} documents`);

    // Tablet B: a fresh one, on the demo; its number gets a user on the server, then it connects.
    const b = await newTablet('/');
    await b
      .getByRole('grid')
      .or(b.getByRole('heading', { level: 1 }))
      .first()
      .waitFor();
    await openSettings(b);
    const bId = await deviceIdOf(b);
    const bPassword = await deviceUser(server.url, bId);
    const stopB = profileDir ? await startProfile(b) : null;
    const serverBeforeJoin = cpuMs(server.pid);
    const joinStart = await fillConnect(b, server.url, bId, bPassword);
    const watchB = watchStatus(b, 'B', log);
    // The lead lets B in by its code as soon as B shows it (and A has heard B's request).
    const code = await b.getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/).innerText({ timeout: PHASE_TIMEOUT_MS });
    const letIn = (async () => {
      // A hears B's request through the server; then the lead (signed in again if the kiosk
      // signed them out meanwhile: a minute without a tap) types the code.
      await waitForStore(a, 'devices', (rows) => rows.some((d) => d.requestKey && !d.key));
      await a.bringToFront();
      if (await a.getByRole('banner').getByRole('button', { name: 'Aanmelden' }).isVisible()) await signInLead(a);
      await openSettings(a);
      const devices = a.getByRole('region', { name: 'Apparaten', exact: true });
      await devices.getByLabel('Code van het nieuwe apparaat').fill(code);
      await devices.getByLabel('Naam van het apparaat').fill('Tablet B');
      await devices.getByRole('button', { name: 'Toelaten' }).click();
      await devices.getByRole('listitem').filter({ hasText: 'Tablet B' }).filter({ hasText: 'Doet mee sinds' }).waitFor();
      return Math.round(Date.now() - joinStart);
    })().catch(async (error) => {
      if (profileDir) await a.screenshot({ path: join(profileDir, 'let-in.png') });
      throw error;
    });
    // B holds all of A's events, its own request and the lead's letting it in; and shows the matrix.
    const [letInMs, admitted] = await Promise.all([letIn, waitForCounts(b, ['events', 'refused', 'held'], (c) => c.events + c.refused + c.held >= aEvents + 1)]);
    await b.bringToFront();
    await b.getByRole('grid').waitFor({ timeout: PHASE_TIMEOUT_MS });
    await b.getByRole('gridcell').first().waitFor({ timeout: PHASE_TIMEOUT_MS });
    const joinMs = Math.round(admitted.at - joinStart);
    const matrixMs = Math.round(Date.now() - joinStart);
    const joinServerCpuMs = serverBeforeJoin === null ? null : cpuMs(server.pid) - serverBeforeJoin;
    watchB.stop();
    if (stopB) await stopB(join(profileDir, 'join.cpuprofile'), log);
    log(`join ${joinMs} ms (let in after ${letInMs} ms, matrix on screen after ${matrixMs} ms); B: ${JSON.stringify(admitted.counts)}`);
    if (admitted.counts.refused || admitted.counts.held) throw new Error(`tablet B refused or held events: ${JSON.stringify(admitted.counts)}`);

    const perS = (n, ms) => Math.round((n / ms) * 1000);
    return {
      events,
      serverDocs: info.doc_count,
      pushMs,
      upToDateMs,
      joinMs,
      letInMs,
      matrixMs,
      pushServerCpuMs,
      joinServerCpuMs,
      pushDocsPerS: perS(events, pushMs),
      joinDocsPerS: perS(events, joinMs),
    };
  } finally {
    for (const c of contexts) await c.close().catch(() => {});
    await server.stop();
  }
}

async function main() {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const log = (line) => console.error(`[sync] ${line}`);
  const { build, preview } = await import('vite');
  let dist = arg('dist', null);
  if (!dist) {
    dist = join(root, 'node_modules/.cache/sync-bench-dist');
    log(`building the app into ${dist}`);
    await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  }
  const server = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, build: { outDir: dist }, logLevel: 'warn' });
  const profileDir = arg('profile', null);
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: FLAGS });
  try {
    const runs = Number(arg('runs', 1));
    for (let i = 0; i < runs; i++) {
      const result = await measureSync({ browser, appUrl: server.resolvedUrls.local[0], workers: Number(arg('workers', 500)), skills: Number(arg('skills', 400)), log, profileDir });
      console.log(JSON.stringify(result));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
