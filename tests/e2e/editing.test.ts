import { describe, expect, it } from 'vitest';
import { browserForFile, openApp, openLeadScreen, readLevels, readStore, setUpFirstLead, signInAs, startOwnWorkshop, openScreen } from './chromium';

const env = browserForFile();

describe('keeping the workshop up to date', () => {
  it('adds a person with validation; the new row appears in the matrix', async () => {
    const { page, context } = await openApp(env.browser);
    expect(await page.getByRole('button', { name: 'Beheer' }).count()).toBe(0);
    await signInAs(page, 'Kees Veerman', '1234');
    await openLeadScreen(page, 'Mensen');
    await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Persoon toevoegen' });
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Vul dit in.').waitFor();
    await dialog.getByLabel('Naam').fill('jan de vries');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Deze naam bestaat al.').waitFor();
    const workersBefore = (await readStore(page, 'workers')).length;
    expect(workersBefore).toBe(14);

    await dialog.getByLabel('Naam').fill('Nadia Azizi');
    await dialog.getByLabel('Team').selectOption({ label: 'Montage & afwerking' });
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await readStore(page, 'workers')).toContainEqual(expect.objectContaining({ name: 'Nadia Azizi', archived: false }));

    await openScreen(page, 'Matrix');
    await page.getByLabel('Team').selectOption({ label: 'Montage & afwerking' });
    await page.getByRole('rowheader', { name: /Nadia Azizi/ }).waitFor();
    await context.close();
  });

  it('archives a skill: it leaves the matrix but keeps its history', async () => {
    const { page, context } = await openApp(env.browser);
    await page.getByRole('columnheader', { name: 'Fineren' }).waitFor();
    await signInAs(page, 'Kees Veerman', '1234');
    await openLeadScreen(page, 'Vaardigheden');
    await page.getByRole('button', { name: 'Fineren archiveren' }).click();
    await openScreen(page, 'Matrix');
    await page.getByRole('columnheader', { name: 'Persen', exact: true }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Fineren' }).count()).toBe(0);
    const skills = (await readStore(page, 'skills')) as { name: string; archived: boolean; id: string }[];
    const fineren = skills.find((s) => s.name === 'Fineren')!;
    expect(fineren.archived).toBe(true);
    const levels = (await readLevels(page)) as { skillId: string }[];
    expect(levels.filter((l) => l.skillId === fineren.id).length).toBeGreaterThan(0);
    await context.close();
  });

  it('refuses a target of 0 people with a message', async () => {
    const { page, context } = await openApp(env.browser);
    await signInAs(page, 'Kees Veerman', '1234');
    await openLeadScreen(page, 'Vaardigheden');
    await page.getByRole('button', { name: 'Persen wijzigen', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Hoeveel mensen moeten het kunnen?').fill('0');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Kies een getal van 1 tot 50.').waitFor();
    const persen = ((await readStore(page, 'skills')) as { name: string; targetCoverage: number }[]).find((s) => s.name === 'Persen');
    expect(persen?.targetCoverage).toBe(3);
    await context.close();
  });

  it('starts empty on request, and the demo does not come back after a reload', async () => {
    const { page, context } = await openApp(env.browser);
    await signInAs(page, 'Kees Veerman', '1234');
    await page.getByRole('region', { name: 'Voorbeeld' }).getByRole('button', { name: 'Leeg beginnen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja' }).click();
    await page.getByRole('heading', { name: 'Welkom bij Vaardig' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Welkom bij Vaardig' }).waitFor();
    expect(await readStore(page, 'events')).toEqual([]);
    expect(await readStore(page, 'credentials')).toEqual([]);
    // The first team lead sets up the empty workshop and is signed in.
    await setUpFirstLead(page);
    await page.getByText('Nog geen matrix').waitFor();
    await page.getByRole('banner').getByText('Sanne de Groot').waitFor();
    expect(await readStore(page, 'workers')).toEqual([expect.objectContaining({ name: 'Sanne de Groot', role: 'lead' })]);
    expect(await page.getByText('Dit is een voorbeeld-werkplaats').count()).toBe(0);
    await context.close();
  });

  it('in wall mode, signs the person out and returns to the wall after a while without touches', async () => {
    const { page, context } = await openApp(env.browser);
    // A short idle time set directly in the stored preferences (the screen allows 15 s at least).
    await page.evaluate(() => localStorage.setItem('vaardig-ui', JSON.stringify({ state: { language: 'nl', wallIdleSeconds: 10, wallMode: true }, version: 0 })));
    await page.reload();
    await page.getByRole('table', { name: /^Wie kan wat/ }).waitFor();
    await signInAs(page, 'Kees Veerman', '1234');
    await openScreen(page, 'Instellingen');
    await page.getByRole('heading', { name: 'Instellingen' }).waitFor();
    await page.getByRole('table', { name: /^Wie kan wat/ }).waitFor({ timeout: 45_000 });
    expect(await page.getByRole('banner').getByRole('button', { name: 'Aanmelden' }).count()).toBe(1);
    // Signing in again starts from the overview, not from where the last person was.
    await signInAs(page, 'Kees Veerman', '1234');
    await page.getByRole('heading', { name: 'Te bevestigen' }).waitFor();
    await context.close();
  });
});

describe('who may connect this device to the company', () => {
  it('anyone on a demo device (the server password is the gate); only the lead on a device with a workshop of its own', async () => {
    const { page, context } = await openApp(env.browser);
    await openScreen(page, 'Instellingen');
    await page.getByRole('button', { name: 'Koppelen', exact: true }).waitFor();
    await openScreen(page, 'Matrix');
    await startOwnWorkshop(page);
    await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();
    await openScreen(page, 'Instellingen');
    await page.getByText('Dit apparaat koppelen aan de andere apparaten doet de teamleider.').waitFor();
    expect(await page.getByRole('button', { name: 'Koppelen', exact: true }).count()).toBe(0);
    await signInAs(page, 'Sanne de Groot', '2468');
    await openScreen(page, 'Instellingen');
    await page.getByRole('button', { name: 'Koppelen', exact: true }).waitFor();
    await context.close();
  });
});
