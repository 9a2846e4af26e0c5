import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nl } from './nl';
import { translate } from '.';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n catalogs', () => {
  it('English has every Dutch key, none empty, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('uses no school words in Dutch (workers are wary of anything school-like)', () => {
    const school = /\b(cursus|toets|les|lessen|examen|huiswerk|cijfer)\b/i;
    expect(Object.entries(nl).filter(([, text]) => school.test(text))).toEqual([]);
  });

  it('fills in parameters and leaves unknown ones visible', () => {
    expect(translate('nl', 'matrix.summary', { workers: 14, skills: 24 })).toBe('14 mensen, 24 vaardigheden');
    expect(translate('en', 'matrix.summary', { workers: 2 })).toBe('2 people, {skills} skills');
  });
});
