import { useRefusedEvents } from '../../data/queries';
import { REFUSAL_PARAMS } from '../../domain/gate/refusal';
import { useT, type MessageKey } from '../../i18n';
import { useUi } from '../../state/ui';
import { formatDateTime } from '../../ui/format';
import { usePages } from '../../ui/usePages';
import { describeEvent, type Names } from '../history/describeEvent';

const PAGE = 20;

/**
 * What the gate kept out of the log, last received first: why (first, it is what the lead
 * needs), what it was, when it came and from which device. A list, not a table, so it reads
 * on a phone as well as on the wall tablet. Who an unreadable message claims to be from is not
 * repeated: it may be a lie.
 */
export function RefusedSection({ names }: { names: Names }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const { limit, more } = usePages(PAGE);
  const rows = useRefusedEvents(limit);
  if (!rows) return null;
  return (
    <section aria-labelledby="refused-title">
      <h2 id="refused-title">{t('gate.title')}</h2>
      <p className="muted">{t('gate.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('gate.none')}</p>
      ) : (
        <>
          <ul className="refused-list" aria-labelledby="refused-title">
            {rows.slice(0, limit).map((r) => (
              <li key={r.id}>
                <strong>{t(`gate.reason.${r.code}` as MessageKey, REFUSAL_PARAMS[r.code])}</strong>
                <span>{r.event ? describeEvent(r.event, names, t) : r.type === 'photo' ? t('gate.photo') : t('gate.unreadable')}</span>
                <span className="muted">
                  {t('gate.received')}: {formatDateTime(r.receivedAt, language)}
                  {r.event?.actor && ` · ${t('gate.by', { name: names.person(r.event.actor) })}`}
                  {r.device && ` · ${names.knowsDevice(r.device) ? names.device(r.device) : t('gate.device', { id: r.device.slice(0, 8) })}`}
                </span>
              </li>
            ))}
          </ul>
          {more(rows.length)}
        </>
      )}
    </section>
  );
}
