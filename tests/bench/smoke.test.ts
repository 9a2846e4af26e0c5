import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * `npm run bench:smoke`: `npm run bench` at toy size. The harness builds the app and both
 * peers, runs end to end (screens, sync, Lighthouse, scale) and writes every figure. No timing
 * is asserted (machines differ).
 * Not part of `npm test` (it takes minutes); run it when the harness or the app's bench
 * hooks change.
 */
const isNumber = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;

describe('npm run bench (50 × 40)', () => {
  it('writes bench-results.json with every figure for Vaardig and both peers', { timeout: 1_200_000 }, async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vaardig-bench-')), 'bench-results.json');
    const { stdout } = await promisify(execFile)(process.execPath, ['tests/bench/run.mjs', '--workers', '50', '--skills', '40', '--runs', '2', '--taps', '6', '--sizes', '20x10,50x40', '--out', out], {
      timeout: 1_150_000,
      maxBuffer: 10_000_000,
    });
    expect(stdout).toContain('Vaardig vs TanStack plain and AG Grid, 50 workers × 40 skills');
    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(results).toMatchObject({ workers: 50, skills: 40, cpuSlowdown: 4 });
    for (const who of ['vaardig', 'baseline', 'agGrid'] as const) {
      const r = results[who];
      const figures = [r.filledMs, r.filledMsSlow, r.initialJsGzipKB, r.heapMB, r.domNodes, r.tapToPaintMs.p50, r.tapToPaintMs.p95, r.fling.longTasks, r.flingSlow.longTasks, r.scroll.longTasks];
      expect(figures.every(isNumber), `${who}: ${JSON.stringify(r)}`).toBe(true);
      // Every tap changed what the cell shows.
      expect(r.tapsWithoutChange).toBe(0);
    }
    const v = results.vaardig;
    expect([v.tapToDurableMs.p95, v.mountMs.median, v.load200kMs].every(isNumber)).toBe(true);
    expect(v.levelRecords).toBe(2000);
    // Virtualised: fewer elements than the plain table renders for 2,000 cells.
    expect(v.domNodes).toBeLessThan(results.baseline.domNodes);
    expect([results.sync.pushMs, results.sync.joinMs].every(isNumber)).toBe(true);
    expect([results.lighthouse.performance, results.lighthouse.cls, results.lighthouse.tbtMs].every(isNumber)).toBe(true);
    expect(results.scale.map((s: { workers: number }) => s.workers)).toEqual([20, 50]);
    expect(Object.values(results.targetsMet).every((x) => typeof x === 'boolean')).toBe(true);
    expect(Object.values(results.agGridOverVaardig).every(isNumber)).toBe(true);
  });
});
