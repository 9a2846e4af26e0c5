import { LEVELS } from '../../domain/levels';
import { useT } from '../../i18n';
import { Icon } from '../../ui/Icon';
import { LevelMark } from '../../ui/LevelMark';
import { levelLabel } from '../../ui/levelDisplay';

/**
 * What the marks and icons mean, in words: folded away on screen, and on the wall one line
 * that is always there (nobody reaches up to unfold it).
 */
export function Legend({ variant = 'folded' }: { variant?: 'folded' | 'line' }) {
  const t = useT();
  const levels = LEVELS.map((l) => (
    <li key={l.code}>
      <LevelMark level={l.code} /> {levelLabel(t, l.code)}
    </li>
  ));
  const claimed = (
    <li>
      <LevelMark level="U" status="claimed" /> {t('legend.claimed')}
    </li>
  );
  const kinds = (
    <>
      <li>
        <LevelMark level="U" status="confirmed" /> {t('legend.confirmed')}
      </li>
      {claimed}
      <li>
        <Icon name="check" /> {t('coverage.ok')}
      </li>
      <li>
        <Icon name="warning" /> {t('coverage.gap')}
      </li>
      <li>
        <Icon name="single" /> {t('coverage.singlePoint')}
      </li>
      <li>
        <Icon name="nobody" /> {t('coverage.nobody')}
      </li>
      <li>
        <Icon name="noTeacher" /> {t('coverage.noTeacher')}
      </li>
    </>
  );
  // On the wall the coverage row speaks in colour and count; its icons are explained on screen.
  if (variant === 'line')
    return (
      <section className="legend legend-line" aria-label={t('legend.title')}>
        <ul>
          {levels}
          {claimed}
          <li>
            <span className="legend-gap">1/3</span> {t('coverage.gap')}
          </li>
        </ul>
      </section>
    );
  return (
    <details className="legend">
      <summary>{t('legend.title')}</summary>
      <ul className="legend-levels">{levels}</ul>
      <ul className="legend-kinds">{kinds}</ul>
    </details>
  );
}
