/**
 * What `?factory=500x400&seed=1` asks for (factoryPlan.ts makes it): read at every start, so
 * apart from the plan, which only a load needs.
 */
export interface FactorySpec {
  workers: number;
  skills: number;
  seed: number;
  /** Every cell filled (W × S level records), for the load benchmark. */
  dense?: boolean;
}

export function parseFactorySpec(text: string | null, seedText: string | null, denseText: string | null = null): FactorySpec | null {
  const m = text?.match(/^(\d{1,4})x(\d{1,4})$/);
  if (!m) return null;
  const workers = Number(m[1]);
  const skills = Number(m[2]);
  if (workers < 1 || skills < 1 || workers > 2000 || skills > 1000) return null;
  return { workers, skills, seed: Number(seedText ?? 1) || 1, dense: denseText === '1' };
}
