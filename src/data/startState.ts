import { getMeta } from './db';

/**
 * How this device's workshop began, read without loading the code that writes it (the demo,
 * the commands and their validation), so the first paint does not wait for that code.
 */
export type StartState = 'demo' | 'empty' | 'own';

export const STARTED = 'started';
export const DEMO_IDS = 'demoIds';

export function startState(): Promise<StartState | undefined> {
  return getMeta<StartState>(STARTED);
}

export async function hasDemo(): Promise<boolean> {
  return ((await getMeta<string[]>(DEMO_IDS))?.length ?? 0) > 0;
}
