import { beforeEach, describe, expect, it } from 'vitest';
import { db, sha256Hex } from '../../src/data/store';
import { evidenceFor, giveConsent, issueCredentials, recordSession, saveInstruction } from '../../src/data/commands';
import { qualificationId } from '../../src/domain/qualification';
import { EXAMPLE_QUALIFICATION } from '../../src/domain/exampleQualification';
import { localDay } from '../../src/domain/dates';
import { portfolioPdf } from '../../src/exports/portfolioPdf';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { translate } from '../../src/i18n';
import { demoWithJan } from './helpers';
import { pdfPagesText, prose } from './pdfText';

/**
 * What was mastered, step by step, reaches the portfolio and the Open Badges — only with the
 * worker's consent (without it there is no export at all: certification.test.ts).
 */
const qid = qualificationId(EXAMPLE_QUALIFICATION.crebo, EXAMPLE_QUALIFICATION.version);
const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('nl', key, params);
/** The start of a JPEG (a 120 × 80 frame header, 3 components) and some bytes. */
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0, 80, 0, 120, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, ...new Array(200).fill(9), 0xff, 0xd9]);

let lead: { actor: string };
let jan: string;
let skillId: string;
let skillName: string;

beforeEach(async () => {
  ({ lead, jan } = await demoWithJan());
  const mapping = (await db.mappings.where('qualificationId').equals(qid).toArray())[0]!;
  skillId = mapping.skillId;
  skillName = (await db.skills.get(skillId))!.name;
  const saved = await saveInstruction(
    skillId,
    [
      { title: 'Meten', keyPoints: '', reasons: '' },
      { title: 'Zagen', keyPoints: '', reasons: '' },
    ],
    lead,
  );
  expect(saved.ok).toBe(true);
  const session = await recordSession(
    {
      coachId: lead.actor,
      learnerId: jan,
      skillId,
      assignmentId: null,
      date: localDay(Date.now()),
      minutes: 30,
      practised: 'samen',
      levelReached: 'O',
      instructionVersion: 1,
      steps: [
        { step: 0, how: 'alone' },
        { step: 1, how: 'helped' },
      ],
    },
    '1111',
    lead,
    Date.now(),
    { bytes: jpeg, width: 120, height: 80 },
  );
  expect(session.ok).toBe(true);
});

describe('steps and photos as evidence', () => {
  it('the session names its steps by title and its photo; the photo is evidence about the learner', async () => {
    await giveConsent({ workerId: jan, qualificationId: qid, recipient: 'Stichting OOM', purpose: 'EVC' }, '1111');
    const evidence = await evidenceFor(jan, qid, lead);
    if (!evidence.ok) throw new Error('no evidence');
    const hash = await sha256Hex(jpeg);
    const sessions = evidence.value.werkprocessen.flatMap((w) => w.skills).find((s) => s.skillId === skillId)!.sessions;
    expect(sessions.find((x) => x.photo)).toMatchObject({
      steps: [
        { title: 'Meten', how: 'alone' },
        { title: 'Zagen', how: 'helped' },
      ],
      photo: hash,
    });
    expect(evidence.value.photos?.[hash]).toMatchObject({ width: 120, height: 80 });
    expect((await db.photos.get(hash))!.workerId).toBe(jan);
  });

  it('the portfolio PDF shows the steps and the photo', async () => {
    await giveConsent({ workerId: jan, qualificationId: qid, recipient: 'Stichting OOM', purpose: 'EVC' }, '1111');
    const evidence = await evidenceFor(jan, qid, lead);
    if (!evidence.ok) throw new Error('no evidence');
    const bytes = await portfolioPdf(evidence.value, t, (iso) => iso.slice(0, 10), 'nl');
    const all = prose(await pdfPagesText(bytes));
    expect(all).toContain('Stappen: Meten (alleen); Zagen (met hulp)');
    expect(all).toContain(`Foto van het eindresultaat (${skillName},`);
    const doc = await PDFDocument.load(bytes);
    const images = doc.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
    expect(images).toHaveLength(1);
  });

  it('the Open Badges name the steps and the photo by its hash', async () => {
    await giveConsent({ workerId: jan, qualificationId: qid, recipient: 'Stichting OOM', purpose: 'EVC' }, '1111');
    const issued = await issueCredentials(jan, qid, lead, { levelName: (c) => c });
    if (!issued.ok) throw new Error('no badges');
    const payloads = issued.value.map((c) => JSON.parse(Buffer.from(c.jwt.split('.')[1]!, 'base64url').toString('utf8')) as object);
    const text = JSON.stringify(payloads);
    expect(text).toContain('Stappen alleen gedaan: Meten. Stappen met hulp: Zagen.');
    const hash = Buffer.from(await sha256Hex(jpeg), 'hex').toString('base64url');
    expect(text).toContain(`ni:///sha-256;${hash}`);
  });

  it('without consent: no export at all', async () => {
    expect(await evidenceFor(jan, qid, lead)).toEqual({ ok: false, errors: [{ field: '', key: 'error.noConsent' }] });
  });
});
