import { db, getMeta, initClock, readInstructions, setupBlocker, type SetupBlocker, type StartState } from '../store';
import { useLive } from './liveQuery';

/**
 * Opening this device's data, and how its workshop began — read without loading the code that
 * writes (the demo, the commands and their validation), so the first paint does not wait.
 */
export async function openDeviceData(): Promise<void> {
  await db.open();
  await initClock();
}

export function startState(): Promise<StartState | undefined> {
  return getMeta('started');
}

export async function hasDemo(): Promise<boolean> {
  return ((await getMeta('demoIds'))?.length ?? 0) > 0;
}

/** Whether this device was connected to a company server (it then carries on syncing). */
export async function syncIsConfigured(): Promise<boolean> {
  return (await getMeta('sync')) !== undefined;
}

/** Whether events wait here for their time to come (see the gate's `held`). */
export async function hasHeldEvents(): Promise<boolean> {
  return (await db.held.count()) > 0;
}

/** Why a first team lead cannot be set up on this device yet (see the store's setupBlocker). */
export function useSetupBlocker(): SetupBlocker | null | undefined {
  return useLive(setupBlocker, []);
}

/**
 * What the demo's work instructions need (app/demoInstructions): the demo's lead, its skills by
 * name, and the skills that have an instruction already. Nothing while there is no demo.
 */
export async function demoInstructionTargets(): Promise<{ lead: string; skills: Map<string, string>; instructed: Set<string> } | null> {
  const ids = new Set((await getMeta('demoIds')) ?? []);
  if ((await getMeta('started')) !== 'demo' || !ids.size) return null;
  const lead = (await db.workers.where('role').equals('lead').toArray()).find((w) => ids.has(w.id) && !w.archived);
  if (!lead) return null;
  const skills = new Map((await db.skills.toArray()).filter((s) => ids.has(s.id)).map((s) => [s.name, s.id]));
  const instructed = new Set((await readInstructions()).map((i) => i.skillId));
  return { lead: lead.id, skills, instructed };
}
