import { describe, expect, it } from 'vitest';
import { DEMO_WORKSHOP } from '../../src/domain/demo';
import { PAPER } from '../../src/domain/paperMatrix';
import { pdfPagesRuns } from '../integration/pdfText';
import { browserForFile, axeViolations, openApp, openLeadScreen, signInAs } from './chromium';

const env = browserForFile();

/** One CSS pixel is 1/96 inch. */
const MM = 96 / 25.4;
/** Text as a reader searches it: ligatures (ﬁ) as letters, any run of spaces as one. */
const plain = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ');

describe('the paper matrix on A3', () => {
  it('prints a sheet per team with title, coverage row, whole skill names and legend, filling the paper', async () => {
    const { page, context } = await openApp(env.browser);
    await signInAs(page, DEMO_WORKSHOP.lead.name, DEMO_WORKSHOP.lead.pin);
    await openLeadScreen(page, 'Gegevens');
    await page.getByRole('button', { name: 'Afdrukken op A3' }).click();
    await page.getByRole('heading', { name: 'Afdrukken: A3 liggend' }).waitFor();
    await page.getByRole('rowheader', { name: 'Kunnen het zelfstandig / nodig' }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Laid out as on paper: print styles, as wide as A3 landscape inside its 10 mm margins.
    const paper = { width: (PAPER.width - 2 * PAPER.margin) * MM, height: (PAPER.height - 2 * PAPER.margin) * MM };
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.round(paper.width), height: Math.round(paper.height) });
    const sheets = await page.locator('table.print-page').evaluateAll((tables) =>
      tables.map((table) => {
        const box = table.getBoundingClientRect();
        // A skill name that does not fit its header cell would be cut off or run into the row above.
        const cut = [...table.querySelectorAll('th.print-skill')]
          .filter((th) => {
            const span = th.querySelector('span')!;
            const [inner, cell] = [span.getBoundingClientRect(), th.getBoundingClientRect()];
            const overflows = span.scrollHeight > span.clientHeight + 1 || span.scrollWidth > span.clientWidth + 1;
            return overflows || inner.top < cell.top - 0.5 || inner.bottom > cell.bottom + 0.5 || inner.left < cell.left - 0.5 || inner.right > cell.right + 0.5;
          })
          .map((th) => th.textContent);
        return { width: box.width, height: box.height, cut, empty: table.querySelectorAll('tbody .print-empty').length };
      }),
    );
    expect(sheets).toHaveLength(2);
    for (const sheet of sheets) {
      expect(sheet.cut).toEqual([]);
      expect(sheet.width).toBeGreaterThan(0.98 * paper.width);
      expect(sheet.width).toBeLessThanOrEqual(paper.width + 1);
      // Most of the height too, and not more than one sheet of it.
      expect(sheet.height).toBeGreaterThan(0.75 * paper.height);
      expect(sheet.height).toBeLessThanOrEqual(paper.height);
      // Every cell without a level has a circle to fill in.
      expect(sheet.empty).toBeGreaterThan(20);
    }

    const pdf = await page.pdf({ format: 'A3', landscape: true, printBackground: true });
    const pages = (await pdfPagesRuns(pdf)).map((runs) => plain(runs.join(' ')));
    const date = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long' }).format(Date.now());
    expect(pages).toHaveLength(2);
    const teams = DEMO_WORKSHOP.teams.map((t) => t.name);
    pages.forEach((text, i) => {
      expect(text).toContain(`${DEMO_WORKSHOP.company} — ${teams[i]} — blad 1 van 1 — ${date}`);
      expect(text).toContain('Kunnen het zelfstandig / nodig');
      for (const station of DEMO_WORKSHOP.stations) for (const skill of station.skills) expect(text).toContain(skill.name);
      for (const worker of DEMO_WORKSHOP.workers.filter((w) => w.team === DEMO_WORKSHOP.teams[i]!.key)) expect(text).toContain(worker.name);
      for (const words of ['kan het zelfstandig', 'Leeg rondje: nog niet (vul in met pen)', 'Te weinig mensen', 'Maar 1 persoon', 'Niemand kan het', 'Afgedrukt op']) expect(text).toContain(words);
    });
    // The coverage row: a count of the target under every skill.
    for (const text of pages) expect(text).toMatch(/Kunnen het zelfstandig \/ nodig( \d+ \/ \d+){24} /);
    await context.close();
  });
});
