import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { chromium as pw } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { stableJson } from '../../src/domain/stableJson';
import { browserForFile, baseUrl, CHROMIUM_FLAGS, chromiumPath, openApp, openLeadScreen, readLevels, readStore, signInAs, type Page, openScreen, chooseLevel } from './chromium';

const env = browserForFile();

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

/** A big matrix as CSV: `workers` people in one team × `skills` skills, all filled. */
function bigCsv(workers: number, skills: number): Buffer {
  const levels = ['I', 'L', 'U', 'O'];
  const header = ['Naam', 'Team', ...Array.from({ length: skills }, (_, j) => `Groot ${j + 1}`)].join(';');
  const rows = Array.from({ length: workers }, (_, i) => [`Persoon ${i + 1}`, 'Grote ploeg', ...Array.from({ length: skills }, (_, j) => levels[(i + j) % 4])].join(';'));
  return Buffer.from([header, ...rows].join('\r\n'), 'utf8');
}

async function openData(page: Page) {
  await signInAs(page, 'Kees Veerman', '1234');
  await openLeadScreen(page, 'Gegevens');
  await page.getByRole('heading', { name: 'Matrix uit Excel inlezen' }).waitFor();
}

describe('bring your matrix in, take it out, print it', () => {
  it('imports a messy Excel sheet (merged headers, empty cells, notes, legend) with a preview', async () => {
    const { page, context } = await openApp(env.browser);
    await openData(page);
    await page.getByLabel('Bestand', { exact: true }).setInputFiles(fixture('veerman-matrix.xlsx'));
    await page.getByText('4 mensen en 5 vaardigheden gevonden.').waitFor();
    await page.getByText('Legenda: regel 11').waitFor();
    await page.getByText('Leeg: 2 regels (7, 10)').waitFor();
    expect(await page.getByLabel('Opmerkingen').inputValue()).toBe('ignore');
    expect(await page.getByLabel('Ploeg').inputValue()).toBe('team');
    // What it changes, worked out before anything is written: Ahmed and Zoë were in the demo already.
    const effect = page.getByRole('region', { name: 'Wat er verandert' });
    await effect.getByText('Erbij komen: 2 nieuwe mensen', { exact: false }).waitFor();
    await effect.getByText(/niveaus gaan omhoog of komen erbij/).waitFor();
    // Sanne can do Fineren better now than the sheet says: kept, unless the lead says otherwise.
    await effect.getByText('1 niveau staat in het bestand lager dan nu. Dat blijft zoals het is.').waitFor();
    await effect.getByLabel('Niveaus die nu hoger zijn, laten staan').uncheck();
    await effect.getByText('Let op: 1 niveau gaat omlaag.').waitFor();
    await page.getByRole('button', { name: 'Inlezen (4 mensen)' }).click();
    await page.getByText(/Ingelezen: 4 mensen/).waitFor();
    const workers = (await readStore(page, 'workers')) as { name: string }[];
    expect(workers.map((w) => w.name)).toEqual(expect.arrayContaining(['Joël Peeters', 'Zoë de Wit', 'Sanne Bakker', 'Ahmed Benali']));
    // Ahmed was in the demo already: updated, not duplicated.
    expect(workers.filter((w) => w.name === 'Ahmed Benali')).toHaveLength(1);
    expect(((await readStore(page, 'stations')) as { name: string }[]).filter((s) => s.name === 'Zagen')).toHaveLength(1);
    await openScreen(page, 'Matrix');
    await page.getByLabel('Team').selectOption({ label: 'Machinaal' });
    await page.getByRole('gridcell', { name: 'Joël Peeters, Afkorten: kan het anderen leren (O), bevestigd' }).waitFor();
    await page.getByRole('gridcell', { name: 'Sanne Bakker, Fineren: leert het (I), bevestigd' }).waitFor();
    await context.close();
  });

  it('imports a Windows-1252 CSV; a bad cell is reported per line and nothing is stored', async () => {
    const { page, context } = await openApp(env.browser);
    await openData(page);
    const before = await readStore(page, 'events');
    const bad = Buffer.from('Naam;Afkorten;Lengtezagen\r\nJan;U;Q\r\n;U;L\r\n', 'latin1');
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'fout.csv', mimeType: 'text/csv', buffer: bad });
    await page.getByText('Regel 2 kolom Lengtezagen: "Q" is geen niveau. Gebruik I, L, U of O, een getal van 0 tot 4, 25, 50, 75 of 100% of een kruisje.').waitFor();
    await page.getByText('Regel 3 kolom Naam: de naam ontbreekt.').waitFor();
    expect(await page.getByRole('button', { name: /^Inlezen/ }).isDisabled()).toBe(true);
    expect(await readStore(page, 'events')).toHaveLength(before.length);

    await page.getByLabel('Bestand', { exact: true }).setInputFiles(fixture('veerman-matrix-cp1252.csv'));
    await page.getByRole('button', { name: 'Inlezen (4 mensen)' }).click();
    await page.getByText(/Ingelezen: 4 mensen/).waitFor();
    expect(((await readStore(page, 'workers')) as { name: string }[]).some((w) => w.name === 'Joël Peeters')).toBe(true);
    await context.close();
  });

  it('exports CSV for Dutch Excel that imports back the same', async () => {
    const { page, context } = await openApp(env.browser);
    await openData(page);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Als CSV (Excel)' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain(';Zagen;;;Schaven;');
    expect(text).toContain('\r\nAhmed Benali;Montage & afwerking;L;');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Als Excel-bestand (.xlsx)' }).click()]);
    expect(
      readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const [people] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Mensen (CSV)' }).click()]);
    expect(readFileSync((await people.path())!, 'utf8')).toContain('\r\nKees Veerman;Machinale afdeling;Teamleider\r\n');
    const [skills] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Vaardigheden (CSV)' }).click()]);
    expect(readFileSync((await skills.path())!, 'utf8')).toContain('\r\nHeftruck rijden;Heftruck;3;60\r\n');
    const eventsBefore = ((await readStore(page, 'events')) as unknown[]).length;
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'terug.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    await page.getByRole('button', { name: 'Inlezen (14 mensen)' }).click();
    await page.getByText('Ingelezen: 14 mensen, 0 niveaus veranderd.').waitFor();
    expect(((await readStore(page, 'events')) as unknown[]).length).toBe(eventsBefore);
    await context.close();
  });

  it('a full disk during an import leaves the database as it was', async () => {
    // Chromium reads an origin's quota once, so the override goes in before the app first runs:
    // room for the app and its demo, not for a large import.
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseUrl()).origin, quotaSize: 4 * 1024 * 1024 });
    await page.goto(baseUrl());
    await page.getByRole('grid').waitFor();
    await openData(page);
    const workersBefore = ((await readStore(page, 'workers')) as unknown[]).length;
    const eventsBefore = ((await readStore(page, 'events')) as unknown[]).length;
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'groot.csv', mimeType: 'text/csv', buffer: bigCsv(250, 60) });
    await page.getByRole('button', { name: 'Inlezen (250 mensen)' }).click();
    await page.getByText('Het geheugen van dit apparaat is vol. Er is niets opgeslagen.', { exact: false }).waitFor({ timeout: 60_000 });
    expect((await readStore(page, 'workers')).length).toBe(workersBefore);
    expect((await readStore(page, 'events')).length).toBe(eventsBefore);
    await context.close();
  });

  it('a second tab sees a change live', async () => {
    const { page, context } = await openApp(env.browser);
    const other = await context.newPage();
    await other.goto(baseUrl());
    const cell = (p: Page, name: string) => p.getByRole('gridcell', { name });
    await cell(other, 'Ahmed Benali, Lengtezagen: nog niet').waitFor();
    // A background tab gets no animation frames; bring the first one forward to work in it.
    await page.bringToFront();
    await signInAs(page, 'Kees Veerman', '1234');
    // Signed in from the overview, the lead lands on the claims waiting; back to the matrix.
    await openScreen(page, 'Matrix');
    await cell(page, 'Ahmed Benali, Lengtezagen: nog niet').click();
    await chooseLevel(page, 'kan het met hulp');
    await cell(other, 'Ahmed Benali, Lengtezagen: kan het met hulp (L), bevestigd').waitFor({ timeout: 30_000 });
    await context.close();
  });

  it('a backup restored into a fresh profile gives the same matrix', async () => {
    const first = await openApp(env.browser);
    await signInAs(first.page, 'Kees Veerman', '1234');
    // Signed in from the overview, the lead lands on the claims waiting; back to the matrix.
    await openScreen(first.page, 'Matrix');
    await first.page.getByRole('gridcell', { name: 'Ahmed Benali, Lengtezagen: nog niet' }).click();
    await chooseLevel(first.page, 'kan het zelfstandig');
    await first.page.getByRole('gridcell', { name: 'Ahmed Benali, Lengtezagen: kan het zelfstandig (U), bevestigd' }).waitFor();
    // What the matrix says. The fresh profile is not one of the backup's devices, so it takes
    // the log on as its own (every event signed again by it): stamps keep their time (wall and
    // counter), not the device and event that wrote them (as snapshotProjections({ signer: false })).
    const stored = async (p: Page) => {
      const timeOnly = (json: string) => json.replace(/"(\d{15}:\d{5}):[^"]*"/g, '"$1"');
      const strip = (rows: unknown[]) => rows.map((r) => timeOnly(stableJson(r))).sort();
      return { workers: strip(await readStore(p, 'workers')), skills: strip(await readStore(p, 'skills')), levels: strip(await readLevels(p)) };
    };
    const original = await stored(first.page);
    const signers = async (p: Page) => [...new Set(((await readStore(p, 'events')) as { device: string }[]).map((e) => e.device))];
    const originalSigners = await signers(first.page);
    await openLeadScreen(first.page, 'Gegevens');
    const [download] = await Promise.all([first.page.waitForEvent('download'), first.page.getByRole('button', { name: 'Reservekopie maken' }).click()]);
    const backupPath = join(mkdtempSync(join(tmpdir(), 'vaardig-backup-')), download.suggestedFilename());
    await download.saveAs(backupPath);
    expect(download.suggestedFilename()).toMatch(/^vaardig-reservekopie-\d{4}-\d{2}-\d{2}\.json$/);
    await first.page
      .getByTestId('last-backup')
      .getByText(/Laatste reservekopie/)
      .waitFor();
    await first.context.close();

    const fresh = await openApp(env.browser);
    await openData(fresh.page);
    await fresh.page.getByLabel('Reservekopie terugzetten (vervangt alles op deze tablet)').setInputFiles(backupPath);
    await fresh.page.getByRole('dialog', { name: 'Reservekopie terugzetten?' }).getByRole('button', { name: 'Ja, terugzetten' }).click();
    await fresh.page.getByRole('gridcell', { name: 'Ahmed Benali, Lengtezagen: kan het zelfstandig (U), bevestigd' }).waitFor();
    expect(await stored(fresh.page)).toEqual(original);
    // …and every event is now this profile's own: one signer, not the old tablet.
    const freshSigners = await signers(fresh.page);
    expect(freshSigners).toHaveLength(1);
    expect(originalSigners).not.toContain(freshSigners[0]);
    await fresh.context.close();
  });

  it('prints on A3 landscape: a page per team block, headers and legend on each', async () => {
    const { page, context } = await openApp(env.browser);
    await openData(page);
    await page.getByRole('button', { name: 'Afdrukken op A3' }).click();
    await page.getByRole('heading', { name: 'Afdrukken: A3 liggend' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const tables = page.locator('table.print-page');
    expect(await tables.count()).toBe(2);
    for (const table of await tables.all()) {
      expect(await table.locator('thead th', { hasText: 'Afkorten' }).count()).toBe(1);
      expect(await table.locator('thead th', { hasText: 'Medewerker' }).count()).toBe(1);
      expect(await table.locator('tfoot', { hasText: 'Afgedrukt op' }).count()).toBe(1);
      expect(await table.locator('thead').evaluate((el) => getComputedStyle(el).display)).toBe('table-header-group');
    }
    const pdf = await page.pdf({ format: 'A3', landscape: true, printBackground: true });
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(2);
    const { width, height } = doc.getPage(0).getSize();
    // A3 landscape in points: 420 mm × 297 mm = 1190.55 × 841.89 (Chromium rounds to whole pixels).
    expect(Math.abs(width - 1190.55)).toBeLessThan(2);
    expect(Math.abs(height - 841.89)).toBeLessThan(2);
    await context.close();
  });
});

describe('a crash in the middle of a large import', () => {
  it('leaves all or nothing after the env.browser is killed and reopened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vaardig-crash-'));
    const start = async () => {
      const proc = spawn(chromiumPath(), [...CHROMIUM_FLAGS, `--user-data-dir=${dir}`, '--remote-debugging-port=0', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
      const ws = await new Promise<string>((resolve, reject) => {
        let text = '';
        proc.stderr!.on('data', (d: Buffer) => {
          text += d.toString();
          const m = text.match(/DevTools listening on (ws:\/\/\S+)/);
          if (m) resolve(m[1]!);
        });
        proc.on('exit', () => reject(new Error(`chromium exited: ${text}`)));
      });
      const b = await pw.connectOverCDP(ws);
      const page = await b.contexts()[0]!.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      return { proc, b, page };
    };
    try {
      const first = await start();
      await first.page.goto(baseUrl());
      await openData(first.page);
      const before = ((await readStore(first.page, 'workers')) as unknown[]).length;
      await first.page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'groot.csv', mimeType: 'text/csv', buffer: bigCsv(250, 60) });
      const run = first.page.getByRole('button', { name: 'Inlezen (250 mensen)' });
      await run.click();
      // Kill once the import is under way (its button disabled while it writes), or done already.
      await run
        .and(first.page.locator(':disabled'))
        .or(first.page.getByText(/Ingelezen: 250 mensen/))
        .first()
        .waitFor({ state: 'attached', timeout: 60_000 });
      // Kill the whole process group at once, as a power cut would.
      process.kill(-first.proc.pid!, 'SIGKILL');
      await new Promise((r) => first.proc.on('exit', r));

      const second = await start();
      await second.page.goto(baseUrl());
      await second.page.getByRole('grid').waitFor();
      const workers = (await readStore(second.page, 'workers')) as { id: string; name: string }[];
      const added = workers.length - before;
      expect([0, 250]).toContain(added);
      if (added) {
        const levels = (await readLevels(second.page)) as { workerId: string }[];
        const someone = workers.find((w) => w.name === 'Persoon 250')!;
        expect(levels.filter((l) => l.workerId === someone.id)).toHaveLength(60);
      }
      console.log(`crash test: ${added ? 'the import had committed' : 'the import was rolled back'} (${added} people added)`);
      await second.b.close();
      process.kill(-second.proc.pid!, 'SIGKILL');
      await new Promise((r) => (second.proc.exitCode !== null || second.proc.signalCode ? r(null) : second.proc.on('exit', r)));
    } finally {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch {
        // A helper process may still be closing files; a leftover folder in /tmp does no harm.
      }
    }
  });
});
