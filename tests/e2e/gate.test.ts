import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserAndCouch } from './couchHarness';
import { couch } from '../integration/couchServer';
import { axeViolations, openApp, openLeadScreen, readStore, setUpFirstLead, signInAs, type Page } from './chromium';

const env = browserAndCouch();

type Event = { id: string; type: string; at: string; actor: string | null; device: string; refs: string[]; payload: Record<string, unknown> };

const file = (name: string, text: string | Buffer) => ({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });

/** A stamp `minutes` after another, on the same device (the clock format of the log). */
const later = (at: string, minutes: number) => `${String(Number(at.slice(0, 15)) + minutes * 60_000).padStart(15, '0')}${at.slice(15)}`;

async function makeBackup(page: Page): Promise<{ events: Event[] } & Record<string, unknown>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Reservekopie maken' }).click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

describe('the gate: every file and message checked, bounded, refused with a reason', () => {
  it('refuses a file beyond its limit, an old or forged backup and a huge qualification, naming why; nothing changes', async () => {
    const { page, context } = await openApp(env.browser);
    await signInAs(page, 'Kees Veerman', '1234');
    await openLeadScreen(page, 'Gegevens');
    const restore = page.getByLabel('Reservekopie terugzetten (vervangt alles op deze tablet)');
    const backup = await makeBackup(page);
    const before = (await readStore(page, 'events')).length;
    const refusal = async (f: ReturnType<typeof file>, message: string | RegExp) => {
      await restore.setInputFiles(f);
      await page.getByRole('alert').filter({ hasText: message }).waitFor();
      expect(await page.getByRole('dialog', { name: 'Reservekopie terugzetten?' }).count()).toBe(0);
    };

    await refusal(file('oud.json', JSON.stringify({ ...backup, version: 0 })), 'Dit bestand is geen reservekopie van Vaardig.');
    // A worker's own claim turned into a confirmation by themselves.
    const claim = backup.events.find((e) => e.type === 'level.set' && e.payload.status === 'claimed')!;
    const own = { ...claim, id: `${claim.id.slice(0, -4)}beef`, at: later(backup.events.at(-1)!.at, 1), payload: { ...claim.payload, status: 'confirmed' } };
    const ownAt = backup.events.length + 1;
    await refusal(file('eigen.json', JSON.stringify({ ...backup, events: [...backup.events, own] })), `Wijziging ${ownAt} klopt niet. Dit mag niemand voor zichzelf doen.`);
    // An event by someone the workshop never had.
    const ghost = { ...own, id: `${claim.id.slice(0, -4)}dead`, actor: 'iemand-anders' };
    await refusal(file('spook.json', JSON.stringify({ ...backup, events: [...backup.events, ghost] })), 'Gedaan door iemand die toen niet bekend was.');
    expect(await axeViolations(page)).toEqual([]);

    // A qualification file with far more work processes than any qualification has.
    await page.getByRole('banner').getByRole('button', { name: 'Beheer' }).click();
    await page.getByRole('button', { name: /^Certificaten\b/ }).click();
    const werkprocessen = Array.from({ length: 40 }, (_, k) => ({
      code: `B1-K${k + 1}`,
      title: `Kerntaak ${k + 1}`,
      werkprocessen: Array.from({ length: 10 }, (_, w) => ({ code: `B1-K${k + 1}-W${w + 1}`, title: `Werk ${w + 1}` })),
    }));
    const qualification = { crebo: '12345', title: 'Te groot', niveau: 2, version: '2026-01-01', parts: [{ code: 'B1', kind: 'basis', title: 'Basis', kerntaken: werkprocessen }] };
    await page.getByLabel('Kwalificatie inlezen (JSON of CSV)').setInputFiles(file('enorm.json', Buffer.alloc(11 * 2 ** 20, 32)));
    await page.getByText('Dit bestand is te groot. Een bestand mag hoogstens 10 MB zijn.', { exact: false }).waitFor();
    await page.getByLabel('Kwalificatie inlezen (JSON of CSV)').setInputFiles(file('groot.json', JSON.stringify(qualification)));
    await page.getByText('Dit bestand is te groot voor één kwalificatie: hoogstens 200 werkprocessen, en alle tekst samen hoogstens 256 kB.', { exact: false }).waitFor();
    expect((await readStore(page, 'events')).length).toBe(before);
    expect(await readStore(page, 'refused')).toEqual([]);
    await context.close();
  });

  it('forged and far-future messages from the server are refused, counted, and listed in the log with why', { timeout: 180_000 }, async () => {
    const dbName = 'gate-e2e';
    await couch(env.server.url, `/${dbName}`, { method: 'PUT' });
    const { page, context } = await openApp(env.browser);
    await page.getByRole('button', { name: 'Instellingen' }).click();
    await page.getByLabel('Adres van de server').fill(env.server.url);
    await page.getByLabel('Database van het bedrijf').fill(dbName);
    await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
    // Connecting drops the demo: this device starts as the company's first tablet.
    await setUpFirstLead(page);
    const team = ((await readStore(page, 'teams')) as { id: string }[])[0]!.id;
    const now = Date.now();
    const stamp = (wall: number) => `${String(wall).padStart(15, '0')}:00000:telefoon`;
    const forged = [
      { _id: 'vals-0000-0001', type: 'worker.created', at: stamp(now), actor: 'iemand-anders', device: 'telefoon', refs: [], payload: { id: 'baas-1', name: 'Nep Baas', teamId: team, role: 'lead' } },
      { _id: 'vals-0000-0002', type: 'team.created', at: stamp(Date.UTC(2099, 0, 1)), actor: null, device: 'telefoon', refs: [], payload: { id: 'toekomst', name: 'Toekomst' } },
    ].map(({ _id, ...e }) => ({ _id, id: _id, ...e }));
    await couch(env.server.url, `/${dbName}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs: forged }) });
    await page.getByRole('button', { name: 'Instellingen' }).click();
    await page.getByTestId('sync-status').getByText('2 wijzigingen zijn geweigerd. In het logboek staat waarom.').waitFor({ timeout: 120_000 });
    await page.getByTestId('sync-status').getByText('Gekoppeld en bijgewerkt').waitFor();
    await openLeadScreen(page, 'Logboek');
    const refused = page.getByRole('list', { name: 'Geweigerd' });
    await refused.getByRole('listitem').filter({ hasText: 'Gedaan door iemand die toen niet bekend was.' }).waitFor();
    await refused.getByRole('listitem').filter({ hasText: 'meer dan 7 dagen in de toekomst' }).waitFor();
    expect(await refused.getByRole('listitem').filter({ hasText: 'apparaat telefoon' }).count()).toBe(2);
    expect(((await readStore(page, 'workers')) as { name: string }[]).map((w) => w.name)).toEqual(['Sanne de Groot']);
    expect(await axeViolations(page)).toEqual([]);

    // A tablet whose clock is a month behind joins: the company's data looks like the future to
    // it. It must not offer to set up a lead of its own (that would be stamped before the company).
    const slow = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
    await slow.addInitScript(() => {
      const real = Date.now.bind(Date);
      Date.now = () => real() - 30 * 86_400_000;
    });
    const tablet = await slow.newPage();
    await tablet.goto(page.url().replace(/#.*$/, ''));
    await tablet.getByRole('button', { name: 'Instellingen' }).click();
    await tablet.getByLabel('Adres van de server').fill(env.server.url);
    await tablet.getByLabel('Database van het bedrijf').fill(dbName);
    await tablet.getByRole('button', { name: 'Koppelen', exact: true }).click();
    await tablet.getByText('Waarschijnlijk loopt de klok van dit apparaat achter.', { exact: false }).waitFor({ timeout: 60_000 });
    expect(await tablet.getByLabel('Jouw naam').count()).toBe(0);
    expect(await axeViolations(tablet)).toEqual([]);
    await slow.close();
    await context.close();
  });
});
