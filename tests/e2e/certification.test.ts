import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { base58 } from '@scure/base';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { openBadgesSchema } from '../standards';
import { pdfPagesText } from '../integration/pdfText';
import { browserForFile, axeViolations, openApp, signInAs, openLeadScreen, openScreen } from './chromium';

const env = browserForFile();

const schema = openBadgesSchema();
const ajv = new Ajv2019({ strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

describe('MBO evidence on the production build', () => {
  it('maps a skill, and exports a portfolio, Open Badges and CSV only after the worker consents', async () => {
    const { page, context } = await openApp(env.browser);
    await signInAs(page, 'Jan de Vries', '1111', { firstTime: true });
    await openScreen(page, 'Mijn vaardigheden');
    await page.getByRole('heading', { name: 'Op weg naar je certificaat: Machinaal houtbewerker (voorbeeld)' }).waitFor();
    await page.getByText(/\d van de 6 onderdelen laten zien — nog nodig: /).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();

    await signInAs(page, 'Kees Veerman', '1234');
    await openLeadScreen(page, 'Certificaten');
    await page.getByLabel('Kwalificatie', { exact: true }).selectOption({ index: 1 });
    await page.getByText('Dit is een voorbeeld: de codes en het crebonummer zijn verzonnen.', { exact: false }).waitFor();
    // The company's numbers for the portfolio: checked, then saved.
    await page.getByLabel('KvK-nummer', { exact: true }).fill('1234567');
    await page.getByLabel('Leerbedrijf-ID bij SBB (cijfers)').fill('100012345');
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await page.getByText('Een KvK-nummer heeft 8 cijfers.').waitFor();
    await page.getByLabel('KvK-nummer', { exact: true }).fill('1234 5678');
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
    await expect.poll(() => page.getByLabel('KvK-nummer', { exact: true }).inputValue()).toBe('12345678');
    // One checkbox per person, each with its own name.
    const targets = await page.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.getAttribute('aria-label')));
    expect(targets.length).toBeGreaterThan(1);
    expect(new Set(targets).size).toBe(targets.length);
    expect(targets).toContain('Jan de Vries werkt hieraan: Machinaal houtbewerker');
    // Link a skill to W6 as a draft, then approve it.
    await page.getByLabel('Vaardigheid voor B1-K1-W6').selectOption({ label: 'Spuitcabine onderhouden' });
    await page.locator('section.werkproces', { hasText: 'B1-K1-W6' }).getByRole('button', { name: 'Koppelen', exact: true }).click();
    await page.getByRole('button', { name: 'Goedkeuren: Spuitcabine onderhouden bij B1-K1-W6' }).click();
    await page.locator('section.werkproces', { hasText: 'B1-K1-W6' }).getByText('goedgekeurd').nth(1).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Bewijs van Jan de Vries' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bewijs van Jan de Vries' });
    await dialog.getByText('Het bewijs van Jan de Vries gaat alleen naar buiten met toestemming van Jan de Vries.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Portfolio (PDF)' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Toestemming vragen' }).click();
    await dialog.getByLabel('Wie krijgt het?').fill('Stichting OOM');
    await dialog.getByLabel('Waarvoor?').fill('praktijkverklaring');
    await dialog.getByText('Jan de Vries, tik je pincode om toestemming te geven').click();
    await page.keyboard.type('1111');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog
      .getByTestId('consent')
      .getByText(/Toestemming: naar Stichting OOM, voor praktijkverklaring/)
      .waitFor();

    const [pdf] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Portfolio (PDF)' }).click()]);
    expect(pdf.suggestedFilename()).toBe('vaardig-jan-de-vries-99998-portfolio.pdf');
    const text = (await pdfPagesText(readFileSync((await pdf.path())!))).join('\n');
    expect(text).toContain('Naam: Jan de Vries');
    expect(text).toContain('B1-K1-W1 Productie voorbereiden');
    expect(text).toContain('Spuitcabine onderhouden');
    expect(text).toContain('KvK-nummer: 12345678. Leerbedrijf-ID (SBB): 100012345.');
    expect(text).toContain('Praktijkopleider: Kees Veerman, teamleider');
    expect(text).toMatch(/Gemaakt met toestemming van Jan de Vries, voor Stichting OOM \(doel: praktijkverklaring\)/);

    // Signed badges: one VC-JWT per file, in a zip; each credential passes the 1EdTech schema.
    const [badges] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Open Badges (ondertekend, zip)' }).click()]);
    expect(badges.suggestedFilename()).toBe('vaardig-jan-de-vries-99998-open-badges.zip');
    const files = unzipSync(new Uint8Array(readFileSync((await badges.path())!)));
    const jwts = Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)] as const);
    expect(jwts.length).toBeGreaterThan(0);
    for (const [name, jwt] of jwts) {
      expect(name).toMatch(/\.jwt$/);
      const { iss: _i, jti: _j, nbf: _n, exp: _e, ...credential } = decodeJwt(jwt);
      expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
    }

    const [csv] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Overzicht (CSV)' }).click()]);
    const sheet = readFileSync((await csv.path())!, 'utf8');
    expect(sheet.startsWith('\uFEFFWerkproces;Omschrijving;Stand;')).toBe(true);
    expect(sheet).toContain('B1-K1-W6;Onderhoud van apparatuur;');

    // Bewijs controleren: the genuine credential holds; one changed letter does not.
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    const verify = page.getByRole('region', { name: 'Bewijs controleren' });
    const [name, jwt] = jwts[0]!;
    const asFile = (text: string) => ({ name, mimeType: 'application/jwt', buffer: Buffer.from(text) });
    await verify.getByLabel('Bewijsstuk openen').setInputFiles(asFile(jwt));
    await verify.getByRole('status').filter({ hasText: 'Echt en geldig. Uitgegeven door een apparaat van dit bedrijf: Eerste apparaat.' }).waitFor();
    await verify.getByRole('status').filter({ hasText: 'Jan de Vries' }).waitFor();
    const at = jwt.indexOf('.') + 20;
    await verify.getByLabel('Bewijsstuk openen').setInputFiles(asFile(jwt.slice(0, at) + (jwt[at] === 'A' ? 'B' : 'A') + jwt.slice(at + 1)));
    await verify.getByRole('status').filter({ hasText: 'Niet echt' }).waitFor();
    // Signed with a key of one's own, for another person: the signature holds, but the key is no device of this company.
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const raw = Buffer.from((await exportJWK(publicKey)).x!, 'base64url');
    const y = Buffer.from((await exportJWK(publicKey)).y!, 'base64url');
    const did = `did:key:z${base58.encode(Uint8Array.from([0x80, 0x24, y[31]! % 2 === 0 ? 2 : 3, ...raw]))}`;
    const forged = { ...decodeJwt(jwt), iss: did, issuer: { id: did, type: ['Profile'], name: 'Timmerfabriek Veerman (voorbeeld)' } };
    const forgedJwt = await new SignJWT(forged).setProtectedHeader({ alg: 'ES256', typ: 'vc+jwt', kid: `${did}#${did.slice(8)}` }).sign(privateKey);
    await verify.getByLabel('Bewijsstuk openen').setInputFiles(asFile(forgedJwt));
    await verify.getByRole('status').filter({ hasText: 'Pas op: de handtekening klopt, maar de sleutel is niet van een apparaat van dit bedrijf.' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('the fund report: a KvK number that is not 8 digits is refused; the CSV and PDF carry company, KvK, period, the table and how it was counted', async () => {
    const { page, context } = await openApp(env.browser);
    await signInAs(page, 'Kees Veerman', '1234');
    await openLeadScreen(page, 'Certificaten');
    const kvk = page.getByLabel('KvK-nummer', { exact: true });
    await kvk.fill('1234');
    await page.locator('form', { has: kvk }).getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Een KvK-nummer heeft 8 cijfers.').waitFor();
    await kvk.fill('1234 5678');
    await page.locator('form', { has: kvk }).getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Een KvK-nummer heeft 8 cijfers.').waitFor({ state: 'detached' });
    await expect.poll(() => kvk.inputValue()).toBe('12345678');

    await page.getByLabel('Kwalificatie', { exact: true }).selectOption({ index: 1 });
    const fund = page.locator('section[aria-labelledby="fund-title"]');
    const from = fund.getByLabel('Van');
    const to = fund.getByLabel('Tot en met');
    // A period that runs backwards cannot be reported.
    const today = await to.inputValue();
    await from.fill('2999-01-01');
    await fund.getByText('De begindatum mag niet na de einddatum liggen.', { exact: false }).waitFor();
    expect(await fund.getByRole('button', { name: 'Rapport (CSV)' }).isDisabled()).toBe(true);
    // The demo's past: its twelve weeks of confirmations and coaching, and the setup before them.
    const start = new Date(Date.parse(today) - 100 * 86_400_000).toISOString().slice(0, 10);
    await from.fill(start);

    const [csv] = await Promise.all([page.waitForEvent('download'), fund.getByRole('button', { name: 'Rapport (CSV)' }).click()]);
    const sheet = readFileSync((await csv.path())!, 'utf8');
    expect(sheet).toContain('Bedrijf;Timmerfabriek Veerman (voorbeeld)');
    expect(sheet).toContain('KvK-nummer;12345678');
    expect(sheet).toMatch(/Periode;\d{1,2} \w+ \d{4} tot en met \d{1,2} \w+ \d{4}/);
    expect(sheet).toContain('Groep;Mensen in het team;Deelnemers;Bevestigde vaardigheden;Uren collega-coaching;Werkprocessen laten zien');
    expect(sheet).toContain('Machinale afdeling;7;6;');
    expect(sheet).toContain('Hoe is geteld');
    expect(sheet).toContain('Niveau I en L tellen niet mee.');

    const [pdf] = await Promise.all([page.waitForEvent('download'), fund.getByRole('button', { name: 'Rapport (PDF)' }).click()]);
    const text = (await pdfPagesText(readFileSync((await pdf.path())!))).join('\n');
    expect(text).toContain('KvK-nummer: 12345678');
    expect(text).toContain('Hoe is geteld');
    expect(text).toMatch(/Gemaakt op: \d{1,2} \w+ \d{4}/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('a qualification file: a refused file clears "ingelezen" and says where the problem is', async () => {
    const { page, context } = await openApp(env.browser);
    await signInAs(page, 'Kees Veerman', '1234');
    await openLeadScreen(page, 'Certificaten');
    const input = page.getByLabel('Kwalificatie inlezen (JSON of CSV)');
    const file = (name: string, text: string) => ({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json', buffer: Buffer.from(text) });
    const header = 'crebo;titel;niveau;versie;deel;soort;deeltitel;kerntaak;kerntaaktitel;werkproces;werkprocestitel;omschrijving';
    const row = (kerntaak: string, code: string, title: string, description = '') =>
      ['12345', 'Operator', '2', '2026-08-01', 'B1', 'basis', 'Basis', kerntaak, 'Produceren', code, title, description].join(';');

    await input.setInputFiles(file('goed.csv', [header, row('B1-K1', 'B1-K1-W1', 'Voorbereiden'), row('B1-K1', 'B1-K1-W2', 'Bedienen')].join('\r\n')));
    await page.getByRole('status').filter({ hasText: 'Kwalificatie ingelezen' }).waitFor();
    await input.setInputFiles(file('kapot.json', '{\n  "crebo": "12345",\n  "title" "Operator"\n}'));
    const problems = page.getByRole('alert').filter({ hasText: 'Dit bestand kan niet ingelezen worden:' });
    await problems.getByText('Regel 3 Dit is geen geldig JSON-bestand: op deze regel klopt teken 11 niet.').waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'ingelezen' }).count()).toBe(0);

    // The second B1-K1-W1 is on line 5: the description above it runs over two lines.
    const twice = [header, row('B1-K1', 'B1-K1-W1', 'Voorbereiden', '"Twee\nregels"'), row('B1-K1', 'B1-K1-W2', 'Bedienen'), row('B1-K1', 'B1-K1-W1', 'Nog een keer')].join('\r\n');
    await input.setInputFiles(file('dubbel.csv', twice));
    await problems.getByText('Regel 5 kolom werkproces: Werkproces B1-K1-W1 staat er twee keer in.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
