import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/**
 * The app's modules that the first paint loads: src/main.tsx and what it imports statically,
 * following re-exports only for the names taken (the data faces only re-export; the build
 * keeps what is used). A dynamic import() is where the first bundle ends. Paths relative to src/.
 */
export function firstBundleFiles(): string[] {
  const seen = new Set<string>();
  const resolve = (from: string, spec: string) => {
    const base = join(dirname(from), spec);
    return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p) && /\.tsx?$/.test(p));
  };
  const visit = (file: string, names: Set<string> | null) => {
    const text = readFileSync(file, 'utf8');
    const face = /^(export \{[^}]*\} from '[^']+';\s*|\/\/.*\s*|\/\*[\s\S]*?\*\/\s*)+$/.test(text.trim() + '\n');
    if (!face) {
      if (seen.has(file)) return;
      seen.add(file);
    }
    const statements = text.matchAll(/^(import|export)\s+(type\s+)?([\s\S]*?)\s*from\s+'(\.[^']+)'/gm);
    for (const [, kind, typeOnly, clause, spec] of statements) {
      if (typeOnly) continue;
      const target = resolve(file, spec!);
      if (!target) continue;
      const taken = new Set([...clause!.matchAll(/(?:^|[{,\s])(?!type\s)(\w+)(?:\s+as\s+\w+)?\s*(?=[,}])/g)].map((m) => m[1]!));
      // Only types taken (`import { type A }`): nothing of it is in the bundle.
      if (clause!.includes('{') && !taken.size && !/^\w+\s*,/.test(clause!)) continue;
      if (face && kind === 'export') {
        // A face passes on only the names its importer took.
        if (names && ![...taken].some((n) => names.has(n))) continue;
        visit(target, names && new Set([...taken].filter((n) => names.has(n))));
      } else visit(target, clause!.includes('{') ? taken : null);
    }
  };
  visit(join(SRC, 'main.tsx'), null);
  return [...seen].map((p) => relative(SRC, p).split('\\').join('/')).sort();
}
