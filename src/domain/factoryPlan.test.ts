import { describe, expect, it } from 'vitest';
import { parseFactorySpec, planFactory } from './factoryPlan';

describe('the synthetic factory', () => {
  it('is the same for the same seed and different for another', () => {
    const a = planFactory({ workers: 30, skills: 20, seed: 7 });
    expect(planFactory({ workers: 30, skills: 20, seed: 7 })).toEqual(a);
    expect(planFactory({ workers: 30, skills: 20, seed: 8 }).cells).not.toEqual(a.cells);
  });

  it('has teams, stations, one lead, unique names and a realistic spread; dense fills every cell', () => {
    const f = planFactory({ workers: 500, skills: 400, seed: 1 });
    expect(f.workers.filter((w) => w.lead)).toHaveLength(1);
    expect(new Set(f.workers.map((w) => w.name)).size).toBe(500);
    expect(f.teams.length).toBe(20);
    expect(f.stations.length).toBe(40);
    const filled = f.cells.filter((c) => c.level !== '-').length / (500 * 400);
    expect(filled).toBeGreaterThan(0.55);
    expect(filled).toBeLessThan(0.75);
    expect(planFactory({ workers: 50, skills: 40, seed: 1, dense: true }).cells.filter((c) => c.level !== '-')).toHaveLength(2000);
  });

  it('reads the URL parameter only in its strict form', () => {
    expect(parseFactorySpec('500x400', '3', '1')).toEqual({ workers: 500, skills: 400, seed: 3, dense: true });
    expect(parseFactorySpec('500', null)).toBeNull();
    expect(parseFactorySpec('0x10', null)).toBeNull();
    expect(parseFactorySpec('9000x10', null)).toBeNull();
  });
});
