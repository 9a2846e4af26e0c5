import { KEY_DOC_PREFIX } from '../../src/domain/privacy/keyDocument';
import { describe, expect, it } from 'vitest';
import { browserAndCouch } from './couchHarness';
import { couch, startProxy, wipeDatabase } from '../integration/couchServer';
import { axeViolations, enrolmentCodeOf, openApp, readStore, startOwnWorkshop, type Page, openScreen } from './chromium';

const env = browserAndCouch();

async function fillConnectForm(page: Page, url: string, db: string) {
  await openScreen(page, 'Instellingen');
  await page.getByLabel('Adres van de server').fill(url);
  await page.getByLabel('Database van het bedrijf').fill(db);
  await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
}

const upToDate = (page: Page) => page.getByTestId('sync-status').getByText('Gekoppeld en bijgewerkt').waitFor({ timeout: 60_000 });
const joinDialog = (page: Page) => page.getByRole('dialog', { name: 'Gegevens meenemen naar de server?' });

/** The ids of a device's shared events (everything but private wishes), from IndexedDB itself. */
async function deviceIds(page: Page): Promise<string[]> {
  const events = (await readStore(page, 'events')) as { id: string; type: string }[];
  return events
    .filter((e) => e.type !== 'wish.set')
    .map((e) => e.id)
    .sort();
}

/** The events on the server (people's keys are documents of their own beside them). */
async function serverIds(db: string): Promise<string[]> {
  const { body } = await couch(env.server.url, `/${db}/_all_docs`);
  return (body.rows as { id: string }[])
    .map((r) => r.id)
    .filter((id) => !id.startsWith(KEY_DOC_PREFIX))
    .sort();
}

describe('joining a company, and a server that lost everything', () => {
  // Waits on what the screens show; the budget covers the sync loop's backoff.
  it('asks before taking own data along (not for an untouched demo); after a wipe both devices refill the server and converge', { timeout: 300_000 }, async () => {
    const dbName = 'heal-e2e';
    await couch(env.server.url, `/${dbName}`, { method: 'PUT' });
    const proxy = await startProxy(env.server.url);

    // Device A: its own workshop (not the demo).
    const a = await openApp(env.browser);
    await startOwnWorkshop(a.page);
    const own = await deviceIds(a.page);
    expect(own.length).toBeGreaterThan(0);

    // Connecting asks first; "Annuleren" leaves everything as it was.
    await fillConnectForm(a.page, proxy.url, dbName);
    const dialog = joinDialog(a.page);
    await dialog.getByText('Wat op dit apparaat staat, gaat mee naar de server van het bedrijf').waitFor();
    expect(await axeViolations(a.page)).toEqual([]);
    const box = await dialog.getByRole('button', { name: 'Koppelen' }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await serverIds(dbName)).toEqual([]);
    expect(await a.page.getByTestId('sync-status').count()).toBe(0);
    // "Koppelen": its own events go to the server, none lost.
    await a.page.getByRole('button', { name: 'Koppelen', exact: true }).click();
    await dialog.getByRole('button', { name: 'Koppelen' }).click();
    await upToDate(a.page);
    expect(await serverIds(dbName)).toEqual(own);

    // Device B: an untouched demo, replaced without a question by the company's log; B then
    // asks to take part (its request is the one event of its own) and waits to be let in.
    const b = await openApp(env.browser);
    await fillConnectForm(b.page, proxy.url, dbName);
    await upToDate(b.page);
    expect(await joinDialog(b.page).count()).toBe(0);
    await enrolmentCodeOf(b.page);
    const request = ((await readStore(b.page, 'events')) as { id: string; type: string }[]).filter((e) => e.type === 'device.requested').map((e) => e.id);
    expect(request).toHaveLength(1);
    const company = [...own, ...request].sort();
    expect(await deviceIds(b.page)).toEqual(company);
    await expect.poll(() => serverIds(dbName)).toEqual(company);
    await expect.poll(() => deviceIds(a.page)).toEqual(company);

    // The server loses everything (the database deleted and created again while it was away).
    proxy.cut();
    await wipeDatabase(env.server.url, dbName);
    expect(await serverIds(dbName)).toEqual([]);
    await proxy.restore();
    for (const page of [a.page, b.page]) {
      await page.bringToFront();
      await page.getByTestId('sync-repaired').getByText('De server was leeg of vervangen').waitFor({ timeout: 90_000 });
      await upToDate(page);
    }
    expect(await serverIds(dbName)).toEqual(company);
    expect(await deviceIds(a.page)).toEqual(company);
    expect(await deviceIds(b.page)).toEqual(company);

    // "Controleren" on B finds nothing to do and says so.
    await b.page.getByRole('button', { name: 'Controleren' }).click();
    await b.page.getByTestId('sync-repaired').getByText('Gecontroleerd: 0 wijzigingen opnieuw verstuurd, 0 opgehaald.').waitFor();
    await upToDate(b.page);

    console.log(`self-heal e2e: ${company.length} events refilled by both devices after the wipe`);
    await a.context.close();
    await b.context.close();
    await proxy.close();
  });
});
