import { describe, expect, it } from 'vitest';
import { browserForFile, axeViolations, claimOwnSkill, openApp, readStore, signInAs, openLeadScreen, openScreen, chooseLevel } from './chromium';

const env = browserForFile();

describe('the matrix on the production build', () => {
  it('opens with the demo workshop as an ARIA grid on first start', async () => {
    const { page, context, errors } = await openApp(env.browser);
    const grid = page.getByRole('grid', { name: 'Vaardighedenmatrix: medewerkers en wat ze kunnen' });
    await expect(grid.getAttribute('aria-rowcount')).resolves.toBe(String(14 + 3));
    await expect(grid.getAttribute('aria-colcount')).resolves.toBe(String(24 + 1));
    await page.getByRole('rowheader', { name: /Ahmed Benali/ }).waitFor();
    await page.getByRole('gridcell', { name: 'Ahmed Benali, Afkorten: kan het met hulp (L), bevestigd' }).waitFor();
    await page.getByRole('columnheader', { name: 'Fineren' }).waitFor();
    await page.getByRole('gridcell', { name: /^Fineren: 1\/2\. Zelfstandig: 1, nodig: 2\. .*Maar 1 persoon/ }).waitFor();
    await page.getByRole('gridcell', { name: /^Frezen instellen: 3\/3\. Zelfstandig: 3, nodig: 3\. .*Niemand kan het anderen leren/ }).waitFor();
    await page.getByText('Dit is een voorbeeld-werkplaats').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sets a level with a tap after signing in; it is stored as an event and survives a reload', async () => {
    const { page, context } = await openApp(env.browser);
    await page.getByRole('gridcell', { name: 'Ahmed Benali, Lengtezagen: nog niet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hoe goed kan Ahmed Benali dit?' });
    await dialog.getByText('Meld je aan om iets te veranderen.').waitFor();
    await dialog.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('dialog', { name: 'Wie ben je? Tik op je naam.' }).waitFor();
    await signInAs(page, 'Kees Veerman', '1234');
    await chooseLevel(page, 'kan het zelfstandig', dialog);
    await dialog.waitFor({ state: 'detached' });
    const changed = page.getByRole('gridcell', { name: 'Ahmed Benali, Lengtezagen: kan het zelfstandig (U), bevestigd' });
    await changed.waitFor();

    // Event ids are content hashes: the log's order is the stamp (`at`).
    const events = ((await readStore(page, 'events')) as { at: string; type: string; payload: { level?: string; status?: string } }[]).sort((a, b) => (a.at < b.at ? -1 : 1));
    const last = events.filter((e) => e.type === 'level.set').at(-1);
    expect(last?.payload).toMatchObject({ level: 'U', status: 'confirmed' });

    await page.reload();
    await changed.waitFor();
    await context.close();
  });

  it('a level change touches only that cell, its row count and its coverage cell in the page', async () => {
    // Without the service worker: its "ready offline" banner, shown whenever its install ends,
    // changes the grid's height and so its virtual rows, which is not what a tap does.
    const { page, context } = await openApp(env.browser, '/', { serviceWorkers: 'block' });
    await page.getByRole('banner').getByRole('button', { name: 'Aanmelden' }).click();
    // The dialog loads with its code (and the messages): signInAs must find it open, not open it again.
    await page.getByRole('dialog', { name: 'Wie ben je? Tik op je naam.' }).waitFor();
    await signInAs(page, 'Kees Veerman', '1234');
    // Signed in from the overview, the lead lands on the claims waiting; back to the matrix.
    await openScreen(page, 'Matrix');
    await page.getByRole('gridcell', { name: 'Ahmed Benali, Lengtezagen: nog niet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hoe goed kan Ahmed Benali dit?' });
    const choice = dialog.getByRole('button', { name: 'kan het zelfstandig' });
    await choice.waitFor();
    // Watch every change to the grid's DOM, and name what each belongs to.
    await page.evaluate(() => {
      const touched = new Set<string>();
      const w = window as unknown as { touched: Set<string>; settle: () => Promise<void> };
      w.touched = touched;
      new MutationObserver((list) => {
        for (const m of list) {
          const el = m.target instanceof Element ? m.target : m.target.parentElement!;
          const cell = el.closest('[role=gridcell]');
          const row = el.closest('[role=rowheader]');
          const names = (nodes: NodeList) => [...nodes].map((n) => (n instanceof Element ? (n.querySelector('.row-name')?.textContent ?? n.className) : '#text')).join('|');
          const what = m.type === 'childList' ? `+[${names(m.addedNodes)}] -[${names(m.removedNodes)}]` : `${m.type}:${m.attributeName ?? ''}`;
          touched.add(cell ? cell.getAttribute('aria-label')! : row ? `row:${row.querySelector('.row-name')!.textContent}` : `other:${el.className} ${what}`);
        }
      }).observe(document.querySelector('.matrix-scroll')!, { subtree: true, attributes: true, childList: true, characterData: true });
      // Resolves once the page has gone idle and painted two frames three times running
      // without a new mutation (at most 100 rounds).
      const quiet = () => new Promise<void>((resolve) => requestIdleCallback(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
      w.settle = async () => {
        for (let calm = 0, rounds = 0; calm < 3 && rounds < 100; rounds++) {
          const before = touched.size;
          await quiet();
          calm = touched.size === before ? calm + 1 : 0;
        }
      };
    });
    // What was still settling from signing in and opening the picker (the grid's size, its
    // virtual rows) is not the tap's doing: let it settle, then watch from the tap on.
    await page.evaluate(async () => {
      const w = window as unknown as { touched: Set<string>; settle: () => Promise<void> };
      await w.settle();
      w.touched.clear();
    });
    await choice.click();
    await page.getByRole('gridcell', { name: 'Ahmed Benali, Lengtezagen: kan het zelfstandig (U), bevestigd' }).waitFor();
    // Wait until the three expected changes (the cell, its row count, its coverage cell) have all
    // happened, then until the page has settled: by events, not by a fixed delay.
    await page.waitForFunction(() => {
      const t = [...(window as unknown as { touched: Set<string> }).touched];
      return t.includes('Ahmed Benali, Lengtezagen: kan het zelfstandig (U), bevestigd') && t.includes('row:Ahmed Benali') && t.some((x) => /^Lengtezagen: \d+\/\d+/.test(x));
    });
    await page.evaluate(() => (window as unknown as { settle: () => Promise<void> }).settle());
    const touched = await page.evaluate(() => [...(window as unknown as { touched: Set<string> }).touched]);
    expect(touched).toContain('Ahmed Benali, Lengtezagen: kan het zelfstandig (U), bevestigd');
    expect(touched.filter((t) => !/^Ahmed Benali, Lengtezagen: |^row:Ahmed Benali$|^Lengtezagen: \d+\/\d+/.test(t))).toEqual([]);
    await context.close();
  });

  it('shows a tapped level in its cell before it is written; a refused one goes back and the picker says why', async () => {
    const { page, context } = await openApp(env.browser);
    await claimOwnSkill(page, { name: 'Ioana Popescu', pin: '2580' }, 'Afkorten', 'kan het zelfstandig', 'hele week alleen gezaagd');
    await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();
    await signInAs(page, 'Kees Veerman', '1234');
    await openScreen(page, 'Matrix');
    const claimed = 'Ioana Popescu, Afkorten: kan het zelfstandig (U), zelf aangegeven, nog niet bevestigd';
    await page.getByRole('gridcell', { name: claimed }).click();
    const dialog = page.getByRole('dialog', { name: 'Hoe goed kan Ioana Popescu dit?' });
    // Another level than the claim needs a reason: without one the write is refused.
    const choice = dialog.getByRole('button', { name: 'kan het met hulp' });
    await choice.waitFor();
    const refusedTap = await page.evaluate(
      async ([button, label]) => {
        const written = performance.getEntriesByName('vaardig:level-durable').length;
        (button as HTMLButtonElement).click();
        await null;
        return { stillClaimed: Boolean(document.querySelector(`[aria-label="${label}"]`)), written: performance.getEntriesByName('vaardig:level-durable').length - written };
      },
      [await choice.elementHandle(), claimed] as const,
    );
    // In the same task as the tap the cell already shows the new level, and nothing is written yet.
    expect(refusedTap).toEqual({ stillClaimed: false, written: 0 });
    await dialog.getByText('Schrijf kort waarom.').waitFor();
    await page.getByRole('gridcell', { name: claimed }).waitFor();
    await dialog.getByLabel('Reden (nodig bij aanpassen of niet bevestigen)').fill('zaagt nog scheef');
    await chooseLevel(page, 'kan het met hulp', dialog);
    await page.getByRole('gridcell', { name: 'Ioana Popescu, Afkorten: kan het met hulp (L), bevestigd' }).waitFor();
    await context.close();
  });

  it('moves through the grid with the keyboard and opens the picker with Enter', async () => {
    const { page, context } = await openApp(env.browser);
    const first = page.getByRole('gridcell', { name: /^Ahmed Benali, Afkorten/ });
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(focused).toMatch(/^Ahmed Benali, Lengtezagen/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toMatch(/^Daan Smit, Lengtezagen/);
    await page.keyboard.press('End');
    await expect.poll(focused).toMatch(/^Daan Smit, Pallets stapelen/);
    await page.keyboard.press('Control+Home');
    await expect.poll(focused).toMatch(/^Ahmed Benali, Afkorten/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toMatch(/^Daan Smit, Afkorten/);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Hoe goed kan Daan Smit dit?' }).getByText('Vaardigheid: Afkorten').waitFor();
    await context.close();
  });

  it('has no axe violations on the matrix, the picker and the lists', async () => {
    const { page, context } = await openApp(env.browser);
    await page.getByRole('gridcell').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('banner').getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await signInAs(page, 'Kees Veerman', '1234');
    // Claims wait for the lead: signing in at the header lands on them.
    await page.getByRole('heading', { name: 'Te bevestigen' }).waitFor();
    await openScreen(page, 'Matrix');
    await page.getByRole('gridcell', { name: /^Ahmed Benali, Afkorten/ }).click();
    await page.getByRole('dialog').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await openScreen(page, 'Mijn vaardigheden');
    await page.getByRole('heading', { name: 'Wat kan Kees Veerman?' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await openScreen(page, 'Bevestigen');
    await page.getByRole('heading', { name: 'Te bevestigen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await openLeadScreen(page, 'Logboek');
    await page.getByRole('columnheader', { name: 'Wanneer' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await openLeadScreen(page, 'Mensen');
    await page.getByRole('heading', { name: 'Mensen en teams' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Going to the wall signs the lead out: the wall is nobody's.
    await openScreen(page, 'Wandmodus');
    await page.getByRole('table', { name: /^Wie kan wat/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('keeps every touch target at least 48 px', async () => {
    const { page, context } = await openApp(env.browser);
    await page.getByRole('gridcell').first().waitFor();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, select, input, [role=gridcell], summary')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ label: el.getAttribute('aria-label') ?? el.textContent?.trim(), ...el.getBoundingClientRect().toJSON() }))
        .filter((r) => r.width < 48 || r.height < 48)
        .map((r) => `${r.label} ${Math.round(r.width)}x${Math.round(r.height)}`),
    );
    expect(small).toEqual([]);
    await context.close();
  });
});
