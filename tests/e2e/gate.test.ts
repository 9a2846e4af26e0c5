import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserAndCouch } from './couchHarness';
import { couch } from '../integration/couchServer';
import { eventOf, makeDevice, sign } from '../integration/testDevices';
import { contentHash, type EventContent } from '../../src/domain/identity/eventIdentity';
import { axeViolations, openApp, openLeadScreen, readStore, setUpFirstLead, signInAs, type Page, openScreen } from './chromium';

const env = browserAndCouch();

type Event = { id: string; type: string; at: string; actor: string | null; device: string; refs: string[]; payload: Record<string, unknown>; key?: string; sig?: string };

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
    // A worker's own claim turned into a confirmation by themselves, in a signed backup: the
    // event no longer is what its id (its content's hash) says…
    const claimAt = backup.events.findIndex((e) => e.type === 'level.set' && e.payload.status === 'claimed');
    const claim = backup.events[claimAt]!;
    const confirmed = { ...claim.payload, status: 'confirmed' };
    const changed = backup.events.map((e, i) => (i === claimAt ? { ...e, payload: confirmed } : e));
    await refusal(file('eigen.json', JSON.stringify({ ...backup, events: changed })), `Wijziging ${claimAt + 1} klopt niet. Deze wijziging is veranderd nadat ze gemaakt is.`);
    // …and named by its new hash, its device's signature does not fit it.
    const { id: _id, sig, ...content } = { ...claim, payload: confirmed };
    const renamed = backup.events.map((e, i) => (i === claimAt ? { id: contentHash(content as EventContent), ...content, sig } : e));
    await refusal(
      file('nagemaakt.json', JSON.stringify({ ...backup, events: renamed })),
      `Wijziging ${claimAt + 1} klopt niet. De handtekening past niet bij deze wijziging: ze is veranderd of nagemaakt.`,
    );
    // A backup from before events were signed is taken on by this device, and what it says is
    // judged by the rules: a confirmation by the worker themselves…
    const unsigned = ({ key: _key, sig: _sig, ...e }: Event) => e;
    const old = backup.events.filter((e) => !e.type.startsWith('device.')).map(unsigned);
    const own = { ...unsigned(claim), id: `${claim.id.slice(0, 20)}beef`, at: later(old.at(-1)!.at, 1), payload: confirmed };
    await refusal(file('eigen-oud.json', JSON.stringify({ ...backup, events: [...old, own] })), `Wijziging ${old.length + 1} klopt niet. Dit mag niemand voor zichzelf doen.`);
    // …and an event by someone the workshop never had.
    const ghost = { ...own, id: `${claim.id.slice(0, 20)}dead`, actor: 'iemand-anders' };
    await refusal(file('spook-oud.json', JSON.stringify({ ...backup, events: [...old, ghost] })), 'Gedaan door iemand die toen niet bekend was.');
    expect(await axeViolations(page)).toEqual([]);

    // A qualification file with far more work processes than any qualification has.
    await openScreen(page, 'Beheer');
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
    await openScreen(page, 'Instellingen');
    await page.getByLabel('Adres van de server').fill(env.server.url);
    await page.getByLabel('Database van het bedrijf').fill(dbName);
    await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
    // Connecting drops the demo: this device starts as the company's first tablet.
    await setUpFirstLead(page);
    const team = ((await readStore(page, 'teams')) as { id: string }[])[0]!.id;
    // A phone nobody let in writes with a key of its own: signed, but not by a device of the company.
    const phone = await makeDevice('telefoon');
    const now = Date.now();
    const forged = await sign(
      [phone],
      [
        eventOf(phone, 'worker.created', { id: 'baas-1', name: 'Nep Baas', teamId: team, role: 'lead' }, 'iemand-anders', { wall: now, counter: 0 }),
        eventOf(phone, 'team.created', { id: 'toekomst', name: 'Toekomst' }, null, { wall: Date.UTC(2099, 0, 1), counter: 0 }),
      ],
    );
    // And one signed by nobody at all.
    const bare = eventOf(phone, 'team.created', { id: 'kaal', name: 'Kaal' }, null, { wall: now, counter: 1 });
    const { key: _key, ...unsignedContent } = bare;
    const unsigned = { ...unsignedContent, id: contentHash(unsignedContent as EventContent) };
    await couch(env.server.url, `/${dbName}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs: [...forged, unsigned].map((e) => ({ _id: e.id, ...e })) }) });
    await openScreen(page, 'Instellingen');
    await page.getByTestId('sync-status').getByText('3 wijzigingen zijn geweigerd. In het logboek staat waarom.').waitFor({ timeout: 120_000 });
    await page.getByTestId('sync-status').getByText('Gekoppeld en bijgewerkt').waitFor();
    await openLeadScreen(page, 'Logboek');
    const refused = page.getByRole('list', { name: 'Geweigerd' });
    await refused.getByRole('listitem').filter({ hasText: 'Gemaakt op een apparaat dat (toen) niet mee mocht doen.' }).waitFor();
    await refused.getByRole('listitem').filter({ hasText: 'meer dan 7 dagen in de toekomst' }).waitFor();
    await refused.getByRole('listitem').filter({ hasText: 'Deze wijziging is niet ondertekend door een apparaat.' }).waitFor();
    expect(await refused.getByRole('listitem').filter({ hasText: 'apparaat telefoon' }).count()).toBe(3);
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
    await openScreen(tablet, 'Instellingen');
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
