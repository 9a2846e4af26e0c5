import { useCallback } from 'react';
import { useUi } from '../state/ui';
import { en } from './en';
import { nl, type Catalog, type MessageKey } from './nl';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];
export const DEFAULT_LANGUAGE: Language = 'nl';
export const CATALOGS: Record<Language, Catalog> = { nl, en };
export type { MessageKey };

export type Params = Record<string, string | number>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function isMessageKey(key: string): key is MessageKey {
  return key in nl;
}

export function translate(language: Language, key: MessageKey, params?: Params): string {
  const template = CATALOGS[language][key] ?? nl[key];
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
