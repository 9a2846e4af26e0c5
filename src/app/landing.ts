import { openClaims } from '../data/queries';
import type { Worker } from '../domain/model';
import { landingScreen, type Screen } from './screens';

/**
 * Where this person lands when they sign in at the header or the wall (null: where they are).
 * Worked out before the sign-in takes effect, so the screen changes once, with the sign-in.
 */
export async function landingFor(person: Worker): Promise<Screen | null> {
  const { claims } = await openClaims(person, Date.now());
  return landingScreen(person, claims.length);
}
