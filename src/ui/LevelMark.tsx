import { levelLetter, levelOf, type LevelCode, type LevelStatus } from '../domain/levels';

/**
 * The level as shape + letter + colour: a circle filled a quarter per level, with the
 * letter beside it; a claim has a dashed, striped circle. The matrix cell uses the same
 * `mark` class on its single element, so the look is defined once (styles.css).
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
