import { useCallback, useSyncExternalStore } from 'react';
import { useUi } from '../state/ui';
import { DEFAULT_LANGUAGE, FIRST_MESSAGES, LOCALES, loadCatalog, loadedCatalog, loadedCatalogCount, subscribeCatalogs, type Language } from './locales';
import type { MessageKey } from './nl';
import { selectTemplate } from './plural';

export { DATA_LOCALE, DEFAULT_LANGUAGE, isLanguage, LANGUAGES, loadCatalog, LOCALES, localeOf, type Language, type LocaleDefinition } from './locales';
export type { Message, PluralMessage } from './plural';
export type { MessageKey };

export type Params = Record<string, string | number>;

export function isMessageKey(key: string): key is MessageKey {
  return key in FIRST_MESSAGES || key in (loadedCatalog(DEFAULT_LANGUAGE) ?? {});
}

/**
 * The message in this language with its `{name}` parameters filled in; a plural message
 * picks its form by the `count` parameter.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(tag: string): Intl.NumberFormat {
  let format = numberFormats.get(tag);
  if (!format) numberFormats.set(tag, (format = new Intl.NumberFormat(tag)));
  return format;
}

export function translate(language: Language, key: MessageKey, params?: Params): string {
  // A language whose catalog has not arrived yet (see chooseLanguage) reads as the default;
  // before the default's whole catalog is here, its first screen's messages are.
  const catalog = loadedCatalog(language);
  const tag = LOCALES[catalog ? language : DEFAULT_LANGUAGE].tag;
  const message = catalog?.[key] ?? loadedCatalog(DEFAULT_LANGUAGE)?.[key] ?? FIRST_MESSAGES[key];
  if (message === undefined) return notHereYet(key);
  const template = selectTemplate(message, tag, params?.count);
  if (!params) return template;
  // Numbers as the language writes them: 323.021 in Dutch, 323,021 in English.
  const number = numberFormat(tag);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return typeof value === 'number' ? number.format(value) : String(value);
  });
}

/**
 * A message outside the first screen's, asked for before the catalog arrived: a screen or
 * dialog that did not wait for loadMessages. It shows empty until the catalog is here (useT
 * renders again then); firstMessages.test.ts keeps the first bundle's keys in nlFirst.ts.
 */
function notHereYet(key: string): string {
  console.warn(`message ${key} asked for before its catalog arrived`);
  void loadCatalog(DEFAULT_LANGUAGE);
  return '';
}

/** The whole catalog of the language shown: what a screen or dialog outside the first bundle waits for. */
export function loadMessages(): Promise<unknown> {
  return loadCatalog(useUi.getState().language).catch(() => loadCatalog(DEFAULT_LANGUAGE));
}

/** A module loader (for React.lazy) that also waits for the whole catalog. */
export function withMessages<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), loadMessages()]).then(([module]) => module);
}

/** Whether the shown language's whole catalog is here: after the first screen, or with another language before it. */
export function useWholeCatalog(): boolean {
  const language = useUi((s) => s.language);
  useSyncExternalStore(subscribeCatalogs, loadedCatalogCount);
  return loadedCatalog(language) !== undefined;
}

/** Switches the UI language once its catalog is here. */
export async function chooseLanguage(language: Language): Promise<void> {
  await loadCatalog(language);
  useUi.getState().setLanguage(language);
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function useT(): Translate {
  const language = useUi((s) => s.language);
  // A new function when a catalog arrives, so what read the first screen's messages reads again.
  const catalogs = useSyncExternalStore(subscribeCatalogs, loadedCatalogCount);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `catalogs` is why the function is new
  return useCallback((key, params) => translate(language, key, params), [language, catalogs]);
}

/** For messages that arrive as strings (validation results): unknown keys fall back safely. */
export function translateLoose(t: Translate, key: string, params?: Params): string {
  return t(isMessageKey(key) ? key : 'error.invalid', params);
}
