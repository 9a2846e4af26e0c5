import { payloadSchemas, type Payload } from '../../domain/events';
import { sameSteps, latestInstruction } from '../../domain/instructions';
import { normaliseLevel, type Skill } from '../../domain/model';
import { canTeach, isLead } from '../../domain/permissions';
import { db, putPhotos, readInstructions, storedLevel, type PhotoRow } from '../store';
import { fail, issuesToErrors, ok, type CommandResult, type FieldError } from './commandResult';
import { actorOf, appendEvents, buildEvent, transact, type CommandContext } from './kernel';
import { preparePhotos, type NewPhoto } from './photoInput';

/**
 * Saving a skill's work instruction: the steps as a new version, and the step photos that are
 * new, in one transaction (nothing half-saved, also when the device is full).
 */
export interface StepInput {
  title: string;
  keyPoints: string;
  reasons: string;
  /** The step's photo: the hash of one stored already, or a new one (stored with the instruction). */
  photo?: string | NewPhoto;
}

const blank = (s: string) => s.trim() === '';

/** Empty steps are said per step ("step 2 is empty"), before the schema's general messages. */
function stepErrors(steps: readonly StepInput[]): FieldError[] {
  return steps.flatMap((s, i) =>
    blank(s.title) ? [{ field: `steps.${i}.title`, key: blank(s.keyPoints) && blank(s.reasons) && !s.photo ? 'instruction.error.emptyStep' : 'instruction.error.noTitle', params: { n: i + 1 } }] : [],
  );
}

/** The lead, or a colleague who can teach the skill (O, not expired): as the gate judges it. */
async function mayWrite(ctx: CommandContext, skill: Skill): Promise<boolean> {
  const actor = await actorOf(ctx);
  if (!actor || actor.archived) return false;
  if (isLead(actor)) return true;
  const own = await storedLevel(actor.id, skill.id);
  return canTeach(own && normaliseLevel(own), skill, Date.now());
}

export async function saveInstruction(skillId: string, steps: readonly StepInput[], ctx: CommandContext): Promise<CommandResult<Payload<'instruction.saved'>>> {
  if (!steps.length) return fail({ field: '', key: 'instruction.error.noSteps' });
  const empty = stepErrors(steps);
  if (empty.length) return fail(...empty);
  // New photos are checked and named by their hash first (WebCrypto, outside the transaction).
  const rows: PhotoRow[] = [];
  const errors: FieldError[] = [];
  const named: (string | undefined)[] = [];
  for (const [i, s] of steps.entries()) {
    if (s.photo === undefined || typeof s.photo === 'string') {
      named.push(s.photo);
      continue;
    }
    const prepared = await preparePhotos([s.photo], null, `steps.${i}.photo`);
    errors.push(...prepared.errors);
    rows.push(...prepared.rows);
    named.push(prepared.rows[0]?.hash);
  }
  if (errors.length) return fail(...errors);
  const candidate = { skillId, version: 1, steps: steps.map((s, i) => ({ title: s.title, keyPoints: s.keyPoints, reasons: s.reasons, ...(named[i] ? { photo: named[i] } : {}) })) };
  const parsed = payloadSchemas['instruction.saved'].safeParse(candidate);
  if (!parsed.success) return fail(...issuesToErrors(parsed.error.issues));
  return transact(async () => {
    const skill = await db.skills.get(skillId);
    if (!skill || skill.archived) return fail<Payload<'instruction.saved'>>({ field: '', key: 'error.notFound' });
    if (!(await mayWrite(ctx, skill))) return fail<Payload<'instruction.saved'>>({ field: '', key: 'instruction.error.mayNotWrite' });
    const brought = new Set(rows.map((r) => r.hash));
    const kept = parsed.data.steps.flatMap((s) => (s.photo && !brought.has(s.photo) ? [s.photo] : []));
    if ((await db.photos.bulkGet(kept)).some((p) => !p)) return fail<Payload<'instruction.saved'>>({ field: '', key: 'instruction.error.photoMissing' });
    const current = latestInstruction(await readInstructions(skillId));
    // Saved again unchanged: no new version (it would say something changed, and nothing did).
    if (current && !rows.length && sameSteps(current.steps, parsed.data.steps)) return ok({ skillId, version: current.version, steps: current.steps });
    const payload = { ...parsed.data, version: (current?.version ?? 0) + 1 };
    await putPhotos(rows);
    await appendEvents([buildEvent('instruction.saved', payload, ctx.actor)]);
    return ok(payload);
  });
}
