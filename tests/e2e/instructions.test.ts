import { describe, expect, inject, it } from 'vitest';
import { browserForFile, planFromAttention, axeViolations, openApp, openLeadScreen, openScreen, readStore, signInAs, type Page } from './chromium';

const env = browserForFile();

/** A camera-like photo: 3000 × 2000 pixels of noise and shapes (hard to compress), as a PNG made in the page. */
async function cameraPhoto(page: Page, start = 7): Promise<Buffer> {
  const base64 = await page.evaluate((start) => {
    const canvas = document.createElement('canvas');
    canvas.width = 3000;
    canvas.height = 2000;
    const g = canvas.getContext('2d')!;
    const image = g.createImageData(3000, 2000);
    let seed = start;
    for (let i = 0; i < image.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      image.data[i] = ((i / 4) % 3000) / 12 + (seed % 40);
      image.data[i + 1] = 120 + (seed % 60);
      image.data[i + 2] = Math.floor(i / 12000) % 255;
      image.data[i + 3] = 255;
    }
    g.putImageData(image, 0, 0);
    g.fillStyle = '#1d4ed8';
    g.fillRect(400, 400, 1200, 800);
    return canvas.toDataURL('image/png').split(',')[1]!;
  }, start);
  return Buffer.from(base64, 'base64');
}

/**
 * A phone's JPEG: the camera photo as JPEG with an EXIF block that holds a location, the way a
 * phone writes one (a minimal TIFF directory, then the coordinates as text for the test to find).
 */
async function jpegWithLocation(page: Page, start: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    async (png) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer());
      let text = '';
      for (const b of bytes) text += String.fromCharCode(b);
      return btoa(text);
    },
    (await cameraPhoto(page, start)).toString('base64'),
  );
  const jpeg = Buffer.from(base64, 'base64');
  const exif = Buffer.concat([Buffer.from('Exif\0\0MM\0\x2a\0\0\0\x08\0\0\0\0\0\0', 'latin1'), Buffer.from('GPSLatitude 52.3731 N GPSLongitude 4.8922 E')]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff]), exif]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

/** Only the start of a PNG that says it is 8165 × 6124 (50 megapixels): refused before it is decoded. */
function fiftyMegapixelHeader(): Buffer {
  const b = Buffer.alloc(64);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(b);
  b.writeUInt32BE(8165, 16);
  b.writeUInt32BE(6124, 20);
  return b;
}

const DEMO_INSTRUCTED = ['Afkorten', 'Maatvoering meten', 'Verlijmen'];
type SavedEvent = { type: string; payload: { skillId: string; version: number; steps: { title: string; photo?: string }[] } };
const instructionEvents = async (page: Page) => ((await readStore(page, 'events')) as SavedEvent[]).filter((e) => e.type === 'instruction.saved');

describe('learning in small steps', () => {
  it('the lead writes an instruction with a photo; bad input is refused; the coach ticks steps; the learner sees the cards on a phone', { timeout: 180_000 }, async () => {
    const { page, context } = await openApp(env.browser);
    // The demo's own instructions are written just after the first paint: wait for them.
    await expect.poll(async () => (await instructionEvents(page)).length, { timeout: 30_000 }).toBe(DEMO_INSTRUCTED.length);
    const photosBefore = (await readStore(page, 'photos')).length;
    await signInAs(page, 'Kees Veerman', '1234');
    const { learner, skill, coach } = await planFromAttention(page, DEMO_INSTRUCTED);

    // The lead writes the work instruction.
    await openLeadScreen(page, 'Vaardigheden');
    await page.getByRole('button', { name: `Werkinstructie: ${skill}` }).click();
    const editor = page.getByRole('dialog', { name: `Werkinstructie: ${skill}` });
    await editor.getByLabel('Wat doe je?').fill('Meet de lengte af');
    await editor.getByLabel('Waar let je op? (mag leeg)').fill('Meet twee keer, zaag één keer');
    await editor.getByLabel('Waarom? (mag leeg)').fill('Een te kort stuk is afval');

    // Bad photos, each with its message at the field; nothing kept.
    const photoField = editor.getByLabel('Foto van stap 1 (mag leeg)');
    await photoField.setInputFiles({ name: 'lijst.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Naam;Team\r\nJan;Werkplaats\r\n') });
    await editor.getByText('Dit is geen foto. Kies een foto (JPEG, PNG of WebP).').waitFor();
    await photoField.setInputFiles({ name: 'plaatje.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1') });
    await editor.getByText('Een GIF-bestand kan hier niet.', { exact: false }).waitFor();
    await photoField.setInputFiles({ name: 'groot.png', mimeType: 'image/png', buffer: fiftyMegapixelHeader() });
    await editor.getByText('Deze foto is te groot (50 megapixel, hoogstens 40).', { exact: false }).waitFor();
    expect(await editor.getByRole('img').count()).toBe(0);

    // A real photo, 3000 × 2000: made smaller on the device.
    const photo = await cameraPhoto(page);
    await photoField.setInputFiles({ name: 'IMG_0001.png', mimeType: 'image/png', buffer: photo });
    await editor.getByRole('img', { name: 'Foto van stap 1: Meet de lengte af' }).waitFor();
    expect(await editor.getByText('Dit is geen foto.', { exact: false }).count()).toBe(0);

    // A second step, and an empty third one: refused by name, nothing stored.
    await editor.getByRole('button', { name: 'Stap toevoegen' }).click();
    await editor.getByRole('group', { name: 'Stap 2' }).getByLabel('Wat doe je?').fill('Zaag langs de lijn');
    await editor.getByRole('button', { name: 'Stap toevoegen' }).click();
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await editor.getByText('Stap 3 is leeg. Vul in wat je doet, of haal de stap weg.').waitFor();
    expect(await instructionEvents(page)).toHaveLength(DEMO_INSTRUCTED.length);
    expect(await readStore(page, 'photos')).toHaveLength(photosBefore);
    expect(await axeViolations(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Stap 3 weghalen' }).click();
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await editor.waitFor({ state: 'detached' });

    const skillId = ((await readStore(page, 'skills')) as { id: string; name: string }[]).find((x) => x.name === skill)!.id;
    const saved = (await instructionEvents(page)).filter((e) => e.payload.skillId === skillId);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.payload.version).toBe(1);
    expect(saved[0]!.payload.steps.map((s) => s.title)).toEqual(['Meet de lengte af', 'Zaag langs de lijn']);
    const photos = ((await readStore(page, 'photos')) as { hash: string; bytes: Uint8Array; width: number; height: number; workerId: string | null }[]).filter(
      (p) => p.hash === saved[0]!.payload.steps[0]!.photo,
    );
    expect(photos).toHaveLength(1);
    expect(await readStore(page, 'photos')).toHaveLength(photosBefore + 1);
    expect([photos[0]!.width, photos[0]!.height]).toEqual([1600, 1067]);
    expect(photos[0]!.bytes.byteLength).toBeLessThanOrEqual(300 * 1024);
    expect(photos[0]!.workerId).toBeNull();
    console.log(`instruction photo: ${photo.byteLength} bytes PNG 3000 × 2000 → ${photos[0]!.bytes.byteLength} bytes JPEG ${photos[0]!.width} × ${photos[0]!.height}`);

    // The coach records a session: ticks the steps and gets a suggested level; adds a photo of the work.
    await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();
    await signInAs(page, coach, '9753', { firstTime: true });
    await page.evaluate(() => (location.hash = '#/board'));
    await page.getByRole('button', { name: `Samen geoefend: ${learner}, ${skill}` }).click();
    const session = page.getByRole('dialog', { name: `${learner} — ${skill}` });
    await session.getByText('Vink de stappen aan: dan komt er een voorstel voor het niveau.').waitFor();
    const step1 = session.getByRole('group', { name: 'Stap 1: Meet de lengte af' });
    const step2 = session.getByRole('group', { name: 'Stap 2: Zaag langs de lijn' });
    await step1.getByLabel('Alleen').check();
    // One step of two: "leert het"; both, one with help: "kan het met hulp" — or, where the learner
    // has that level already, no step back is offered.
    const suggestionOrKept = (level: string) => session.getByText(new RegExp(`^Voorstel op grond van de stappen: ${level}\\. Jij beslist\\.|^${learner} heeft al .+\\. Vink meer stappen aan`));
    await suggestionOrKept('leert het \\(I\\)').waitFor();
    await step2.getByLabel('Met hulp').check();
    await suggestionOrKept('kan het met hulp \\(L\\)').waitFor();
    await step2.getByLabel('Alleen').check();
    await session.getByText('Voorstel op grond van de stappen: kan het zelfstandig (U). Jij beslist.').waitFor();
    await session.getByRole('button', { name: 'Voorstel overnemen' }).click();
    expect(await session.getByLabel('Niveau bereikt').inputValue()).toBe('U');
    await session.getByLabel('Foto van het eindresultaat (mag leeg)').setInputFiles({ name: 'klaar.jpg', mimeType: 'image/jpeg', buffer: await jpegWithLocation(page, 11) });
    await session.getByRole('img', { name: 'Foto van het eindresultaat' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await session.getByRole('button', { name: `Verder: ${learner} bevestigt` }).click();
    await session.getByText('Kies een pincode van 4 tot 6 cijfers').waitFor();
    for (let i = 0; i < 2; i++) {
      await page.keyboard.type('2580');
      await session.getByRole('button', { name: 'OK' }).click();
      if (i === 0) await session.getByText('Tik dezelfde pincode nog een keer').waitFor();
    }
    await session.waitFor({ state: 'detached' });
    const workers = (await readStore(page, 'workers')) as { id: string; name: string }[];
    const learnerId = workers.find((w) => w.name === learner)!.id;
    const sessions = (await readStore(page, 'sessions')) as { learnerId: string; instructionVersion?: number; steps?: unknown; photo?: string; levelReached: string }[];
    const mine = sessions.filter((s) => s.learnerId === learnerId && s.instructionVersion);
    expect(mine).toEqual([
      expect.objectContaining({
        instructionVersion: 1,
        levelReached: 'U',
        steps: [
          { step: 0, how: 'alone' },
          { step: 1, how: 'alone' },
        ],
      }),
    ]);
    const evidence = ((await readStore(page, 'photos')) as { hash: string; workerId: string | null; bytes: Uint8Array }[]).find((p) => p.hash === mine[0]!.photo);
    expect(evidence?.workerId).toBe(learnerId);
    // The phone's EXIF block, with the place the photo was taken, did not come along.
    const stored = Buffer.from(evidence!.bytes).toString('latin1');
    expect(stored).not.toContain('Exif');
    expect(stored).not.toContain('GPSLatitude');
    await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();

    // The learner looks it up on a phone: big cards, photo first, what they already did alone.
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(page.url().replace(/#.*$/, ''));
    await signInAs(phone, learner, '2580');
    await phone.getByRole('button', { name: `Stappen bekijken: ${skill}` }).click();
    const cards = phone.getByRole('dialog', { name: `${skill}: stap voor stap` });
    await cards.getByRole('img', { name: 'Foto van stap 1: Meet de lengte af' }).waitFor();
    await cards.getByRole('heading', { name: 'Stap 1 van 2 Meet de lengte af' }).waitFor();
    await cards.getByText('Meet twee keer, zaag één keer').waitFor();
    expect(await cards.getByText('Dit deed je al alleen').count()).toBe(2);
    // "Voorlezen" only where the device has a Dutch voice.
    const dutch = await phone.evaluate(() => speechSynthesis.getVoices().some((v) => v.lang.toLowerCase().startsWith('nl')));
    expect(await cards.getByRole('button', { name: /^Voorlezen/ }).count()).toBe(dutch ? 2 : 0);
    const photoBox = await cards.getByRole('img', { name: 'Foto van stap 1: Meet de lengte af' }).boundingBox();
    // Photo first, and big: most of the phone's width.
    expect(photoBox!.width).toBeGreaterThan(0.7 * 390);
    expect(await axeViolations(phone)).toEqual([]);
    await context.close();
  });
});

describe('the demo teaches in small steps', () => {
  it('three skills have a complete instruction with a drawing on every step; they go with the demo', { timeout: 120_000 }, async () => {
    const { page, context } = await openApp(env.browser, '/', { viewport: { width: 390, height: 844 } });
    // The drawings are made into photos just after the first paint.
    await expect.poll(async () => (await instructionEvents(page)).length, { timeout: 30_000 }).toBe(DEMO_INSTRUCTED.length);
    const events = await instructionEvents(page);
    const photos = (await readStore(page, 'photos')) as { hash: string; width: number; height: number; bytes: Uint8Array }[];
    const hashes = events.flatMap((e) => e.payload.steps.map((s) => s.photo));
    expect(hashes.every((h) => h && photos.some((p) => p.hash === h))).toBe(true);
    expect(photos.every((p) => p.width === 800 && p.height === 600 && p.bytes.byteLength < 60_000)).toBe(true);

    await signInAs(page, 'Emma de Boer', '2468', { firstTime: true });
    await page.getByRole('button', { name: 'Stappen bekijken: Afkorten' }).click();
    const cards = page.getByRole('dialog', { name: 'Afkorten: stap voor stap' });
    await cards.getByRole('heading', { name: 'Stap 1 van 4 Meet en zet een streep' }).waitFor();
    for (const title of ['Meet en zet een streep', 'Leg de balk tegen de aanslag', 'Zaag in één rustige beweging', 'Controleer de lengte'])
      await cards.getByRole('img', { name: new RegExp(`^Foto van stap \\d: ${title}$`) }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await cards.getByRole('button', { name: 'Klaar', exact: true }).click();

    // Starting empty: the demo goes, and its instructions and their photos with it.
    await page.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInAs(page, 'Kees Veerman', '1234');
    await openScreen(page, 'Matrix');
    await page.getByRole('region', { name: 'Voorbeeld' }).getByRole('button', { name: 'Voorbeeld weghalen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja' }).click();
    await expect.poll(async () => (await readStore(page, 'photos')).length).toBe(0);
    await context.close();
  });
});

describe('voorlezen', () => {
  it('reads a step aloud with a Dutch voice where the device has one', { timeout: 120_000 }, async () => {
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
    // A device with a Dutch voice: the voice list and what is spoken, recorded.
    await context.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      const voice = { lang: 'nl-NL', name: 'Nederlands', default: true, localService: true, voiceURI: 'nl' };
      speechSynthesis.getVoices = () => [voice as SpeechSynthesisVoice];
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void spoken.push({ text: u.text, lang: u.lang });
      // The stand-in voice is no real SpeechSynthesisVoice: an utterance takes it as its language only.
      Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', { set() {}, get: () => null });
    });
    const page = await context.newPage();
    await page.goto(new URL('/', inject('baseUrl')).href);
    await signInAs(page, 'Emma de Boer', '2468', { firstTime: true });
    await page.getByRole('button', { name: 'Stappen bekijken: Afkorten' }).click({ timeout: 30_000 });
    const cards = page.getByRole('dialog', { name: 'Afkorten: stap voor stap' });
    await cards.getByRole('button', { name: 'Voorlezen: stap 2' }).click();
    expect(await page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken)).toEqual([
      {
        text: 'Stap 2 van 4: Leg de balk tegen de aanslag. Let op: Balk plat op de tafel en helemaal tegen de aanslag. Houd je handen ver van het zaagblad. Waarom: Een balk die beweegt, zaagt scheef en kan terugslaan.',
        lang: 'nl-NL',
      },
    ]);
    await context.close();
  });
});
