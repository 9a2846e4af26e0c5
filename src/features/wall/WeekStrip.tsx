import { useEffect, useState } from 'react';
import { useWeekNews } from '../../data/queries';
import { useT } from '../../i18n';
import { Icon } from '../../ui/Icon';
import { levelName } from '../../ui/levelDisplay';
import { useNow } from '../../ui/useNow';
import { useNames } from '../history/useNames';

/** Most lines the strip goes through, newest first. */
const MAX_ITEMS = 12;
/** How long each line stays: long enough to read from across the hall. */
const ITEM_SECONDS = 8;

/**
 * "Deze week" on the wall: who reached a higher level and who practised with whom, newest
 * first: the recognition the paper matrix never gave (DESIGN §1). One line at a time, each
 * for a few seconds; `paused` (the wall's hold button) stops it too.
 */
export function WeekStrip({ paused }: { paused: boolean }) {
  const t = useT();
  const [turn, setTurn] = useState(0);
  const now = useNow();
  const news = useWeekNews(now);
  const names = useNames();
  const count = news ? Math.min(MAX_ITEMS, news.reached.length + news.practised.length) : 0;
  useEffect(() => {
    if (paused || count < 2) return;
    const timer = setTimeout(() => setTurn((n) => n + 1), ITEM_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [paused, count, turn]);
  // The strip keeps its place while it loads: the matrix is sized to what is left, once.
  if (!news || !names)
    return (
      <section className="week-strip" aria-labelledby="week-title">
        <h2 id="week-title" className="week-title">
          {t('wall.week')}
        </h2>
      </section>
    );
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
  const item = items.length ? items[turn % items.length]! : null;
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
          {item && (
            <p key={item.key} className="week-item">
              <Icon name={item.icon} size={24} /> <span className="wall-clip">{item.text}</span>
            </p>
          )}
        </>
      )}
    </section>
  );
}
