import { describe, expect, it } from 'vitest';
import type { Steps } from '../../domain/transfer/steps';
import { runSteps } from './runSteps';

/** Work that takes about `ms` per step, `count` steps long. */
function* busy(count: number, ms: number): Steps<string> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until);
    yield (i + 1) / count;
  }
  return 'klaar';
}

describe('running long work in slices', () => {
  it('finishes with the result, reporting progress at the pauses', async () => {
    const seen: number[] = [];
    expect(await runSteps(busy(40, 1), new AbortController().signal, (done) => seen.push(done))).toBe('klaar');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((v, i) => v > 0 && v <= 1 && (i === 0 || v > seen[i - 1]!))).toBe(true);
  });

  it('gives other work a turn between slices, and stops at the next pause once aborted', async () => {
    const controller = new AbortController();
    let steps = 0;
    function* counted(): Steps<string> {
      for (const done of busy(1000, 1)) {
        steps++;
        yield done;
      }
      return 'klaar';
    }
    const running = runSteps(counted(), controller.signal, () => {});
    // A timer gets its turn while the work runs: the thread is not held to the end.
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(steps).toBeLessThan(1000);
  });
});
