import { describe, expect, it } from 'vitest';
import { browserAndCouch } from './couchHarness';
import { couch, startProxy } from '../integration/couchServer';
import { connectDevice, axeViolations, enrolmentCodeOf, letDeviceIn, openApp, openLeadScreen, readStore, setUpFirstLead, signInAs, type Page } from './chromium';

const env = browserAndCouch();

const connect = (page: Page, db: string, url = env.server.url) => connectDevice(page, url, db, { wait: false });

const names = async (page: Page) => ((await readStore(page, 'workers')) as { name: string }[]).map((w) => w.name);

describe('devices you can trust', () => {
  it('a lead lets devices in by their code and takes a lost phone out; what the phone makes afterwards counts nowhere', async () => {
    const dbName = 'devices-e2e';
    await couch(env.server.url, `/${dbName}`, { method: 'PUT' });
    // The phone reaches the server through a line that can be cut (no answer in flight gets through).
    const line = await startProxy(env.server.url);

    // The tablet that sets the company up is its first device.
    const first = await openApp(env.browser);
    await connect(first.page, dbName);
    await setUpFirstLead(first.page);

    // A second tablet and a phone connect: each waits, showing its code.
    const second = await openApp(env.browser);
    await connect(second.page, dbName);
    const secondCode = await enrolmentCodeOf(second.page);
    expect(await axeViolations(second.page)).toEqual([]);
    const phone = await openApp(env.browser, '/', { viewport: { width: 390, height: 844 } });
    await connect(phone.page, dbName, line.url);
    const phoneCode = await enrolmentCodeOf(phone.page);
    expect(phoneCode).not.toBe(secondCode);

    // The lead types each code on the first tablet; only on the phone will she choose her own PIN.
    await first.page.bringToFront();
    await letDeviceIn(first.page, secondCode, 'Tablet hal 2', { pinForMe: false });
    await letDeviceIn(first.page, phoneCode, 'Telefoon Sanne');
    expect(await axeViolations(first.page)).toEqual([]);

    // On the second tablet nobody may choose the lead's PIN: she was added elsewhere and did not ask for it here.
    await second.page.bringToFront();
    await second.page.getByRole('banner').getByRole('button', { name: 'Aanmelden' }).click();
    await second.page.getByRole('dialog', { name: 'Wie ben je? Tik op je naam.' }).getByRole('button', { name: 'Sanne de Groot', exact: true }).click();
    await second.page.getByRole('dialog', { name: 'Sanne de Groot' }).getByRole('alert').getByText('Je hebt op dit apparaat nog geen pincode. Vraag je teamleider', { exact: false }).waitFor();
    expect(await second.page.getByText('Kies een pincode van 4 tot 6 cijfers').count()).toBe(0);

    // On the phone she does, signs in and opens Mensen. Then the phone goes missing: offline, it
    // does not hear that the lead takes it out, and someone adds a person on it after that.
    await phone.page.bringToFront();
    await signInAs(phone.page, 'Sanne de Groot', '1357', { firstTime: true });
    await openLeadScreen(phone.page, 'Mensen');
    const add = phone.page.getByRole('button', { name: 'Persoon toevoegen' });
    await add.waitFor();
    line.cut();
    await phone.context.setOffline(true);
    await first.page.bringToFront();
    const phoneRow = first.page.getByRole('region', { name: 'Apparaten', exact: true }).getByRole('listitem').filter({ hasText: 'Telefoon Sanne' });
    await phoneRow.getByRole('button', { name: 'Intrekken' }).click();
    await first.page.getByRole('dialog', { name: 'Telefoon Sanne intrekken?' }).getByRole('button', { name: 'Intrekken' }).click();
    await phoneRow.getByText('Ingetrokken op').waitFor();
    await phone.page.bringToFront();
    await add.click();
    const dialog = phone.page.getByRole('dialog', { name: 'Persoon toevoegen' });
    await dialog.getByLabel('Naam').fill('Nep Collega');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await names(phone.page)).toContain('Nep Collega');

    // Back online, the phone sends it and learns it is out.
    await line.restore();
    await phone.context.setOffline(false);
    await phone.page.getByRole('heading', { name: 'Dit apparaat is ingetrokken' }).waitFor({ timeout: 60_000 });

    // The first tablet lists it as refused, with why; neither tablet has the person.
    await first.page.bringToFront();
    await openLeadScreen(first.page, 'Logboek');
    await first.page
      .getByRole('list', { name: 'Geweigerd' })
      .getByRole('listitem')
      .filter({ hasText: 'Gemaakt op een apparaat dat de teamleider toen al had ingetrokken.' })
      .waitFor({ timeout: 60_000 });
    expect(await names(first.page)).toEqual(['Sanne de Groot']);
    await expect.poll(async () => ((await readStore(second.page, 'refused')) as { code: string }[]).map((r) => r.code)).toEqual(['revoked']);
    expect(await names(second.page)).toEqual(['Sanne de Groot']);

    await Promise.all([first.context.close(), second.context.close(), phone.context.close()]);
    await line.close();
  });
});
