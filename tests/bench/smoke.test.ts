import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * `npm run bench:smoke`: `npm run bench` at toy size. The harness builds the app and both
 * peers, runs end to end and writes every figure. No timing is asserted (machines differ).
 * Not part of `npm test` (it takes minutes); run it when the harness or the app's bench
 * hooks change.
 */
const FIGURES = ['mountMs', 'domNodes', 'scroll', 'tickToPaintMs', 'coldStartMs', 'initialJsGzipKB', 'load200kMs'] as const;
const isNumber = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;

describe('npm run bench (50 × 40)', () => {
  it('writes bench-results.json with every figure for Vaardig and both peers', { timeout: 1_200_000 }, async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vaardig-bench-')), 'bench-results.json');
    const { stdout } = await promisify(execFile)(process.execPath, ['tests/bench/run.mjs', '--workers', '50', '--skills', '40', '--runs', '2', '--taps', '30', '--out', out], {
      timeout: 1_150_000,
      maxBuffer: 10_000_000,
    });
    expect(stdout).toContain('Vaardig vs TanStack plain and AG Grid, 50 workers × 40 skills');
    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(results).toMatchObject({ workers: 50, skills: 40 });
    for (const who of ['vaardig', 'baseline', 'agGrid'] as const) {
      const r = results[who];
      expect(Object.keys(r)).toEqual(expect.arrayContaining([...FIGURES]));
      expect([r.mountMs.median, r.mountMs.p95, r.domNodes, r.coldStartMs, r.initialJsGzipKB, r.load200kMs, r.tickToPaintMs.p50, r.tickToPaintMs.p95].every(isNumber)).toBe(true);
      expect([r.scroll.longTasks, r.scroll.framesOver20ms, r.scroll.frames].every(isNumber)).toBe(true);
      expect(r.levelRecords).toBe(2000);
      // Every tap changed what the cell shows.
      expect(r.tapsWithoutChange).toBe(0);
    }
    // Virtualised: fewer elements than the plain table renders for 2,000 cells.
    expect(results.vaardig.domNodes).toBeLessThan(results.baseline.domNodes);
    expect(Object.keys(results.targetsMet).sort()).toEqual([...FIGURES].sort());
    expect(Object.values(results.baselineOverVaardig).every(isNumber)).toBe(true);
    expect(Object.values(results.agGridOverVaardig).every(isNumber)).toBe(true);
  });
});
