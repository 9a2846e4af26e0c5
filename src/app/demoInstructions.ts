import { saveInstruction } from '../data/commands';
import { demoInstructionTargets } from '../data/queries';
import { DEMO_INSTRUCTIONS } from '../domain/demoInstructions';
import { drawingToPhoto } from '../ui/drawing';
import { whenIdle } from '../ui/whenIdle';

/**
 * The demo's work instructions, written by the demo's lead right after the demo is installed:
 * their drawings become photos in this browser (a canvas), so they cannot be part of the
 * demo's ready-made past. They go with the demo (they are about its skills).
 *
 * Nobody waits for them: each drawing and each save waits until the browser is idle, so they
 * come as small tasks between what the person sees and taps, never as one long one.
 */
export async function addDemoInstructions(): Promise<void> {
  const targets = await demoInstructionTargets();
  if (!targets) return;
  for (const demo of DEMO_INSTRUCTIONS) {
    const skillId = targets.skills.get(demo.skill);
    if (!skillId || targets.instructed.has(skillId)) continue;
    const steps = [];
    for (const { drawing, ...text } of demo.steps) {
      await whenIdle();
      steps.push({ ...text, photo: await drawingToPhoto(drawing) });
    }
    await whenIdle();
    await saveInstruction(skillId, steps, { actor: targets.lead });
  }
}
