import { levelLetter, levelOf, type LevelCode, type LevelStatus } from '../domain/levels';

/**
 * The level as shape + letter + colour: the mark image of markImage.ts (a circle filled a
 * quarter per level; a claim dashed and striped) with the letter beside it. The matrix cell
 * carries the same attributes on its single element and shows the same image, so the mark
 * is drawn in one place. Decorative for screen readers: say the level with levelName().
 */
export function markAttributes(level: LevelCode, status: LevelStatus) {
  return { 'data-rank': levelOf(level).rank, 'data-status': status };
}

export function LevelMark({ level, status = 'confirmed', className = '' }: { level: LevelCode; status?: LevelStatus; className?: string }) {
  return (
    <span className={`mark ${className}`} {...markAttributes(level, status)} aria-hidden="true">
      {levelLetter(level)}
    </span>
  );
}
