import { useId, useState } from 'react';
import { collectPersonalData } from '../../data/queries';
import type { Worker } from '../../domain/model';
import type { PersonalSummary } from '../../exports/personalDataPdf';
import { useT } from '../../i18n';
import { useUi } from '../../state/ui';
import { download } from '../../ui/download';
import { myDataFileBase, myDataJson, personalSummary } from './myDataFile';

/** Lines a list shows on screen (a lead's log can run to thousands); the download holds them all. */
const SHOWN_LINES = 200;

/**
 * "Mijn gegevens" at the bottom of the worker's own page: one line on what is kept, everything
 * on request (counts, each list folded), and the download (a PDF to read, a JSON with all of it).
 * Only ever for the person signed in with their own PIN: this page shows nobody else.
 * Read once when asked, not kept live (it reads the person's whole history).
 */
export function MyData({ person }: { person: Worker }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const announce = useUi((s) => s.announce);
  const listId = useId();
  const [summary, setSummary] = useState<PersonalSummary | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = async () => {
    if (summary) return setSummary(null);
    const data = await collectPersonalData(person.id, Date.now());
    if (!data) return;
    setSummary(personalSummary(data, t, language));
    // On a phone the lists open below the fold: bring them into view.
    requestAnimationFrame(() => document.getElementById(listId)?.scrollIntoView({ block: 'start' }));
  };

  const take = async () => {
    setBusy(true);
    try {
      const now = Date.now();
      const data = await collectPersonalData(person.id, now);
      if (!data) throw new Error('no such person');
      const base = myDataFileBase(data, now);
      const { personalDataPdf } = await import('../../exports/personalDataPdf');
      // Both files made first, then saved one after the other.
      const pdf = await personalDataPdf(personalSummary(data, t, language), `${base}.json`, t, language);
      download(myDataJson(data, t, language), `${base}.json`, 'application/json');
      download(pdf, `${base}.pdf`, 'application/pdf');
    } catch {
      announce('myData.downloadFailed', 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="my-data" aria-labelledby={`${listId}-title`}>
      <h2 id={`${listId}-title`}>{t('myData.title')}</h2>
      <p>{t('myData.intro')}</p>
      <div className="my-data-actions">
        <button type="button" className="button" aria-expanded={Boolean(summary)} aria-controls={listId} onClick={() => void toggle()}>
          {t('myData.show')}
        </button>
        <button type="button" className="button" aria-describedby={`${listId}-note`} disabled={busy} onClick={() => void take()}>
          {t('myData.download')}
        </button>
      </div>
      <p id={`${listId}-note`} className="muted">
        {t('myData.downloadNote')}
      </p>
      {summary && (
        <div id={listId} className="my-data-all">
          <p>{summary.pin}</p>
          <p>{summary.credentials}</p>
          {summary.kinds.map((kind) => (
            <details key={kind.key}>
              <summary>{kind.title}</summary>
              {kind.lines.length ? (
                <>
                  <ul>
                    {kind.lines.slice(0, SHOWN_LINES).map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ul>
                  {kind.lines.length > SHOWN_LINES && <p className="muted">{t('myData.more', { count: kind.lines.length - SHOWN_LINES })}</p>}
                </>
              ) : (
                <p className="muted">{t('myData.none')}</p>
              )}
            </details>
          ))}
        </div>
      )}
    </section>
  );
}
