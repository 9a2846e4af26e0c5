import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstBundleFiles } from '../../tests/firstBundle';
import { nl } from './nl';
import { nlFirst } from './nlFirst';

const SRC = join(__dirname, '..');
const CATALOGS = new Set(['i18n/nl.ts', 'i18n/nlFirst.ts', 'i18n/en.ts']);

/** The catalog keys a source text names: quoted whole, or as the start of a built key (`level.${…}`). */
function keysNamedIn(text: string): string[] {
  const whole = [...text.matchAll(/['"`]([a-zA-Z]+(?:\.[a-zA-Z]+)+)['"`]/g)].map((m) => m[1]!).filter((k) => k in nl);
  const built = [...text.matchAll(/`([a-zA-Z]+(?:\.[a-zA-Z]+)*\.)\$\{/g)].flatMap((m) => Object.keys(nl).filter((k) => k.startsWith(m[1]!)));
  return [...whole, ...built];
}

/**
 * The first bundle holds only the first screen's Dutch messages (nlFirst.ts); the whole catalog
 * comes after the first paint. A key the first bundle's code names but nlFirst.ts lacks would
 * show empty on the first screen until then.
 */
describe("the first screen's messages", () => {
  const files = firstBundleFiles();

  it('are every message the first bundle names', () => {
    const missing = files
      .filter((f) => !CATALOGS.has(f))
      .flatMap((f) => keysNamedIn(readFileSync(join(SRC, f), 'utf8')).map((key) => `${f}: ${key}`))
      .filter((line) => !(line.split(': ')[1]! in nlFirst));
    expect([...new Set(missing)]).toEqual([]);
  });

  it('are found by following what main.tsx imports, up to the first import()', () => {
    expect(files).toEqual(expect.arrayContaining(['main.tsx', 'app/App.tsx', 'features/matrix/MatrixScreen.tsx', 'ui/levelDisplay.ts']));
    expect(files).not.toContain('features/settings/SettingsScreen.tsx');
    expect(files).not.toContain('data/commands/kernel.ts');
    // The check can fail: a key named in code, and one built from a prefix.
    expect(keysNamedIn("t('settings.title'); t(`level.${key}.label`)")).toEqual(expect.arrayContaining(['settings.title', 'level.none.label']));
  });

  it('are written once: nl.ts takes them in and does not say them again', () => {
    const own = readFileSync(join(SRC, 'i18n/nl.ts'), 'utf8');
    expect(Object.keys(nlFirst).filter((key) => own.includes(`'${key}':`))).toEqual([]);
  });
});
