import { LEVELS } from '../../domain/levels';
import { useT } from '../../i18n';
import { Icon } from '../../ui/Icon';
import { LevelMark } from '../../ui/LevelMark';
import { levelLabel } from '../../ui/levelDisplay';

/** What the marks and icons mean, in words: folded away on screen, open on the wall and on paper. */
export function Legend({ open = false }: { open?: boolean }) {
  const t = useT();
  return (
    <details className="legend" open={open}>
      <summary>{t('legend.title')}</summary>
      <ul className="legend-levels">
        {LEVELS.map((l) => (
          <li key={l.code}>
            <LevelMark level={l.code} /> {levelLabel(t, l.code)}
          </li>
        ))}
      </ul>
      <ul className="legend-kinds">
        <li>
          <LevelMark level="U" status="confirmed" /> {t('legend.confirmed')}
        </li>
        <li>
          <LevelMark level="U" status="claimed" /> {t('legend.claimed')}
        </li>
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
      </ul>
    </details>
  );
}
