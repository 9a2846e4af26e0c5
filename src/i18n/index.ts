import { useCallback } from 'react';
import { useUi } from '../state/ui';
import { DEFAULT_LANGUAGE, LOCALES, loadCatalog, loadedCatalog, type Language } from './locales';
import { nl, type MessageKey } from './nl';
import { selectTemplate } from './plural';

export { DATA_LOCALE, DEFAULT_LANGUAGE, isLanguage, LANGUAGES, loadCatalog, LOCALES, localeOf, type Language, type LocaleDefinition } from './locales';
export type { Message, PluralMessage } from './plural';
export type { MessageKey };

export type Params = Record<string, string | number>;

export function isMessageKey(key: string): key is MessageKey {
  return key in nl;
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
  // A language whose catalog has not arrived yet (see chooseLanguage) reads as the default.
  const catalog = loadedCatalog(language);
  const tag = LOCALES[catalog ? language : DEFAULT_LANGUAGE].tag;
  const template = selectTemplate(catalog?.[key] ?? nl[key], tag, params?.count);
  if (!params) return template;
  // Numbers as the language writes them: 323.021 in Dutch, 323,021 in English.
  const number = numberFormat(tag);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return typeof value === 'number' ? number.format(value) : String(value);
  });
}

/** Switches the UI language once its catalog is here. */
export async function chooseLanguage(language: Language): Promise<void> {
  await loadCatalog(language);
  useUi.getState().setLanguage(language);
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function useT(): Translate {
  const language = useUi((s) => s.language);
  return useCallback((key, params) => translate(language, key, params), [language]);
}

/** For messages that arrive as strings (validation results): unknown keys fall back safely. */
export function translateLoose(t: Translate, key: string, params?: Params): string {
  return t(isMessageKey(key) ? key : 'error.invalid', params);
}
