import { levelLetter, levelOf, type LevelCode } from '../domain/levels';
import type { Translate } from '../i18n';

/**
 * How a level reads on screen, in the current language: the one place that turns a level
 * into words. The mark (shape + letter + colour) is LevelMark / the matrix cell's image; the
 * bare letter is `levelLetter` in domain/levels.ts.
 */

/** The words: "kan het zelfstandig". */
export function levelLabel(t: Translate, code: LevelCode): string {
  return t(`level.${levelOf(code).key}.label`);
}

/** Words and letter, as text and screen readers name a level: "kan het zelfstandig (U)"; "nog niet". */
export function levelName(t: Translate, code: LevelCode): string {
  const letter = levelLetter(code);
  return letter ? t('level.named', { label: levelLabel(t, code), letter }) : levelLabel(t, code);
}

/** A level as an option in a list, letter first so the list reads like the chart: "U — kan het zelfstandig". */
export function levelChoice(t: Translate, code: LevelCode): string {
  return t('level.choice', { label: levelLabel(t, code), letter: levelLetter(code) });
}
