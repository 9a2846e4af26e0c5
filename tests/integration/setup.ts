// fake-indexeddb must be installed before Dexie opens a database.
import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';

// The app fetches the files it ships in public/ (the PDF fonts) from its own origin, by a path
// like `/fonts/DejaVuSans.ttf`. Node has no origin: such a path is read from public/ here, as
// vite serves it.
const nodeFetch = globalThis.fetch;
const publicFolder = new URL('../../public/', import.meta.url);
globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  if (typeof input !== 'string' || !input.startsWith('/')) return nodeFetch(input, init);
  try {
    return new Response(await readFile(new URL(input.slice(1), publicFolder)));
  } catch {
    return new Response(null, { status: 404 });
  }
};

// The app loads the whole catalog of its default language once the first screen is there
// (src/i18n/nlFirst.ts holds that screen's messages); the code tested here needs it at once.
const { DEFAULT_LANGUAGE, loadCatalog } = await import('../../src/i18n/locales');
await loadCatalog(DEFAULT_LANGUAGE);
