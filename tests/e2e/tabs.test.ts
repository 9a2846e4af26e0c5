import { describe, expect, it } from 'vitest';
import { couch } from '../integration/couchServer';
import { browserAndCouch } from './couchHarness';
import { baseUrl, openLeadScreen, setUpFirstLead, signInAs, openScreen } from './chromium';

const env = browserAndCouch();

describe('one tab syncs, another takes over', () => {
  it('a second tab waits for the first; when the first closes, it syncs its own changes', { timeout: 180_000 }, async () => {
    const dbName = 'tabs-e2e';
    await couch(env.server.url, `/${dbName}`, { method: 'PUT' });
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
    const first = await context.newPage();
    await first.goto(baseUrl());
    await openScreen(first, 'Instellingen');
    await first.getByLabel('Adres van de server').fill(env.server.url);
    await first.getByLabel('Database van het bedrijf').fill(dbName);
    await first.getByRole('button', { name: 'Koppelen', exact: true }).click();
    // The demo went with connecting: the company's first lead is set up in the first tab.
    await setUpFirstLead(first);
    await openScreen(first, 'Instellingen');
    await first.getByTestId('sync-status').getByText('Gekoppeld en bijgewerkt').waitFor({ timeout: 60_000 });

    const second = await context.newPage();
    await second.goto(`${baseUrl()}#/settings`);
    await second.getByTestId('sync-status').getByText('Gekoppeld: een ander tabblad in deze browser zet de gegevens gelijk').waitFor({ timeout: 60_000 });

    await first.close();
    await second.getByTestId('sync-status').getByText('Gekoppeld en bijgewerkt').waitFor({ timeout: 60_000 });
    // A change made in the second tab now goes to the server from there.
    await signInAs(second, 'Sanne de Groot', '2468');
    const before = (await couch(env.server.url, `/${dbName}/_all_docs`)).body.rows.length as number;
    await openLeadScreen(second, 'Mensen');
    await second.getByRole('button', { name: 'Team toevoegen' }).click();
    await second.getByRole('dialog').getByLabel('Naam van het team').fill('Nachtploeg');
    await second.getByRole('dialog').getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(async () => (await couch(env.server.url, `/${dbName}/_all_docs`)).body.rows.length, { timeout: 60_000 }).toBe(before + 1);
    await context.close();
  });
});
