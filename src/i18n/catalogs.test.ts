import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appSourceFiles } from '../../tests/sourceFiles';
import { REFUSAL_CODES, REFUSAL_PARAMS } from '../domain/gate/refusal';
import { nl } from './nl';
import { FIRST_MESSAGES, LANGUAGES, loadCatalog, LOCALES, type Language } from './locales';
import type { Catalog } from './nl';
import { pluralRules, templatesOf, type Message } from './plural';
import { DEFAULT_LANGUAGE, translate } from '.';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
const placeholdersOf = (m: Message) => [...new Set(templatesOf(m).flatMap(placeholders))].sort();
const keys = Object.keys(nl) as (keyof typeof nl)[];

const catalogs = new Map<Language, Catalog>();
beforeAll(async () => {
  for (const l of LANGUAGES) catalogs.set(l, await loadCatalog(l));
});

describe('i18n catalogs', () => {
  it('says why for every reason the gate can refuse, naming the limit it names', () => {
    for (const code of REFUSAL_CODES) {
      const key = `gate.reason.${code}` as keyof typeof nl;
      expect(nl[key], key).toBeDefined();
      expect(placeholdersOf(nl[key]), key).toEqual(Object.keys(REFUSAL_PARAMS[code] ?? {}).sort());
    }
  });

  describe.each(LANGUAGES.map((l) => [l, LOCALES[l]] as const))('%s', (language, locale) => {
    it('has every Dutch key, none empty, with the same placeholders', () => {
      const catalog = catalogs.get(language)!;
      expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        const message: Message = catalog[key];
        for (const template of templatesOf(message)) expect(template.trim(), key).not.toBe('');
        expect(placeholdersOf(message), `${language} ${key}`).toEqual(placeholdersOf(nl[key]));
      }
    });

    it('gives each plural message exactly the forms its language has, and a {count}', () => {
      const categories = [...pluralRules(locale.tag).resolvedOptions().pluralCategories].sort();
      for (const key of keys) {
        const message: Message = catalogs.get(language)![key];
        if (typeof message === 'string') continue;
        expect(Object.keys(message).sort(), `${language} ${key}`).toEqual(categories);
        expect(placeholdersOf(message), `${language} ${key}`).toContain('count');
      }
    });

    it('has a name in its own language, and tags Intl knows', () => {
      expect(locale.name.trim()).not.toBe('');
      expect(Intl.DateTimeFormat.supportedLocalesOf([locale.tag])).toEqual([locale.tag]);
      expect(Intl.getCanonicalLocales(locale.pdfLanguage)).toEqual([locale.pdfLanguage]);
    });
  });

  it('uses no school words in Dutch (workers are wary of anything school-like)', () => {
    const school = /\b(cursus|toets|les|lessen|examen|huiswerk|cijfer)\b/i;
    expect(keys.filter((key) => templatesOf(nl[key]).some((text) => school.test(text)))).toEqual([]);
  });

  it('says "je", never the formal "u" or "uw", in Dutch', () => {
    // Placeholders ({u} is a level letter) and level letters in lists ("I, L, U of O") are not the pronoun.
    const formal = /\b(u|uw|uzelf|Uw|Uzelf)\b|(^|[.!?:]\s+)U\s+(?!of\b|en\b)[a-z]/;
    const offenders = keys.filter((key) => templatesOf(nl[key]).some((text) => formal.test(text.replace(/\{\w+\}/g, ''))));
    expect(offenders).toEqual([]);
    // The check can fail: it finds the formal forms, and leaves level letters alone.
    expect(['Kunt u dit bevestigen?', 'Uw pincode', 'U kunt verder.'].map((x) => formal.test(x))).toEqual([true, true, true]);
    expect(['Gebruik I, L, U of O.', 'niveau U (kan het zelfstandig)', 'Niveau {u}'.replace(/\{\w+\}/g, '')].map((x) => formal.test(x))).toEqual([false, false, false]);
  });

  it('fills in parameters and leaves unknown ones visible', () => {
    expect(translate('nl', 'matrix.summary', { people: '14 mensen', skills: '24 vaardigheden' })).toBe('14 mensen, 24 vaardigheden');
    expect(translate('en', 'matrix.summary', { people: '2 people' })).toBe('2 people, {skills}');
  });

  it('chooses the plural form by count, in each language', () => {
    expect(translate('nl', 'people.membersCount', { count: 1 })).toBe('1 persoon');
    expect(translate('nl', 'people.membersCount', { count: 0 })).toBe('0 mensen');
    expect(translate('nl', 'people.membersCount', { count: 7 })).toBe('7 mensen');
    expect(translate('en', 'sync.waiting', { count: 1 })).toBe('1 change waiting');
    expect(translate('en', 'sync.waiting', { count: 2 })).toBe('2 changes waiting');
    expect(translate('en', 'kiosk.wrongPin', { count: 1 })).toBe('Wrong PIN. You may try 1 more time.');
    // Without a count the general form is used.
    expect(translate('nl', 'skills.skillCount')).toBe('{count} vaardigheden');
  });
});

/** Languages are listed in the locale registry only: no other file names them. */
describe('the locale registry is the only list of languages', () => {
  const root = join(__dirname, '..');
  const allowed = new Set([
    'i18n/locales.ts',
    ...LANGUAGES.map((l) => `i18n/${l}.ts`),
    // Texts written in one fixed language (not the UI's) that say which language they are in.
    'pwa/manifest.ts',
    'domain/openBadges.ts',
  ]);

  it('no source file outside the registry spells out a UI language or its Intl tag', () => {
    const tags = LANGUAGES.flatMap((l) => [l, LOCALES[l].tag, LOCALES[l].pdfLanguage]);
    const pattern = new RegExp(`(['"\`])(${[...new Set(tags)].map((t) => t.replace(/[-]/g, '\\-')).join('|')})\\1`);
    const offenders = appSourceFiles()
      .filter((file) => !allowed.has(file.path) && pattern.test(file.text()))
      .map((file) => file.path);
    expect(offenders).toEqual([]);
  });

  it('the language pickers render from the registry and load the catalog before switching', () => {
    for (const path of ['app/LanguageSwitch.tsx', 'features/settings/SettingsScreen.tsx']) {
      const source = readFileSync(join(root, path), 'utf8');
      expect(source, path).toMatch(/LANGUAGES\.map\(/);
      expect(source, path).toMatch(/LOCALES\[l\]\.name/);
      expect(source, path).toMatch(/chooseLanguage\(l\)/);
    }
  });

  it("no catalog is in the first bundle, only the default language's first screen, as its catalog says it", () => {
    expect(LANGUAGES.filter((l) => typeof LOCALES[l].catalog !== 'function')).toEqual([]);
    expect(Object.keys(FIRST_MESSAGES).length).toBeGreaterThan(0);
    for (const [key, message] of Object.entries(FIRST_MESSAGES)) expect(catalogs.get(DEFAULT_LANGUAGE)![key as keyof Catalog], key).toBe(message);
  });
});
