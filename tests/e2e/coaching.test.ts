import { describe, expect, it } from 'vitest';
import { localDay } from '../../src/domain/dates';
import { browserForFile, planFromAttention, axeViolations, openApp, readStore, signInAs, openLeadScreen, openScreen, type Page } from './chromium';

const env = browserForFile();

describe('plan the week and record coaching', () => {
  it('the lead plans, accepts; a coach records a session; the matrix and the board update', async () => {
    const { page, context } = await openApp(env.browser);
    // Daan chooses his PIN first (he will confirm the session with it).
    await signInAs(page, 'Daan Smit', '1470', { firstTime: true });
    await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();

    await signInAs(page, 'Kees Veerman', '1234');
    await openLeadScreen(page, 'Plan de week');
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Montage & afwerking' });
    await page.getByRole('button', { name: 'Maak een voorstel' }).click();
    const list = page.locator('.plan-list');
    await list
      .getByText(/coach: /)
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const lines = await list.locator('li .item-name').allInnerTexts();
    expect(lines.length).toBeGreaterThan(0);
    // Every suggestion explains itself: the skill's gap (how many can do it, how many are needed) and the coach.
    for (const line of lines) {
      const [, who, what] = line.match(/^(.+) leert (.+)$/m)!;
      expect(line, who).toMatch(
        new RegExp(`\\n${what!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ((niemand kan het|maar 1 persoon kan het|\\d+ mensen kunnen het), \\d+ nodig|al genoeg mensen \\(\\d+\\)).*coach: `, 's'),
      );
    }
    // One line above the plan says which gaps it closes.
    await expect.poll(() => page.locator('.plan-summary').innerText()).toMatch(/^(Dit plan dicht \d+ van de \d+ gaten: .+\.|Er zijn \d+ gaten: .+)/);
    // Keep only Daan's suggestion, so the test knows what is stored.
    const daan = lines.findIndex((l) => l.startsWith('Daan Smit leert'));
    expect(daan).toBeGreaterThanOrEqual(0);
    const daanSkill = lines[daan]!.match(/^Daan Smit leert (.+)$/m)![1]!;
    for (const line of lines.filter((l) => !l.startsWith('Daan Smit'))) {
      const [, who, what] = line.match(/^(.+) leert (.+)$/m)!;
      await page.getByRole('button', { name: `Weghalen: ${who}, ${what}` }).click();
    }
    // The demo has assignments of its own (reached ones, and a plan running now): the new one is what was saved here.
    const known = new Set(((await readStore(page, 'assignments')) as { id: string }[]).map((a) => a.id));
    await page.getByRole('button', { name: 'Opslaan (1)' }).click();
    await page.getByRole('heading', { name: 'Wie leert wat, van wie' }).waitFor();
    const assignments = ((await readStore(page, 'assignments')) as { id: string; workerId: string; coachId: string; status: string }[]).filter((a) => !known.has(a.id));
    expect(assignments).toHaveLength(1);
    expect(assignments[0]!.status).toBe('open');
    const workers = (await readStore(page, 'workers')) as { id: string; name: string }[];
    const coachName = workers.find((w) => w.id === assignments[0]!.coachId)!.name;
    // One sentence: who learns what from whom, under its status, with the due date in Dutch words.
    const board = page.getByRole('region', { name: 'Nog niet begonnen' });
    await board.getByText(`Daan Smit leert ${daanSkill} van ${coachName}`).waitFor();
    expect(await board.getByRole('listitem').filter({ hasText: 'Daan Smit leert' }).innerText()).toMatch(/Klaar op \w+dag \d{1,2} \w+ \d{4}/);

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

    await page.getByText(`Daan Smit leert ${daanSkill} van ${coachName}`).waitFor({ state: 'detached' });
    const sessions = (await readStore(page, 'sessions')) as { assignmentId: string | null; minutes: number; levelReached: string }[];
    expect(sessions.filter((s) => s.assignmentId === assignments[0]!.id)).toEqual([expect.objectContaining({ minutes: 40, levelReached: 'U' })]);
    expect(((await readStore(page, 'assignments')) as { id: string; status: string }[]).find((a) => a.id === assignments[0]!.id)!.status).toBe('reached');
    await openScreen(page, 'Matrix');
    await page.getByLabel('Team').selectOption({ label: 'Montage & afwerking' });
    // Show only that skill's station, so its column is in view whatever the screen width.
    const skills = (await readStore(page, 'skills')) as { name: string; stationId: string }[];
    const stations = (await readStore(page, 'stations')) as { id: string; name: string }[];
    const station = stations.find((st) => st.id === skills.find((sk) => sk.name === daanSkill)!.stationId)!;
    await page.getByLabel('Station').selectOption({ label: station.name });
    await page.getByRole('gridcell', { name: `Daan Smit, ${daanSkill}: kan het zelfstandig (U), bevestigd` }).waitFor();
    await context.close();
  });

  /** The lead plans someone without a PIN from an attention point, with a coach other than the lead; returns who learns what from whom. */
  async function planSomeoneWithoutPin(page: Page) {
    await signInAs(page, 'Kees Veerman', '1234');
    // Signed in from the overview, the lead lands on the claims waiting; planFromAttention goes to the matrix.
    const planned = await planFromAttention(page);
    await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();
    return planned;
  }

  it('the form is checked before any PIN; a learner without a PIN chooses one in the session, and all that was typed is saved', async () => {
    const { page, context } = await openApp(env.browser);
    const { learner, skill, coach } = await planSomeoneWithoutPin(page);
    await signInAs(page, coach, '9753', { firstTime: true });
    await page.evaluate(() => (location.hash = '#/board'));
    await page.getByRole('button', { name: `Samen geoefend: ${learner}, ${skill}` }).click();
    const dialog = page.getByRole('dialog', { name: `${learner} — ${skill}` });
    const next = dialog.getByRole('button', { name: `Verder: ${learner} bevestigt` });

    // Wrong minutes and a day still to come: both said at their field, and no PIN pad yet.
    await dialog.getByLabel('Datum').fill('2099-01-01');
    await dialog.getByLabel('Hoeveel minuten?').fill('veertig');
    await dialog.getByLabel('Wat hebben jullie geoefend? (mag leeg)').fill('samen schaven en meten');
    await dialog.getByLabel('Niveau bereikt').selectOption('L');
    await next.click();
    await dialog.getByText('Vul een getal in.').waitFor();
    await dialog.getByText('Deze dag is nog niet geweest. Kies vandaag of een dag eerder.').waitFor();
    expect(await dialog.getByRole('group').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // Corrected, a field's message goes at once; the other stays until it is corrected too.
    await dialog.getByLabel('Hoeveel minuten?').fill('0');
    await next.click();
    await dialog.getByText('Kies een getal van 1 tot 600.').waitFor();
    await dialog.getByLabel('Hoeveel minuten?').fill('40');
    expect(await dialog.getByText('Kies een getal van 1 tot 600.').count()).toBe(0);
    await dialog.getByText('Deze dag is nog niet geweest. Kies vandaag of een dag eerder.').waitFor();
    await dialog.getByLabel('Datum').fill(localDay(Date.now()));
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await next.click();

    // The learner has no PIN here and may choose one (they were added on this device).
    await dialog.getByText(`${learner} heeft op dit apparaat nog geen pincode. ${learner}, kies nu je eigen pincode.`, { exact: false }).waitFor();
    await dialog.getByText('Kies een pincode van 4 tot 6 cijfers').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Back to the form: everything is still as typed.
    await dialog.getByRole('button', { name: 'Terug' }).click();
    expect(await dialog.getByLabel('Hoeveel minuten?').inputValue()).toBe('40');
    expect(await dialog.getByLabel('Wat hebben jullie geoefend? (mag leeg)').inputValue()).toBe('samen schaven en meten');
    expect(await dialog.getByLabel('Niveau bereikt').inputValue()).toBe('L');
    await next.click();
    await dialog.getByText('Kies een pincode van 4 tot 6 cijfers').waitFor();
    await page.keyboard.type('2580');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.getByText('Tik dezelfde pincode nog een keer').waitFor();
    await page.keyboard.type('2580');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The demo has a past of sessions: the new one is the one with what was typed here.
    const sessions = (await readStore(page, 'sessions')) as { minutes: number; practised: string; levelReached: string; date: string }[];
    expect(sessions.filter((s) => s.practised === 'samen schaven en meten')).toEqual([expect.objectContaining({ minutes: 40, levelReached: 'L', date: localDay(Date.now()) })]);
    const workers = (await readStore(page, 'workers')) as { id: string; name: string }[];
    const credentials = (await readStore(page, 'credentials')) as { workerId: string }[];
    expect(credentials.map((c) => c.workerId)).toContain(workers.find((w) => w.name === learner)!.id);
    // The PIN chosen is the learner's from now on.
    await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();
    await signInAs(page, learner, '2580');
    await context.close();
  });
});
