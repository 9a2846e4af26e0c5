import { saveInstruction } from '../data/commands';
import { demoInstructionTargets } from '../data/queries';
import { DEMO_INSTRUCTIONS } from '../domain/demoInstructions';
import { drawingToPhoto } from '../ui/drawing';

/**
 * The demo's work instructions, written by the demo's lead right after the demo is installed:
 * their drawings become photos in this browser (a canvas), so they cannot be part of the
 * demo's ready-made past. They go with the demo (they are about its skills).
 */
export async function addDemoInstructions(): Promise<void> {
  const targets = await demoInstructionTargets();
  if (!targets) return;
  for (const demo of DEMO_INSTRUCTIONS) {
    const skillId = targets.skills.get(demo.skill);
    if (!skillId || targets.instructed.has(skillId)) continue;
    const steps = await Promise.all(demo.steps.map(async ({ drawing, ...text }) => ({ ...text, photo: await drawingToPhoto(drawing) })));
    await saveInstruction(skillId, steps, { actor: targets.lead });
  }
}
