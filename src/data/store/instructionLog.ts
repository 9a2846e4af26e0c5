import type { EventOf } from '../../domain/events';
import type { Instruction } from '../../domain/instructions';
import { db } from './database';

/**
 * Work instructions are read from the log, not folded into a table: every version stays,
 * and a session names the version it was ticked against.
 */
export async function readInstructions(skillId?: string): Promise<Instruction[]> {
  const events = (await db.events.where('type').equals('instruction.saved').toArray()) as EventOf<'instruction.saved'>[];
  return events.filter((e) => !skillId || e.payload.skillId === skillId).map((e) => ({ ...e.payload, by: e.actor, at: e.at }));
}
