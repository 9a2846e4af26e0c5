import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';
import { chromiumPath } from './chromium';

/**
 * Browser tests drive the production build: build once, serve it with `vite preview`,
 * and hand the address to the tests. Missing Chromium is a failure with instructions,
 * never a silent skip.
 */
let server: PreviewServer | undefined;

export async function setup(project: TestProject) {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(
      `Chromium was not found at ${path}. The browser tests need it.\n` +
        `Install it with:  sudo apt-get install -y chromium   (Debian/Ubuntu)\n` +
        `or point CHROMIUM_PATH at a Chromium or Chrome binary.`,
    );
  }
  await build({ logLevel: 'warn' });
  server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report an address');
  project.provide('baseUrl', url);
}

export async function teardown() {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
