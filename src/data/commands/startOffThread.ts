import { db, resumeAfter, type StartState } from '../store';

/**
 * The first start (ensureStarted: the demo workshop) in a worker, so the main thread stays free
 * to paint and answer while the demo's past is written. Where a worker cannot do it (no module
 * workers, or it failed: its one transaction then wrote nothing) it runs here as before.
 */
export async function ensureStartedOffThread(): Promise<StartState> {
  const state = await inWorker().catch(async (error: unknown) => {
    console.warn('demo worker failed, starting here', error);
    return (await import('./workshopStart')).ensureStarted();
  });
  // Live events come after the demo's past, whatever this device's clock said before.
  const newest = await db.events.orderBy('at').last();
  if (newest) resumeAfter(newest.at);
  return state;
}

function inWorker(): Promise<StartState> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./startWorker.ts', import.meta.url), { type: 'module' });
    const end = (settle: () => void) => {
      worker.terminate();
      settle();
    };
    worker.onmessage = ({ data }: MessageEvent<{ ok: true; state: StartState } | { ok: false; error: string }>) => end(() => (data.ok ? resolve(data.state) : reject(new Error(data.error))));
    worker.onerror = (event) => end(() => reject(new Error(event.message || 'worker error')));
    worker.postMessage('start');
  });
}
