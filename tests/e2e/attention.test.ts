import { describe, expect, it } from 'vitest';
import { dayAfter } from '../../src/domain/dates';
import { browserForFile, axeViolations, openApp, readStore, signInAs, type Page } from './chromium';

const env = browserForFile();

const focusedCell = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName);

describe('the next step from an attention point, and focus that comes back', () => {
  it('"Plan iemand in" asks for the lead, refuses a past due date, and plans someone who then shows on the board', async () => {
    const { page, context } = await openApp(env.browser);
    await page.getByRole('button', { name: 'Aandachtspunten' }).click();
    const attention = page.getByRole('dialog', { name: 'Waar zijn te weinig mensen voor?' });
    // A point someone can be taught (a coach at O exists): not "nobody can do it / teach it".
    const point = attention
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: /^Plan iemand in voor / }) })
      .filter({ hasNotText: 'Niemand kan het' })
      .first();
    const skill = (await point.locator('strong').innerText()).trim();
    await point.getByRole('button', { name: `Plan iemand in voor ${skill}` }).click();

    // Nobody is signed in: the dialog asks for the lead, and signing in opens the form in place.
    const plan = page.getByRole('dialog', { name: `Wie gaat ${skill} leren?` });
    await plan.getByText('Dit is voor de teamleider. Meld je aan als teamleider.').waitFor();
    await plan.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('dialog', { name: 'Wie ben je? Tik op je naam.' }).waitFor();
    await signInAs(page, 'Kees Veerman', '1234');
    const who = plan.getByLabel('Wie', { exact: true });
    await who.waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Someone other than the lead (who has a PIN already), closest to the level first.
    const options = (await who.locator('option').allInnerTexts()).map((o) => o.trim());
    expect(options.length).toBeGreaterThan(0);
    const rank = (o: string) => ['kan het met hulp', 'leert het', 'nog niet'].findIndex((l) => o.includes(`nu: ${l}`));
    expect(options.map(rank)).toEqual([...options.map(rank)].sort((a, b) => a - b));
    const pick = options.find((o) => !o.startsWith('Kees Veerman'))!;
    await who.selectOption({ label: pick });
    const learner = pick.split(' — ')[0]!;
    const coach = (await plan.getByLabel('Coach').locator('option:checked').innerText()).trim();

    // The demo holds assignments already: a refused date adds none.
    const before = (await readStore(page, 'assignments')) as { id: string }[];
    await plan.getByLabel('Klaar op').fill(dayAfter(Date.now(), -1));
    await plan.getByRole('button', { name: 'Inplannen' }).click();
    await plan.getByText('Deze datum is al voorbij. Kies vandaag of een dag later.').waitFor();
    expect(await readStore(page, 'assignments')).toHaveLength(before.length);

    await plan.getByLabel('Klaar op').fill(dayAfter(Date.now(), 7));
    await plan.getByRole('button', { name: 'Inplannen' }).click();
    await plan.waitFor({ state: 'detached' });
    await attention
      .getByRole('status')
      .filter({ hasText: `${learner} leert ${skill} van ${coach}.` })
      .waitFor();
    // Focus is back on the button that opened the form.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Plan iemand in voor ${skill}`);
    const known = new Set(before.map((a) => a.id));
    const added = ((await readStore(page, 'assignments')) as { id: string }[]).filter((a) => !known.has(a.id));
    expect(added).toEqual([expect.objectContaining({ dueDate: dayAfter(Date.now(), 7), targetLevel: 'U', status: 'open' })]);

    // Escape closes the list; focus returns to "Aandachtspunten".
    await page.keyboard.press('Escape');
    await attention.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Aandachtspunten');

    await page.evaluate(() => (location.hash = '#/board'));
    await page.getByText(`${learner} leert ${skill} van ${coach}`).waitFor();
    await context.close();
  });

  it('Escape from the level picker puts focus back on the same matrix cell', async () => {
    const { page, context } = await openApp(env.browser);
    // The first cell of the first worker (the roving tabindex starts there).
    const first = page.locator('[role="gridcell"][tabindex="0"]');
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const cell = await focusedCell(page);
    expect(cell).toMatch(/^.+, .+: /);
    await page.keyboard.press('Enter');
    const picker = page.getByRole('dialog', { name: /^Hoe goed kan .+ dit\?$/ });
    await picker.waitFor();
    expect(await focusedCell(page)).not.toBe(cell);
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });
    expect(await focusedCell(page)).toBe(cell);

    // The same after a tap and the close button.
    await page.getByRole('gridcell', { name: cell }).click();
    await picker.getByRole('button', { name: 'Sluiten' }).click();
    await picker.waitFor({ state: 'detached' });
    expect(await focusedCell(page)).toBe(cell);
    await context.close();
  });
});
