/**
 * Dutch alphabetical order. One shared collator: `localeCompare(…, 'nl')` looks the locale
 * up on every call, which costs tens of milliseconds when sorting 500 names.
 */
const collator = new Intl.Collator('nl');

export const compareText = (a: string, b: string): number => collator.compare(a, b);

export const byName = (a: { name: string }, b: { name: string }): number => collator.compare(a.name, b.name);
