// npm run couch:setup -- URL DB — makes a company CouchDB database ready for Vaardig (see
// src/server/couchSetup.ts). Node 20 cannot run TypeScript itself: Vite's module runner loads
// the TypeScript (and the app's event types and limits it builds the rules from) as it is.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { module } = await runnerImport(fileURLToPath(new URL('./couchSetup.ts', import.meta.url)), { root, configFile: false, logLevel: 'error' });
try {
  process.exitCode = await module.main(process.argv.slice(2), module.askTerminal);
} catch (error) {
  console.error(error instanceof module.SetupError ? error.message : error);
  process.exitCode = 1;
}
