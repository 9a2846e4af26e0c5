/// <reference lib="webworker" />
import { initClock } from '../store';
import { ensureStarted } from './workshopStart';

/**
 * A worker that writes the demo workshop on a first start (see startOffThread.ts): building,
 * sealing, signing and folding its thirteen weeks of history takes the main thread a second
 * or more on a cheap tablet. Here it holds up nothing the person sees or touches.
 */
self.onmessage = async () => {
  try {
    await initClock();
    const state = await ensureStarted();
    postMessage({ ok: true, state });
  } catch (error) {
    postMessage({ ok: false, error: String(error) });
  }
};
