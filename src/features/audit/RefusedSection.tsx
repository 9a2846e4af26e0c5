import { useRefusedEvents } from '../../data/queries';
import { REFUSAL_PARAMS } from '../../domain/gate/refusal';
import { useT, type MessageKey } from '../../i18n';
import { useUi } from '../../state/ui';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { formatDateTime } from '../../ui/format';
import { usePages } from '../../ui/usePages';
import { describeEvent } from '../history/describeEvent';
import type { Names } from '../history/describeEvent';

const PAGE = 20;

/** What the gate kept out of the log: when it came, from which device, what it was, and why. */
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
          <table className="audit-table">
            <caption className="visually-hidden">{t('gate.title')}</caption>
            <ColumnHeads labels={[t('gate.received'), t('gate.from'), t('gate.what'), t('gate.why')]} />
            <tbody>
              {rows.slice(0, limit).map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.receivedAt, language)}</td>
                  <td>
                    {r.actor && names.person(r.actor)} {r.device && <span className="muted">({t('gate.device', { id: r.device.slice(0, 6) })})</span>}
                  </td>
                  <td>{r.event ? describeEvent(r.event, names, t) : t('gate.unreadable')}</td>
                  <td>{t(`gate.reason.${r.code}` as MessageKey, REFUSAL_PARAMS[r.code])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {more(rows.length)}
        </>
      )}
    </section>
  );
}
