import { latestInstruction, stepsDoneAlone, type Instruction } from '../../domain/instructions';
import { db, readInstructions, type PhotoRow } from '../store';
import { useLive } from './liveQuery';
import { readWhere } from './readTables';

/** The instruction in force per skill. */
export async function currentInstructions(): Promise<Map<string, Instruction>> {
  const bySkill = new Map<string, Instruction[]>();
  for (const i of await readInstructions()) bySkill.set(i.skillId, [...(bySkill.get(i.skillId) ?? []), i]);
  return new Map([...bySkill].map(([skillId, all]) => [skillId, latestInstruction(all)!]));
}

export function useInstructions(): Map<string, Instruction> | undefined {
  return useLive(currentInstructions, []);
}

/** One version of a skill's instruction (the one a session was ticked against). */
export async function instructionVersion(skillId: string, version: number): Promise<Instruction | undefined> {
  return (await readInstructions(skillId)).find((i) => i.version === version);
}

/** The steps of the current version this learner has done alone in a session (of this version or an earlier one). */
export function useStepsDoneAlone(workerId: string, skillId: string, version: number | undefined): Set<number> | undefined {
  return useLive(async () => {
    if (version === undefined) return new Set<number>();
    const [sessions, versions] = await Promise.all([readWhere('sessions', 'learnerId', workerId), readInstructions(skillId)]);
    const current = versions.find((v) => v.version === version);
    return current
      ? stepsDoneAlone(
          sessions.filter((s) => s.skillId === skillId),
          versions,
          current,
        )
      : new Set<number>();
  }, [workerId, skillId, version]);
}

/** A stored photo; null when this device does not have it (yet: it may still come through sync). */
export function usePhoto(hash: string | undefined): PhotoRow | null | undefined {
  return useLive(async () => (hash ? ((await db.photos.get(hash)) ?? null) : null), [hash]);
}

export async function photosByHash(hashes: readonly string[]): Promise<Map<string, PhotoRow>> {
  const rows = await db.photos.bulkGet([...hashes]);
  return new Map(rows.flatMap((r) => (r ? [[r.hash, r] as const] : [])));
}
