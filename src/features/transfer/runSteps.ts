import type { Steps } from '../../domain/transfer/steps';

/** Work done before the tab looks at taps and paints again: well inside one 60 Hz frame. */
const SLICE_MS = 12;

/** Gives the thread back for one task (a tap, a paint, "Stoppen"), without the 4 ms clamp of nested timers. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Runs long work in slices so a big sheet never freezes the tab; reports how far it is at
 * each pause, and stops there (throwing the abort reason) once the signal is aborted.
 */
export async function runSteps<T>(steps: Steps<T>, signal: AbortSignal, onProgress: (done: number) => void): Promise<T> {
  signal.throwIfAborted();
  let since = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - since >= SLICE_MS) {
      onProgress(next.value);
      await nextTask();
      signal.throwIfAborted();
      since = performance.now();
    }
  }
}
