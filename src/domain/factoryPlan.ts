import type { LevelCode } from './levels';
import type { FactorySpec } from './factorySpec';

export { parseFactorySpec, type FactorySpec } from './factorySpec';

/**
 * A synthetic factory for tests and benchmarks: W workers × S skills with teams, stations,
 * a realistic level spread and a history (claims, confirmations, coaching). Deterministic for
 * a seed, so a benchmark and its baseline see the very same data.
 */

export interface FactoryPlan {
  teams: string[];
  stations: string[];
  /** station index per skill, and its target */
  skills: { name: string; station: number; target: number; validityMonths: number | null }[];
  workers: { name: string; team: number; lead: boolean }[];
  /** One entry per non-empty cell, in time order. */
  cells: { worker: number; skill: number; level: LevelCode; claim: LevelCode | null; daysAgo: number }[];
  sessions: { coach: number; learner: number; skill: number; minutes: number; daysAgo: number }[];
}

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Jan', 'Fatima', 'Piotr', 'Sanne', 'Mehmet', 'Ioana', 'Ahmed', 'Lotte', 'Tomasz', 'Ruud', 'Emma', 'Daan', 'Youssef', 'Anouk', 'Karim', 'Marta', 'Bram', 'Elif', 'Sven', 'Noor'];
const LAST = [
  'de Vries',
  'El Amrani',
  'Nowak',
  'Bakker',
  'Yılmaz',
  'Popescu',
  'Benali',
  'Jansen',
  'Kowalski',
  'Visser',
  'de Boer',
  'Smit',
  'Haddad',
  'Mulder',
  'Aydın',
  'Wiśniewska',
  'de Groot',
  'Kaya',
  'Meijer',
  'Bos',
];
const STATIONS = ['Zagen', 'Schaven', 'CNC', 'Lijmen', 'Montage', 'Spuiten', 'Kwaliteit', 'Logistiek', 'Onderhoud', 'Inpak'];

/** Share of cells per level: most people can do some things, few can teach. */
const SPREAD: [LevelCode, number][] = [
  ['-', 0.35],
  ['I', 0.12],
  ['L', 0.15],
  ['U', 0.28],
  ['O', 0.1],
];

export function planFactory({ workers, skills, seed, dense = false }: FactorySpec): FactoryPlan {
  const random = rng(seed);
  const pickLevel = (): LevelCode => {
    let r = random();
    for (const [code, p] of SPREAD) if ((r -= p) < 0) return code === '-' && dense ? 'I' : code;
    return dense ? 'I' : '-';
  };
  const stationCount = Math.max(1, Math.min(STATIONS.length * 10, Math.ceil(skills / 10)));
  const teamCount = Math.max(1, Math.ceil(workers / 25));
  const plan: FactoryPlan = {
    teams: Array.from({ length: teamCount }, (_, i) => `Ploeg ${i + 1}`),
    stations: Array.from({ length: stationCount }, (_, i) => `${STATIONS[i % STATIONS.length]} ${Math.floor(i / STATIONS.length) + 1}`),
    skills: Array.from({ length: skills }, (_, i) => ({
      name: `Taak ${String(i + 1).padStart(3, '0')}`,
      station: Math.floor((i * stationCount) / skills),
      target: 2 + Math.floor(random() * 3),
      validityMonths: random() < 0.05 ? 36 : null,
    })),
    workers: Array.from({ length: workers }, (_, i) => ({
      name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${Math.floor(i / (FIRST.length * LAST.length)) + 1}` : ''}`,
      team: i % teamCount,
      lead: i === 0,
    })),
    cells: [],
    sessions: [],
  };
  for (let w = 0; w < workers; w++) {
    for (let s = 0; s < skills; s++) {
      const level = pickLevel();
      const claim = random() < 0.04 ? (['L', 'U', 'O'] as const)[Math.floor(random() * 3)]! : null;
      if (level === '-' && !claim) continue;
      plan.cells.push({ worker: w, skill: s, level, claim, daysAgo: Math.floor(random() * 365) });
    }
  }
  const sessionCount = Math.floor(workers * 2);
  for (let i = 0; i < sessionCount; i++) {
    plan.sessions.push({
      coach: Math.floor(random() * workers),
      learner: Math.floor(random() * workers),
      skill: Math.floor(random() * skills),
      minutes: 15 + Math.floor(random() * 90),
      daysAgo: Math.floor(random() * 90),
    });
  }
  plan.sessions = plan.sessions.filter((s) => s.coach !== s.learner);
  plan.cells.sort((a, b) => b.daysAgo - a.daysAgo);
  return plan;
}
