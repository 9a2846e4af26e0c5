import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data/db';
import { withdrawConsent } from '../../data/qualifications';
import { hlcMillis } from '../../domain/hlc';
import { normaliseLevel, type Worker } from '../../domain/model';
import { progressOf } from '../../domain/progress';
import { translateLoose, useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { formatDateTime } from '../../ui/format';
import { levelsOfWorker } from '../../data/levels';

/**
 * For the worker: how far toward their certificate, in plain words ("5 van 6 — nog nodig: …"),
 * and the consents they gave, each of which they can withdraw.
 */
export function MyProgress({ person }: { person: Worker }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const announce = useUi((s) => s.announce);
  const ctx = useCommandContext();
  const data = useLiveQuery(async () => {
    const [q, mappings, levels, skills, consents, qualifications] = await Promise.all([
      person.targetQualificationId ? db.qualifications.get(person.targetQualificationId) : undefined,
      person.targetQualificationId ? db.mappings.where('qualificationId').equals(person.targetQualificationId).toArray() : [],
      levelsOfWorker(person.id),
      db.skills.toArray(),
      db.consents.where('workerId').equals(person.id).toArray(),
      db.qualifications.toArray(),
    ]);
    const progress = q ? progressOf(q, mappings, new Map(levels.map((l) => [l.skillId, normaliseLevel(l)])), new Map(skills.map((s) => [s.id, s])), Date.now()) : null;
    return { q, progress, consents: consents.filter((c) => !c.withdrawn), titles: new Map(qualifications.map((x) => [x.id, x.title])) };
  }, [person.id, person.targetQualificationId]);
  if (!data) return null;
  const { q, progress } = data;
  return (
    <>
      {q && progress && (
        <section className="my-progress" aria-labelledby="my-progress-title">
          <h2 id="my-progress-title">{t('mine.towards', { title: q.title, example: q.example ? ` (${t('qualification.example')})` : '' })}</h2>
          <p className="progress-line">
            <progress max={progress.total} value={progress.shown} aria-hidden="true" />{' '}
            {t('progress.count', { shown: progress.shown, total: progress.total })}
            {progress.shown < progress.total && ` — ${t('mine.stillNeeded', { list: progress.werkprocessen.filter((w) => w.status !== 'shown').map((w) => w.title).join(', ') })}`}
          </p>
        </section>
      )}
      {data.consents.length > 0 && (
        <section aria-labelledby="my-consents">
          <h2 id="my-consents">{t('consent.mine')}</h2>
          <ul className="item-list">
            {data.consents.map((c) => (
              <li key={c.id}>
                <span className="item-name">
                  {t('consent.line', { recipient: c.recipient, purpose: c.purpose, date: formatDateTime(hlcMillis(c.givenAt), language) })}
                  <span className="muted small-line">{data.titles.get(c.qualificationId)}</span>
                </span>
                <button
                  type="button"
                  className="button"
                  onClick={async () => {
                    const r = await withdrawConsent(c.id, ctx);
                    announce(r.ok ? 'consent.withdrawn' : translateLoose(t, r.errors[0]!.key), r.ok ? 'info' : 'error');
                  }}
                >
                  {t('consent.withdraw')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
