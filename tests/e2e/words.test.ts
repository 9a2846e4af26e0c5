import { describe, expect, it } from 'vitest';
import { browserForFile, openApp, openLeadScreen, signInAs, type Page } from './chromium';

const env = browserForFile();

/** What a worker must never read: dates as a computer writes them, codes, server words. */
const FORBIDDEN: [string, RegExp][] = [
  ['an ISO date', /\b\d{4}-\d{2}-\d{2}\b/],
  ['a werkproces or kerntaak code', /\b[BP]\d-K\d/],
  ['a crebo number', /\bcrebo\b|\b99998\b/i],
  ['a server word', /\b(server|database|couchdb|synchroni\w*|replica\w*|events?|concept)\b/i],
];

async function offences(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return FORBIDDEN.filter(([, pattern]) => pattern.test(text)).map(([what, pattern]) => `${what}: ${text.match(pattern)![0]}`);
}

const open = (page: Page, screen: string) => page.evaluate((s) => (location.hash = `#/${s}`), screen);

describe('a worker reads plain Dutch', () => {
  it('sees Dutch dates and no codes or server words on the board, their own skills and the matrix', async () => {
    const { page, context } = await openApp(env.browser);
    // The lead plans for everyone, so the board has lines with due dates.
    await signInAs(page, 'Kees Veerman', '1234');
    await openLeadScreen(page, 'Plan de week');
    await page.getByRole('button', { name: 'Maak een voorstel' }).click();
    await page.getByRole('button', { name: /^Opslaan \(\d+\)$/ }).click();
    await page.getByRole('heading', { name: 'Wie leert wat, van wie' }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();

    await signInAs(page, 'Jan de Vries', '1111', { firstTime: true });
    await open(page, 'board');
    const line = page
      .getByRole('listitem')
      .filter({ hasText: / leert .+ van / })
      .first();
    await line.waitFor();
    expect(await line.innerText()).toMatch(/^.+ leert .+ van .+\n(Klaar op|Te laat: moest klaar zijn op) \w+dag \d{1,2} \w+ \d{4}$/m);
    expect(await offences(page)).toEqual([]);

    await open(page, 'mine');
    await page.getByRole('heading', { name: /^Op weg naar je certificaat: / }).waitFor();
    await page.getByText(/\d van de \d+ onderdelen laten zien/).waitFor();
    expect(await offences(page)).toEqual([]);

    await open(page, 'matrix');
    await page
      .getByRole('gridcell', { name: /^Jan de Vries, / })
      .first()
      .click();
    await page.getByRole('dialog', { name: 'Hoe goed kan jij dit?' }).waitFor();
    expect(await offences(page)).toEqual([]);
    await context.close();
  });
});
