import { isLevelCode, LEVELS, type LevelCode } from '../levels';

/**
 * A level as people write it in a spreadsheet: the ILUO letter (any case) or 0–4; empty or
 * "-" means not yet. Returns undefined for anything else.
 */
export function parseLevelText(text: string): LevelCode | null | undefined {
  const t = text.trim().toUpperCase();
  if (t === '') return null;
  if (isLevelCode(t)) return t;
  if (/^[0-4]$/.test(t)) return LEVELS[Number(t)]!.code;
  return undefined;
}

export function isLevelLike(text: string): boolean {
  return text.trim() !== '' && parseLevelText(text) !== undefined;
}
