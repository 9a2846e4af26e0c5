/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest } from './src/pwa/manifest.ts';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // 'prompt': a new version waits until someone taps "update"; never reload under fingers.
      registerType: 'prompt',
      injectRegister: false,
      manifest,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,ttf}'],
        globIgnores: ['screenshots/**'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    // Dexie's build for current browsers (no fallbacks for old ones): 2 KB less in the first
    // bundle. Every import of 'dexie' (dexie-react-hooks' too) gets this one copy.
    alias: [
      { find: /^dexie$/, replacement: fileURLToPath(new URL('./node_modules/dexie/dist/modern/dexie.mjs', import.meta.url)) },
      // The table's store (@tanstack/react-store) asks for React 17's stand-in for a hook React 19 has.
      { find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/, replacement: 'use-sync-external-store/with-selector.js' },
    ],
  },
  // Module workers: the first start's worker (src/data/commands/startWorker.ts) shares chunks.
  worker: { format: 'es' },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      // The data wings' faces (src/data/*/index.ts) only re-export: a screen that needs one
      // query must not pull every query (and the code behind it) into its chunk.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]data[\\/](commands|queries|sync|store)[\\/]index\.ts$/.test(id) },
    },
  },
  // Budgets, not expectations: each is several times what the test needs on this 2-core
  // machine when busy, so a loaded machine does not fail a test; tests wait on events and
  // conditions, never on fixed delays. The bench is not here (`npm run bench:smoke`).
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/integration/setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
