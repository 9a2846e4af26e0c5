/**
 * A message is a plain template, or one template per plural category of the language
 * (CLDR: zero, one, two, few, many, other), chosen by the `count` parameter through
 * `Intl.PluralRules`. Dutch and English need `one` and `other`; Polish, for example, also
 * `few` and `many`. `other` is always there: it is the fallback.
 */
export type PluralCategory = Intl.LDMLPluralRule;
export type PluralMessage = Partial<Record<PluralCategory, string>> & { other: string };
export type Message = string | PluralMessage;

const rulesByTag = new Map<string, Intl.PluralRules>();

export function pluralRules(tag: string): Intl.PluralRules {
  let rules = rulesByTag.get(tag);
  if (!rules) rulesByTag.set(tag, (rules = new Intl.PluralRules(tag)));
  return rules;
}

/** The template for this count; a plain template is its own answer. */
export function selectTemplate(message: Message, tag: string, count: unknown): string {
  if (typeof message === 'string') return message;
  const n = typeof count === 'number' ? count : Number(count);
  if (!Number.isFinite(n)) return message.other;
  return message[pluralRules(tag).select(n)] ?? message.other;
}

/** Every template a message holds (for checks over a whole catalog). */
export function templatesOf(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message).filter((t): t is string => typeof t === 'string');
}
