import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/domain/thresholds';
import { axeViolations, launchChromium, openApp, openLeadScreen, readStore, signInAs, type Browser, type Page } from './chromium';

/**
 * Real sheets from Dutch companies, made here: a workbook with instructions before the
 * matrix, names split in parts, a notes column, a skill with "note" in its name, totals, a
 * legend under the table, crosses and Excel percentages; and files too big to read.
 */
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'vaardig-import-'));
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Big files go in from disk: handed over as bytes they would be decoded inside the page, a long task of the test's own. */
function onDisk(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const cells = (rows: (string | number)[][]): SheetData => rows.map((row) => row.map((value) => (value === '' ? null : { value })));

async function workbook(): Promise<Buffer> {
  const uitleg = cells([['Zo vul je de matrix in'], ['Zet in elk vak een kruisje of een letter.']]);
  const matrix = cells([
    ['Vaardighedenmatrix Houtbewerking Oost', '', '', '', '', '', '', '', ''],
    ['Voornaam', 'Tussenvoegsel', 'Achternaam', 'Ploeg', 'Afkorten', 'Notenhout fineren', 'Schuren', 'Totaal U/O', 'Opmerkingen'],
    ['Jan', 'de', 'Vries', 'Oost', 'x', 'U', 'O', 3, 'wil CNC leren'],
    ['Fatima', '', 'El Amrani', 'Oost', 'L', 'x', '', 2, ''],
    ['Zoe\u0308', 'van der', 'Berg', 'Oost', '', 'I', 'x', 1, 'nieuw'],
    ['Aantal U/O', '', '', '', 1, 2, 2, '', ''],
    ['', '', '', '', '', '', '', '', ''],
    ['Legenda', '', '', '', '', '', '', '', ''],
    ['I', 'leert het', '', '', '', '', '', '', ''],
    ['L = met hulp', '', '', '', '', '', '', '', ''],
    ['x', '', '', '', 'kan het', '', '', '', ''],
  ]);
  // Excel keeps a percentage as a fraction: 50 % is the number 0.5, shown with a % format.
  matrix[4]![4] = { value: 0.5, format: '0%' };
  const stations = cells([
    ['Station', 'Vaardigheid'],
    ['Zagen', 'Afkorten'],
  ]);
  return writeXlsxFile([
    { data: uitleg, sheet: 'Uitleg' },
    { data: matrix, sheet: 'Matrix' },
    { data: stations, sheet: 'Stations' },
  ]).toBuffer();
}

async function openData(page: Page) {
  await signInAs(page, 'Kees Veerman', '1234');
  await openLeadScreen(page, 'Gegevens');
  await page.getByRole('heading', { name: 'Matrix uit Excel inlezen' }).waitFor();
}

const importSection = (page: Page) => page.getByRole('region', { name: 'Matrix uit Excel inlezen' });

describe('importing real Excel sheets', () => {
  it('picks the matrix sheet, skips notes, totals and the legend, shows how cells are read, and imports', async () => {
    const { page, context, errors } = await openApp(browser);
    await openData(page);
    await page
      .getByLabel('Bestand', { exact: true })
      .setInputFiles({ name: 'matrix-oost.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook() });
    const sheet = page.getByLabel('Werkblad');
    await page.getByText('3 mensen en 3 vaardigheden gevonden.').waitFor();
    expect(await sheet.locator('option').allTextContents()).toEqual(['Uitleg', 'Matrix', 'Stations']);
    expect(await sheet.locator('option:checked').textContent()).toBe('Matrix');

    // Columns: the name in parts, a skill with "note" in it, totals and notes left out with their reason.
    expect(await page.getByLabel('Voornaam').inputValue()).toBe('firstName');
    expect(await page.getByLabel('Tussenvoegsel').inputValue()).toBe('infix');
    expect(await page.getByLabel('Achternaam').inputValue()).toBe('lastName');
    expect(await page.getByLabel('Notenhout fineren').inputValue()).toBe('skill');
    expect(await page.getByLabel('Totaal U/O').inputValue()).toBe('ignore');
    await page.getByText('Totalen: deze kolom wordt overgeslagen.').waitFor();
    expect(await page.getByLabel('Opmerkingen').inputValue()).toBe('ignore');
    await page.getByText('Opmerkingen: deze kolom wordt overgeslagen.').waitFor();

    // Lines left out, and why.
    await page.getByText('Totalen: regel 6').waitFor();
    await page.getByText('Legenda: 4 regels (8, 9, 10, 11)').waitFor();
    await page.getByText('Leeg: regel 7').waitFor();

    // How crosses and percentages are read; the lead can say a cross means more.
    await page.getByText('x → kan het zelfstandig (U)').waitFor();
    // Excel stores 50 % as 0.5: shown as the lead sees it in Excel.
    await page.getByText('50% → kan het met hulp (L)').waitFor();
    await page.getByLabel('Een kruisje (x, ✓, v) betekent').selectOption('O');
    await page.getByText('x → kan het anderen leren (O)').waitFor();
    await page.getByRole('cell', { name: 'Jan de Vries' }).waitFor();
    await page.getByRole('cell', { name: 'Afkorten: O, Notenhout fineren: U, Schuren: O' }).waitFor();

    expect(await axeViolations(page)).toEqual([]);
    const small = await importSection(page).evaluate((section) =>
      [...section.querySelectorAll<HTMLElement>('button, select, input')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ label: el.id || el.textContent?.trim(), ...el.getBoundingClientRect().toJSON() }))
        .filter((r) => r.width < 48 || r.height < 48)
        .map((r) => `${r.label} ${Math.round(r.width)}x${Math.round(r.height)}`),
    );
    expect(small).toEqual([]);

    // Another sheet is read when picked, and the matrix again when picked back.
    await sheet.selectOption({ label: 'Uitleg' });
    await page.getByText('3 mensen en 3 vaardigheden gevonden.').waitFor({ state: 'detached' });
    await sheet.selectOption({ label: 'Matrix' });
    await page.getByRole('button', { name: 'Inlezen (3 mensen)' }).click();
    await page.getByText(/Ingelezen: 3 mensen/).waitFor();

    const workers = ((await readStore(page, 'workers')) as { name: string }[]).map((w) => w.name);
    expect(workers).toEqual(expect.arrayContaining(['Jan de Vries', 'Fatima El Amrani', 'Zo\u00eb van der Berg']));
    expect(workers.filter((n) => /Aantal|Legenda|^[ILUOx]$|L = met hulp/.test(n))).toEqual([]);
    const skills = ((await readStore(page, 'skills')) as { name: string }[]).map((s) => s.name);
    expect(skills).toEqual(expect.arrayContaining(['Notenhout fineren', 'Schuren']));
    expect(skills.filter((n) => /Totaal|Opmerking/.test(n))).toEqual([]);
    // Afkorten is in the demo at its station already: found by name, not made again under "Algemeen".
    expect(skills.filter((n) => n === 'Afkorten')).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a file over the size limit before reading it, says the limit, and changes nothing', async () => {
    const { page, context } = await openApp(browser);
    await openData(page);
    const before = (await readStore(page, 'events')).length;
    await page.getByLabel('Bestand', { exact: true }).setInputFiles(onDisk('te-groot.csv', Buffer.alloc(LIMITS.fileBytes + 1, 'a')));
    await page.getByRole('alert').getByText('Dit bestand is te groot. Een bestand mag hoogstens 10 MB zijn. Er is niets veranderd.').waitFor();
    expect(
      await importSection(page)
        .getByRole('button', { name: /^Inlezen/ })
        .count(),
    ).toBe(0);
    expect(await importSection(page).getByRole('progressbar').count()).toBe(0);
    expect((await readStore(page, 'events')).length).toBe(before);
    await context.close();
  });

  it('a large sheet shows its progress, keeps the tab answering, and "Stoppen" leaves nothing', async () => {
    const { page, context } = await openApp(browser);
    await openData(page);
    const before = (await readStore(page, 'events')).length;
    const skills = 200;
    const header = ['Naam', 'Team', ...Array.from({ length: skills }, (_, j) => `Groot ${j + 1}`)].join(';');
    const rows = Array.from({ length: 4000 }, (_, i) => [`Persoon ${i + 1}`, 'Grote ploeg', ...Array.from({ length: skills }, (_, j) => 'ILUO'[(i + j) % 4])].join(';'));
    // A slow tablet: the work takes long enough to watch it and to stop it.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.longest = Math.max(w.longest, e.duration)))).observe({ type: 'longtask' });
    });
    await page.getByLabel('Bestand', { exact: true }).setInputFiles(onDisk('groot.csv', [header, ...rows].join('\r\n')));
    const progress = importSection(page).getByRole('progressbar');
    await progress.waitFor();
    await expect.poll(() => progress.evaluate((p: HTMLProgressElement) => p.value)).toBeGreaterThan(0);
    await importSection(page).getByRole('button', { name: 'Stoppen' }).click();
    await page.getByText('Gestopt. Er is niets ingelezen.').waitFor();
    expect(await progress.count()).toBe(0);
    expect(
      await importSection(page)
        .getByRole('button', { name: /^Inlezen/ })
        .count(),
    ).toBe(0);
    // Nothing is written before "Inlezen", so nothing is half there.
    expect((await readStore(page, 'events')).length).toBe(before);
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    console.log(`longest task while reading at 8× slower CPU: ${Math.round(longest)} ms`);
    // A budget several times what this needs (about 150 ms here): one slice, never the whole sheet.
    expect(longest).toBeLessThan(500);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await context.close();
  });
});
