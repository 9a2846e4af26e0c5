import { payloadSchemas, type Payload } from '../../domain/events';
import { latestInstruction, type InstructionStep } from '../../domain/instructions';
import { normaliseLevel } from '../../domain/model';
import { canTeach, isLead } from '../../domain/permissions';
import { db, putPhotos, readInstructions, storedLevel } from '../store';
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
  /** The hash of the step's photo: one stored already, or one of `photos`. */
  photo?: string;
}

const blank = (s: string) => s.trim() === '';

/** Empty steps are said per step ("step 2 is empty"), before the schema's general messages. */
function stepErrors(steps: readonly StepInput[]): FieldError[] {
  return steps.flatMap((s, i) =>
    blank(s.title) ? [{ field: `steps.${i}.title`, key: blank(s.keyPoints) && blank(s.reasons) && !s.photo ? 'instruction.error.emptyStep' : 'instruction.error.noTitle', params: { n: i + 1 } }] : [],
  );
}

export async function saveInstruction(skillId: string, steps: readonly StepInput[], photos: readonly NewPhoto[], ctx: CommandContext): Promise<CommandResult<Payload<'instruction.saved'>>> {
  if (!steps.length) return fail({ field: '', key: 'instruction.error.noSteps' });
  const empty = stepErrors(steps);
  if (empty.length) return fail(...empty);
  const parsed = payloadSchemas['instruction.saved'].safeParse({ skillId, version: 1, steps: steps.map((s) => (s.photo ? s : { title: s.title, keyPoints: s.keyPoints, reasons: s.reasons })) });
  if (!parsed.success) return fail(...issuesToErrors(parsed.error.issues));
  const prepared = await preparePhotos(photos, null, 'photo');
  if (prepared.errors.length) return fail(...prepared.errors);
  return transact(async () => {
    const [actor, skill] = await Promise.all([actorOf(ctx), db.skills.get(skillId)]);
    if (!skill || skill.archived) return fail<Payload<'instruction.saved'>>({ field: '', key: 'error.notFound' });
    const own = actor ? await storedLevel(actor.id, skillId) : undefined;
    if (!actor || (!isLead(actor) && !canTeach(own && normaliseLevel(own), skill, Date.now()))) return fail<Payload<'instruction.saved'>>({ field: '', key: 'instruction.error.mayNotWrite' });
    const wanted = parsed.data.steps.flatMap((s) => (s.photo ? [s.photo] : []));
    const brought = new Set(prepared.rows.map((r) => r.hash));
    const stored = await db.photos.bulkGet(wanted.filter((h) => !brought.has(h)));
    if (stored.some((p) => !p)) return fail<Payload<'instruction.saved'>>({ field: '', key: 'instruction.error.photoMissing' });
    const current = latestInstruction(await readInstructions(skillId));
    const payload = { ...parsed.data, version: (current?.version ?? 0) + 1 };
    await putPhotos(prepared.rows.filter((r) => wanted.includes(r.hash)));
    await appendEvents([buildEvent('instruction.saved', payload, ctx.actor)]);
    return ok(payload);
  });
}

export type { InstructionStep };
