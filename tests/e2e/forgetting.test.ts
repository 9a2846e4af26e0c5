import { describe, expect, it } from 'vitest';
import { browserAndCouch } from './couchHarness';
import { couch } from '../integration/couchServer';
import { joinSecondTablet, ownWorkshopFromSheet, connectDevice, axeViolations, openApp, openLeadScreen, openScreen, readEverything, readLevels, readStore, signInAs, chooseLevel } from './chromium';

const env = browserAndCouch();
/** Long and unusual, so that finding it anywhere is never chance. */
const NAME = 'Jannigje Zwartkruis';
const NOTE = 'zaagt-altijd-secuur-vlak';

const serverDocs = async (db: string) => (await couch(env.server.url, `/${db}/_all_docs?include_docs=true`)).body.rows as { id: string; doc: unknown }[];

describe('forget me', () => {
  it('a lead forgets a person on one tablet: no trace on either tablet or on the server, the facts stay', { timeout: 300_000 }, async () => {
    const dbName = 'vergeten-e2e';
    await couch(env.server.url, `/${dbName}`, { method: 'PUT' });

    // Tablet A: the lead's own workshop, with Jannigje and Piet from a sheet, and a note on Jannigje's level.
    const a = await openApp(env.browser);
    await ownWorkshopFromSheet(a.page, `Naam;Team;Afkorten\r\n${NAME};Werkplaats;L\r\nPiet Bos;Werkplaats;O\r\n`);
    await openScreen(a.page, 'Matrix');
    await a.page.getByRole('gridcell', { name: new RegExp(`^${NAME}, Afkorten`) }).click();
    const picker = a.page.getByRole('dialog');
    await picker.getByLabel(/Opmerking/).fill(NOTE);
    await chooseLevel(a.page, 'kan het zelfstandig', picker);
    // Sealed in the log: the name and the note are readable on the screen, not in what is stored as events.
    expect(JSON.stringify(await readStore(a.page, 'events'))).not.toMatch(/Jannigje|zaagt-altijd/);
    await connectDevice(a.page, env.server.url, dbName, { joining: true });

    // Tablet B joins; the lead lets it in; it shows Jannigje.
    const b = await joinSecondTablet(env.browser, a.page, env.server.url, dbName);
    await openScreen(b.page, 'Matrix');
    await b.page.getByRole('gridcell', { name: new RegExp(`^${NAME}, Afkorten: kan het zelfstandig`) }).waitFor({ timeout: 60_000 });
    expect(await readEverything(b.page)).toContain(NAME); // the projection B shows from
    const keysBefore = (await serverDocs(dbName)).filter((r) => r.id.startsWith('personkey-')).length;
    expect(keysBefore).toBe(3);
    expect(JSON.stringify(await serverDocs(dbName))).not.toContain(NAME);

    // On A, the lead archives her and forgets her, after leaving.
    await a.page.bringToFront();
    await openLeadScreen(a.page, 'Mensen');
    await a.page.getByRole('button', { name: `${NAME} archiveren` }).click();
    await a.page.getByRole('checkbox', { name: 'Ook gearchiveerde tonen' }).check();
    await a.page.getByRole('button', { name: `${NAME} vergeten` }).click();
    const dialog = a.page.getByRole('dialog', { name: `${NAME} vergeten` });
    await dialog.getByText('blijft staan, zonder naam').waitFor();
    expect(await axeViolations(a.page)).toEqual([]);
    // Nothing is assumed: first the reason, then the tick.
    await dialog.getByRole('button', { name: 'Vergeten', exact: true }).click();
    await dialog.getByText('Kies eerst waarom.').waitFor();
    await dialog.getByRole('radio', { name: `${NAME} werkt hier niet meer` }).check();
    await dialog.getByRole('button', { name: 'Vergeten', exact: true }).click();
    await dialog.getByText('Zet eerst het vinkje.').waitFor();
    await dialog.getByRole('checkbox', { name: 'Ik begrijp dat dit niet terug kan' }).check();
    await dialog.getByRole('button', { name: 'Vergeten', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => a.page.evaluate(() => document.activeElement?.textContent)).toBe('Mensen');
    await a.page.getByRole('listitem').filter({ hasText: 'Oud-medewerker' }).filter({ hasText: 'vergeten' }).waitFor();

    // Nothing of her on A; the server's copy of her key goes; B takes the forgetting in.
    expect(await readEverything(a.page)).not.toMatch(/Jannigje|zaagt-altijd/);
    await expect.poll(async () => (await serverDocs(dbName)).filter((r) => r.id.startsWith('personkey-')).length, { timeout: 60_000 }).toBe(keysBefore - 1);
    expect(JSON.stringify(await serverDocs(dbName))).not.toMatch(/Jannigje|zaagt-altijd/);
    await b.page.bringToFront();
    await expect.poll(async () => /Jannigje|zaagt-altijd/.test(await readEverything(b.page)), { timeout: 60_000 }).toBe(false);

    // The facts stay: her level (U, now without its note) is still in B's levels; the Logboek says what happened, not who.
    expect((await readLevels(b.page)).filter((l) => l.level === 'U' && l.note === '')).toHaveLength(1);
    await signInAs(b.page, 'Sanne de Groot', '1357', { firstTime: true });
    await openLeadScreen(b.page, 'Logboek');
    await b.page.getByText('Oud-medewerker is vergeten, na vertrek').waitFor();
    await a.context.close();
    await b.context.close();
  });
});
