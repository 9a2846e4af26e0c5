// ESLint (flat config): typescript-eslint, React hooks, JSX accessibility; Prettier owns the
// layout (eslint-config-prettier turns the layout rules off). `npm run lint` runs ESLint and
// `prettier --check`; `npm run format` rewrites the layout.
//
// typescript-eslint needs TypeScript's programmatic API, which TypeScript 7 does not ship yet:
// the package named `typescript` here is TypeScript 6 (`@typescript/typescript6`), used only
// by the linter; `tsc` (type checking in `npm test`) is TypeScript 7 (`@typescript/native`).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Only src/data talks to IndexedDB (Dexie); screens and domain code go through its faces. */
const DEXIE_OUTSIDE_DATA = {
  paths: [
    { name: 'dexie', message: 'Only src/data/ may import Dexie: use what src/data exports.' },
    { name: 'dexie-react-hooks', message: 'Only src/data/ may import dexie-react-hooks: use the queries src/data exports.' },
  ],
  patterns: [
    { group: ['dexie/*', 'dexie-react-hooks/*'], message: 'Only src/data/ may import Dexie.' },
    {
      group: ['**/data/store', '**/data/store/*', '**/data/commands/*', '**/data/queries/*', '**/data/sync/*'],
      message: 'Outside src/data, use the faces: data/commands, data/queries, data/sync.',
    },
  ],
};

/** src/server is Node tooling (`npm run couch:setup`): the web app never imports it, so Vite never bundles it. */
const NOT_SERVER_TOOLING = { regex: '^(\\.\\./)+server(/|$)', message: 'src/server is Node tooling (npm run couch:setup), not part of the web app.' };

export default defineConfig([
  globalIgnores(['dist/', 'dev-dist/', 'coverage/', 'tests/bench/.dist-*/', 'tests/e2e/.artifacts/', 'tests/standards/openbadges-3.0/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring a field away, say).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/bench/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser, __APP_VERSION__: 'readonly' } },
  },
  {
    // Node scripts that drive Chromium: the functions handed to page.evaluate run in the page.
    files: ['tests/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/bench/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // This app does not use the React Compiler: its "cannot memoize this library" notice is moot.
    files: ['src/**/*.{ts,tsx}', 'tests/bench/**/*.tsx'],
    rules: { 'react-hooks/incompatible-library': 'off' },
  },
  {
    files: ['src/**/*.tsx', 'tests/bench/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    // autoFocus is used only on the first field of a form dialog, as the ARIA dialog pattern
    // advises (the dialog is opened by the person's own tap, so focus moving there is expected).
    files: ['src/**/*.tsx'],
    rules: { 'jsx-a11y/no-autofocus': ['error', { ignoreNonDOM: true }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/data/**'],
    rules: { 'no-restricted-imports': ['error', { ...DEXIE_OUTSIDE_DATA, patterns: [...DEXIE_OUTSIDE_DATA.patterns, NOT_SERVER_TOOLING] }] },
  },
  {
    files: ['src/data/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_SERVER_TOOLING] }] },
  },
  prettier,
]);
