import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfPagesText, prose } from '../integration/pdfText';
import { claimOwnSkill, browserForFile, axeViolations, openApp, readStore } from './chromium';
import type { Download } from 'playwright-core';

const env = browserForFile();

describe('see and take my data', () => {
  it('a worker signed in with their PIN claims a level, sees it under Mijn gegevens and downloads it as JSON and PDF', async () => {
    // On a phone: the worker's own page is made for it.
    const { page, context, errors } = await openApp(env.browser, '/', { viewport: { width: 390, height: 844 } });
    await claimOwnSkill(page, { name: 'Ioana Popescu', pin: '2580' }, 'Afkorten', 'kan het zelfstandig', 'hele week alleen gezaagd');

    const mine = page.getByRole('region', { name: 'Mijn gegevens' });
    await mine.getByText('Vaardig bewaart wat je kunt').waitFor();
    // Everything, on request: counts per kind, each list folded until opened.
    const show = mine.getByRole('button', { name: 'Bekijk alles' });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    await show.click();
    await expect.poll(() => show.getAttribute('aria-expanded')).toBe('true');
    const levels = mine.getByText(/^\d+ vaardigheden$/);
    await levels.click();
    // Her own note with the claim is hers to read, on screen too.
    await mine.getByText(/^Afkorten: .+ — je vroeg: kan het zelfstandig \(U\) — “hele week alleen gezaagd”$/).waitFor();
    await mine.getByText(/^\d+ regels in het logboek$/).click();
    await mine.getByText(/Ioana Popescu zegt bij Afkorten: kan het zelfstandig \(U\) — door Ioana Popescu$/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    for (const button of [show, mine.getByRole('button', { name: 'Download mijn gegevens' })]) expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(48);

    // One tap, two files.
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await mine.getByRole('button', { name: 'Download mijn gegevens' }).click();
    await expect.poll(() => downloads.length).toBe(2);
    const day = new Date().toLocaleDateString('sv-SE');
    const byName = new Map(downloads.map((d) => [d.suggestedFilename(), d]));
    expect([...byName.keys()].sort()).toEqual([`vaardig-mijn-gegevens-ioana-popescu-${day}.json`, `vaardig-mijn-gegevens-ioana-popescu-${day}.pdf`]);

    const file = JSON.parse(readFileSync((await byName.get(`vaardig-mijn-gegevens-ioana-popescu-${day}.json`)!.path())!, 'utf8')) as {
      person: { id: string; name: string };
      levels: { skill: { name: string }; claim: { level: string; note: string } | null }[];
      history: { eventId: string; type: string; line: string; payload: { status?: string; level?: string; note?: string } }[];
    };
    // The claim just made: the newest event (event ids are content hashes; the log's order is `at`).
    const events = (await readStore(page, 'events')) as { id: string; at: string; type: string; actor: string }[];
    const claim = events.sort((a, b) => (a.at < b.at ? -1 : 1)).at(-1)!;
    expect(claim).toMatchObject({ type: 'level.set', actor: file.person.id });
    expect(file.person.name).toBe('Ioana Popescu');
    expect(file.levels.find((l) => l.skill.name === 'Afkorten')?.claim).toMatchObject({ level: 'U', note: 'hele week alleen gezaagd' });
    expect(file.history.find((h) => h.eventId === claim.id)).toMatchObject({
      type: 'level.set',
      line: 'Ioana Popescu zegt bij Afkorten: kan het zelfstandig (U)',
      payload: { status: 'claimed', level: 'U', note: 'hele week alleen gezaagd' },
    });

    const text = prose(await pdfPagesText(readFileSync((await byName.get(`vaardig-mijn-gegevens-ioana-popescu-${day}.pdf`)!.path())!)));
    expect(text).toContain('Naam: Ioana Popescu');
    expect(text).toMatch(/Afkorten: .+ — je vroeg: kan het zelfstandig \(U\)/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
