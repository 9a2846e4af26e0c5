import { afterAll, beforeAll } from 'vitest';
import { startCouch } from '../integration/couchServer';
import { launchChromium, type Browser } from './chromium';

/** A browser and a CouchDB-compatible server for the file's tests, started once and stopped after. */
export function browserAndCouch(): { browser: Browser; server: Awaited<ReturnType<typeof startCouch>> } {
  const env = {} as ReturnType<typeof browserAndCouch>;
  beforeAll(async () => {
    env.browser = await launchChromium();
    env.server = await startCouch();
  }, 60_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
