import { buildEvidence, type Evidence } from '../../domain/evidence';
import { normaliseLevel } from '../../domain/model';
import { isLead } from '../../domain/permissions';
import { qualificationId, werkprocessenOf } from '../../domain/qualification';
import type { QualificationFile } from '../../domain/qualificationSchema';
import type { LevelCode } from '../../domain/levels';
import { actorOf, appendEvents, asLead, buildEvent, LEAD_ONLY, transact, type CommandContext } from './kernel';
import { db, getMeta, levelsOfWorker, newId, readInstructions } from '../store';
import { fail, ok, type CommandResult, type FieldError } from './commandResult';
import { signIn } from './kioskCommands';

/**
 * MBO qualifications, the mapping of skills onto werkprocessen, the worker's consent, and the
 * evidence exports build on. Approving and importing are the lead's; consent is the worker's.
 */

/** Loads a dossier fragment; the same crebo and version again replaces it, a newer version sits beside it. */
export function importQualification(file: QualificationFile, ctx: CommandContext): Promise<CommandResult<string>> {
  return asLead(ctx, async () => {
    await appendEvents([buildEvent('qualification.imported', file, ctx.actor)]);
    return ok(qualificationId(file.crebo, file.version));
  });
}

async function checkMapping(qid: string, werkproces: string, skillId: string): Promise<FieldError[]> {
  const [q, skill] = await Promise.all([db.qualifications.get(qid), db.skills.get(skillId)]);
  if (!q || !werkprocessenOf(q).some((w) => w.code === werkproces)) return [{ field: 'werkproces', key: 'error.notFound' }];
  if (!skill || skill.archived) return [{ field: 'skillId', key: 'error.notFound' }];
  return [];
}

export function setMapping(input: { qualificationId: string; werkproces: string; skillId: string; requiredLevel: LevelCode; coverage: 'full' | 'partial' }, ctx: CommandContext) {
  return asLead(ctx, async () => {
    const problems = await checkMapping(input.qualificationId, input.werkproces, input.skillId);
    if (problems.length) return fail(...problems);
    await appendEvents([buildEvent('mapping.set', input, ctx.actor)]);
    return ok(undefined);
  });
}

export function approveMapping(input: { qualificationId: string; werkproces: string; skillId: string }, ctx: CommandContext) {
  return asLead(ctx, async () => {
    await appendEvents([buildEvent('mapping.approved', input, ctx.actor)]);
    return ok(undefined);
  });
}

export function removeMapping(input: { qualificationId: string; werkproces: string; skillId: string }, ctx: CommandContext) {
  return asLead(ctx, async () => {
    await appendEvents([buildEvent('mapping.removed', input, ctx.actor)]);
    return ok(undefined);
  });
}

/** The qualification a worker works toward: the lead sets it, or the worker for themselves. */
export async function setTarget(workerId: string, targetQualificationId: string | null, ctx: CommandContext): Promise<CommandResult<void>> {
  return transact(async () => {
    const actor = await actorOf(ctx);
    if (!isLead(actor) && actor?.id !== workerId) return fail(...LEAD_ONLY);
    if (targetQualificationId && !(await db.qualifications.get(targetQualificationId))) return fail({ field: '', key: 'error.notFound' });
    await appendEvents([buildEvent('worker.changed', { id: workerId, targetQualificationId }, ctx.actor)]);
    return ok(undefined);
  });
}

export type ConsentResult = CommandResult<string> | { ok: false; errors: FieldError[]; pin: Awaited<ReturnType<typeof signIn>> };

/** The worker gives consent at the kiosk with their own PIN: to whom, for what. */
export async function giveConsent(input: { workerId: string; qualificationId: string; recipient: string; purpose: string }, pin: string): Promise<ConsentResult> {
  const check = await signIn(input.workerId, pin);
  if (check.kind !== 'ok') return { ok: false, errors: [{ field: 'pin', key: 'error.learnerPin' }], pin: check };
  return transact(async () => {
    if (!(await db.qualifications.get(input.qualificationId))) return fail<string>({ field: '', key: 'error.notFound' });
    const id = newId();
    const event = buildEvent('consent.given', { id, ...input }, input.workerId);
    await appendEvents([event]);
    return ok(id);
  });
}

export async function withdrawConsent(id: string, ctx: CommandContext): Promise<CommandResult<void>> {
  return transact(async () => {
    const consent = await db.consents.get(id);
    if (!consent) return fail({ field: '', key: 'error.notFound' });
    if (ctx.actor !== consent.workerId) return fail({ field: '', key: 'error.ownConsentOnly' });
    await appendEvents([buildEvent('consent.withdrawn', { id, workerId: consent.workerId }, ctx.actor)]);
    return ok(undefined);
  });
}

/**
 * A worker's evidence for export: only for the lead or the worker, and only while the worker's
 * consent for this qualification stands.
 */
export async function evidenceFor(workerId: string, qid: string, ctx: CommandContext): Promise<CommandResult<Evidence>> {
  const [actor, worker, q] = await Promise.all([actorOf(ctx), db.workers.get(workerId), db.qualifications.get(qid)]);
  if (!worker || !q) return fail({ field: '', key: 'error.notFound' });
  if (!isLead(actor) && actor?.id !== workerId) return fail(...LEAD_ONLY);
  const consent = (await db.consents.where('workerId').equals(workerId).toArray()).filter((c) => c.qualificationId === qid && !c.withdrawn).sort((a, b) => (a.givenAt < b.givenAt ? 1 : -1))[0];
  if (!consent) return fail({ field: '', key: 'error.noConsent' });
  const [mappings, levels, skills, sessions, workers, company, kvkNumber, leerbedrijfId] = await Promise.all([
    db.mappings.where('qualificationId').equals(qid).toArray(),
    levelsOfWorker(workerId),
    db.skills.toArray(),
    db.sessions.where('learnerId').equals(workerId).toArray(),
    db.workers.toArray(),
    getMeta('companyName').then((name) => name ?? ''),
    getMeta('companyKvk'),
    getMeta('leerbedrijfId'),
  ]);
  const names = new Map(workers.map((w) => [w.id, w.name]));
  const people = new Map(workers.map((w) => [w.id, w]));
  // The steps ticked and the photos of finished work go along: the worker consented to this export.
  const instructions = await readInstructions();
  const photoRows = await db.photos.bulkGet([...new Set(sessions.flatMap((x) => (x.photo ? [x.photo] : [])))]);
  const photos = Object.fromEntries(photoRows.flatMap((p) => (p ? [[p.hash, { bytes: p.bytes, width: p.width, height: p.height }]] : [])));
  const evidence = buildEvidence({
    worker: { id: worker.id, name: worker.name },
    company,
    qualification: q,
    mappings,
    levels: new Map(levels.map((l) => [l.skillId, normaliseLevel(l)])),
    skills: new Map(skills.map((s) => [s.id, s])),
    sessions,
    nameOf: (id) => (id ? (names.get(id) ?? '') : ''),
    now: Date.now(),
    kvkNumber,
    leerbedrijfId,
    consent: { recipient: consent.recipient, purpose: consent.purpose, givenAt: consent.givenAt },
    actor: ctx.actor,
    // A confirmation by someone who is not a lead was made by a colleague at O: a coach.
    roleOf: (id) => (people.has(id) ? (isLead(people.get(id)) ? 'lead' : 'coach') : null),
    instructionSteps: (skillId, version) => instructions.find((i) => i.skillId === skillId && i.version === version)?.steps,
  });
  return ok({ ...evidence, photos });
}
