import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium, openApp, readStore, signInAs, type Browser, openLeadScreen } from './chromium';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('plan the week and record coaching', () => {
  it('the lead plans, accepts; a coach records a session; the matrix and the board update', async () => {
    const { page, context } = await openApp(browser);
    // Daan chooses his PIN first (he will confirm the session with it).
    await signInAs(page, 'Daan Smit', '1470', { firstTime: true });
    await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();

    await signInAs(page, 'Kees Veerman', '1234');
    await openLeadScreen(page, 'Plan de week');
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Montage & afwerking' });
    await page.getByRole('button', { name: 'Maak een voorstel' }).click();
    const list = page.locator('.plan-list');
    await list
      .getByText(/nodig, \d+ kan het/)
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const lines = await list.locator('li .item-name').allInnerTexts();
    expect(lines.length).toBe(7);
    // Every suggestion explains itself with the need, the capable count and the coach.
    for (const line of lines) expect(line).toMatch(/\d+ nodig, \d+ kan het.*coach: /s);
    // Keep only Daan's suggestion, so the test knows what is stored.
    const daan = lines.findIndex((l) => l.startsWith('Daan Smit leert'));
    expect(daan).toBeGreaterThanOrEqual(0);
    const daanSkill = lines[daan]!.match(/^Daan Smit leert (.+)$/m)![1]!;
    for (const line of lines.filter((l) => !l.startsWith('Daan Smit'))) {
      const [, who, what] = line.match(/^(.+) leert (.+)$/m)!;
      await page.getByRole('button', { name: `Weghalen: ${who}, ${what}` }).click();
    }
    await page.getByRole('button', { name: 'Opslaan (1)' }).click();
    await page.getByRole('heading', { name: 'Wie leert wat, van wie' }).waitFor();
    // The demo's own past holds assignments too, all reached: the plan's one is the open one.
    const assignments = ((await readStore(page, 'assignments')) as { id: string; workerId: string; coachId: string; status: string }[]).filter((a) => a.status === 'open');
    expect(assignments).toHaveLength(1);
    expect(assignments[0]!.status).toBe('open');
    const workers = (await readStore(page, 'workers')) as { id: string; name: string }[];
    const coachName = workers.find((w) => w.id === assignments[0]!.coachId)!.name;
    await page.getByText(`Daan Smit — ${daanSkill}`).waitFor();
    await page.getByRole('heading', { name: `${coachName} leert:` }).waitFor();

    // The coach signs in and records the session; Daan confirms with his PIN.
    await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();
    await signInAs(page, coachName, '9753', { firstTime: true });
    await page.getByRole('button', { name: `Samen geoefend: Daan Smit, ${daanSkill}` }).click();
    const dialog = page.getByRole('dialog', { name: `Daan Smit — ${daanSkill}` });
    await dialog.getByLabel('Hoeveel minuten?').fill('40');
    await dialog.getByLabel('Wat hebben jullie geoefend? (mag leeg)').fill('samen twee kozijnen');
    await dialog.getByLabel('Niveau bereikt').selectOption('U');
    await dialog.getByRole('button', { name: 'Verder: Daan Smit bevestigt' }).click();
    await dialog.getByText('Daan Smit, tik je pincode om te bevestigen').waitFor();
    await page.keyboard.type('1470');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByText('Nog niemand is iets aan het leren.', { exact: false }).waitFor();
    const sessions = (await readStore(page, 'sessions')) as { assignmentId: string | null; minutes: number; levelReached: string }[];
    expect(sessions.filter((s) => s.assignmentId === assignments[0]!.id)).toEqual([expect.objectContaining({ minutes: 40, levelReached: 'U' })]);
    expect(((await readStore(page, 'assignments')) as { id: string; status: string }[]).find((a) => a.id === assignments[0]!.id)!.status).toBe('reached');
    await page.getByRole('button', { name: 'Matrix' }).click();
    await page.getByLabel('Team').selectOption({ label: 'Montage & afwerking' });
    // Show only that skill's station, so its column is in view whatever the screen width.
    const skills = (await readStore(page, 'skills')) as { name: string; stationId: string }[];
    const stations = (await readStore(page, 'stations')) as { id: string; name: string }[];
    const station = stations.find((st) => st.id === skills.find((sk) => sk.name === daanSkill)!.stationId)!;
    await page.getByLabel('Station').selectOption({ label: station.name });
    await page.getByRole('gridcell', { name: `Daan Smit, ${daanSkill}: kan het zelfstandig (U), bevestigd` }).waitFor();
    await context.close();
  });
});
