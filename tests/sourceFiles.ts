import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The app's source files (src/, tests beside the code left out), as paths relative to src/
 * with '/' separators, for tests that check a fact is declared in one place only.
 */
const SRC = fileURLToPath(new URL('../src', import.meta.url));

export interface SourceFile {
  path: string;
  text: () => string;
}

export function appSourceFiles(): SourceFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
    });
  return walk(SRC).map((full) => ({ path: relative(SRC, full).split('\\').join('/'), text: () => readFileSync(full, 'utf8') }));
}
