import type { Catalog } from './nl';
import { nlFirst } from './nlFirst';

/**
 * Every UI language, once. Adding a language is one catalog file (a copy of nl.ts with the
 * same keys, `Catalog` type) plus one line here; the language picker, `<html lang>`, dates,
 * numbers, plural rules and the PDF language all follow this list.
 */
export interface LocaleDefinition {
  /**
   * The messages, loaded when needed (loadCatalog): a language when someone chooses it, the
   * default's once the first screen is there. Only the default language's first screen
   * (FIRST_MESSAGES) is in the first bundle, so neither the catalogs nor each added language
   * cost the first paint anything.
   */
  catalog: () => Promise<Catalog>;
  /** BCP-47 tag for Intl (dates, numbers, plural rules, collation). */
  tag: string;
  /** The language written into exported PDFs (`/Lang`). */
  pdfLanguage: string;
  /** The language's name in itself, as the picker shows it ("Nederlands", "English"). */
  name: string;
}

export const LOCALES = {
  nl: { catalog: () => import('./nl').then((m) => m.nl), tag: 'nl-NL', pdfLanguage: 'nl-NL', name: 'Nederlands' },
  en: { catalog: () => import('./en').then((m) => m.en), tag: 'en-GB', pdfLanguage: 'en-GB', name: 'English' },
} as const satisfies Record<string, LocaleDefinition>;

export type Language = keyof typeof LOCALES;
export const LANGUAGES = Object.keys(LOCALES) as readonly Language[];
export const DEFAULT_LANGUAGE: Language = 'nl';

/**
 * The language of the company's own data (names of people, skills, stations): sorting and
 * comparing names follow it, whatever language a device shows, so every device lists the
 * same people in the same order.
 */
export const DATA_LOCALE: string = LOCALES[DEFAULT_LANGUAGE].tag;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}

export function localeOf(language: Language): LocaleDefinition {
  return LOCALES[language];
}

/** The default language's messages of the first screen (nlFirst.ts): always here. */
export const FIRST_MESSAGES: Partial<Catalog> = nlFirst;

const loaded = new Map<Language, Catalog>();
const listeners = new Set<() => void>();

/** The catalog of a language if it is here already. */
export function loadedCatalog(language: Language): Catalog | undefined {
  return loaded.get(language);
}

/** Fetches a language's catalog (once); call before switching to it. */
export async function loadCatalog(language: Language): Promise<Catalog> {
  const have = loaded.get(language);
  if (have) return have;
  const catalog = await LOCALES[language].catalog();
  if (!loaded.has(language)) {
    loaded.set(language, catalog);
    for (const listener of listeners) listener();
  }
  return catalog;
}

/** For useT: texts shown before a catalog arrived are shown again once it has. */
export function subscribeCatalogs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function loadedCatalogCount(): number {
  return loaded.size;
}
