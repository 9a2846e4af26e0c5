import { useWeekNews } from '../../data/queries';
import { useT } from '../../i18n';
import { Icon } from '../../ui/Icon';
import { levelName } from '../../ui/levelDisplay';
import { useNow } from '../../ui/useNow';
import { useNames } from '../history/useNames';

/** Most lines the strip holds: it is one line on the wall, the rest would never be seen. */
const MAX_ITEMS = 8;

/**
 * "Deze week" on the wall: who reached a higher level and who practised with whom, newest
 * first: the recognition the paper matrix never gave (DESIGN §1).
 */
export function WeekStrip() {
  const t = useT();
  const now = useNow();
  const news = useWeekNews(now);
  const names = useNames();
  if (!news || !names) return null;
  const reached = news.reached.map((r) => ({
    key: `r:${r.workerId}:${r.skillId}:${r.at}`,
    text: t('wall.reached', { person: names.person(r.workerId), skill: names.skill(r.skillId), level: levelName(t, r.level) }),
    icon: 'party' as const,
  }));
  const practised = news.practised.map((p, i) => ({
    key: `p:${i}:${p.learnerId}:${p.skillId}`,
    text: t('wall.practised', { learner: names.person(p.learnerId), skill: names.skill(p.skillId), coach: names.person(p.coachId) }),
    icon: 'people' as const,
  }));
  const items = [...reached, ...practised].slice(0, MAX_ITEMS);
  return (
    <section className="week-strip" aria-labelledby="week-title">
      <h2 id="week-title" className="week-title">
        {t('wall.week')}
      </h2>
      {items.length === 0 ? (
        <p className="week-empty">{t('wall.weekEmpty')}</p>
      ) : (
        <>
          <p className="week-counts">{[t('wall.reachedCount', { count: news.reached.length }), t('wall.practisedCount', { count: news.practised.length })].join(' · ')}</p>
          <ul className="week-items">
            {items.map((item) => (
              <li key={item.key}>
                <Icon name={item.icon} /> {item.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
