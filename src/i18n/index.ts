import { useCallback } from 'react';
import { useUi } from '../state/ui';
import { DEFAULT_LANGUAGE, LOCALES, type Language } from './locales';
import { nl, type MessageKey } from './nl';
import { selectTemplate } from './plural';

export { DATA_LOCALE, DEFAULT_LANGUAGE, isLanguage, LANGUAGES, LOCALES, localeOf, type Language, type LocaleDefinition } from './locales';
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
export function translate(language: Language, key: MessageKey, params?: Params): string {
  const locale = LOCALES[language] ?? LOCALES[DEFAULT_LANGUAGE];
  const template = selectTemplate(locale.catalog[key] ?? nl[key], locale.tag, params?.count);
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
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
