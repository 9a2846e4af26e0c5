import { useMyProgress } from '../../data/queries';
import { withdrawConsent } from '../../data/commands';
import { hlcMillis } from '../../domain/hlc';
import type { Worker } from '../../domain/model';
import { translateLoose, useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { formatDateTime } from '../../ui/format';

/**
 * For the worker: how far toward their certificate, in plain words ("5 van de 6 onderdelen laten
 * zien — nog nodig: …"; the werkproces titles, never their codes),
 * and the consents they gave, each of which they can withdraw.
 */
export function MyProgress({ person }: { person: Worker }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const announce = useUi((s) => s.announce);
  const ctx = useCommandContext();
  const data = useMyProgress(person);
  if (!data) return null;
  const { q, progress } = data;
  return (
    <>
      {q && progress && (
        <section className="my-progress" aria-labelledby="my-progress-title">
          <h2 id="my-progress-title">{t('mine.towards', { title: q.title, example: q.example ? ` (${t('qualification.example')})` : '' })}</h2>
          <p className="progress-line">
            <progress max={progress.total} value={progress.shown} aria-hidden="true" /> {t('mine.progress', { shown: progress.shown, total: progress.total })}
            {progress.shown < progress.total &&
              ` — ${t('mine.stillNeeded', {
                list: progress.werkprocessen
                  .filter((w) => w.status !== 'shown')
                  .map((w) => w.title)
                  .join(', '),
              })}`}
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
