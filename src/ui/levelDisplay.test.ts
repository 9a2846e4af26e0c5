import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appSourceFiles } from '../../tests/sourceFiles';
import { LEVELS } from '../domain/levels';
import { loadCatalog, translate, type MessageKey, type Params } from '../i18n';
import { levelChoice, levelLabel, levelName } from './levelDisplay';
import { levelMarkVariables } from './markImage';

const nl = (key: MessageKey, params?: Params) => translate('nl', key, params);
const en = (key: MessageKey, params?: Params) => translate('en', key, params);
beforeAll(() => loadCatalog('en'));

describe('how a level reads', () => {
  it('in words, words with the letter, and as a choice, per language', () => {
    expect(levelLabel(nl, 'U')).toBe('kan het zelfstandig');
    expect(levelName(nl, 'U')).toBe('kan het zelfstandig (U)');
    expect(levelName(nl, '-')).toBe('nog niet');
    expect(levelChoice(nl, 'O')).toBe('O — kan het anderen leren');
    expect(levelName(en, 'L')).toBe('can do it with help (L)');
  });

  it('has words for every level in every language', () => {
    for (const t of [nl, en]) for (const l of LEVELS) expect(levelLabel(t, l.code)).not.toMatch(/^level\./);
  });
});

describe('the level mark is drawn once', () => {
  it('as an SVG image per level, confirmed and claimed, for the page and the grid', () => {
    const vars = levelMarkVariables();
    for (const l of LEVELS) {
      expect(vars[`--level-mark-${l.rank}`]).toMatch(/^url\("data:image\/svg\+xml,/);
      if (l.rank > 0) expect(vars[`--level-mark-${l.rank}-claimed`]).toContain(encodeURIComponent('stroke-dasharray'));
    }
    expect(vars['--level-mark-0-faded']).toContain(encodeURIComponent('opacity=".3"'));
  });

  it('the stylesheet draws no mark of its own, only the images', () => {
    const css = readFileSync(join(__dirname, '../styles.css'), 'utf8');
    const markRules = css.split('\n').filter((line) => /\.mark\b/.test(line));
    expect(markRules.join('\n')).not.toMatch(/conic-gradient|border-radius|repeating-linear-gradient/);
  });

  it('no screen spells out a level itself: words, letters and marks come from levelDisplay / LevelMark', () => {
    const spelledOut = /`level\.\$\{|'level\.(none|learning|withHelp|independent|teaches)\.label'|=== '-' \? '' :/;
    const offenders = appSourceFiles()
      .filter((file) => !['ui/levelDisplay.ts', 'domain/levels.ts'].includes(file.path) && !file.path.startsWith('i18n/') && spelledOut.test(file.text()))
      .map((file) => file.path);
    expect(offenders).toEqual([]);
  });
});
