import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { setLevel } from '../../data/commands';
import { db } from '../../data/db';
import { useCellHistory } from '../../data/queries';
import { hlcMillis } from '../../domain/hlc';
import { LEVELS, levelOf, type LevelCode, type LevelStatus } from '../../domain/levels';
import { useT, translateLoose } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { Dialog } from '../../ui/Dialog';
import { LevelMark } from '../../ui/LevelMark';
import { formatDateTime } from '../../ui/format';

/** Choose a level for one cell: big buttons with the mark and plain words; one tap saves. */
export function LevelPicker({ workerId, skillId }: { workerId: string; skillId: string }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const close = useUi((s) => s.closeEditor);
  const announce = useUi((s) => s.announce);
  const ctx = useCommandContext();
  const data = useLiveQuery(
    async () => ({ worker: await db.workers.get(workerId), skill: await db.skills.get(skillId), record: await db.levels.get([workerId, skillId]) }),
    [workerId, skillId],
  );
  const history = useCellHistory(workerId, skillId);
  const [status, setStatus] = useState<LevelStatus>('confirmed');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!data?.worker || !data.skill) return null;
  const { worker, skill, record } = data;
  const current = record?.level ?? '-';

  const choose = async (level: LevelCode) => {
    setBusy(true);
    const result = await setLevel({ workerId, skillId, level, status, note }, ctx);
    setBusy(false);
    if (result.ok) {
      announce('picker.saved');
      close();
    } else {
      const e = result.errors[0]!;
      setError(translateLoose(t, e.key, e.params));
    }
  };

  const levelLabel = (code: LevelCode) => `${t(`level.${levelOf(code).key}.label`)} (${code})`;

  return (
    <Dialog title={t('picker.title', { worker: worker.name })} onClose={close}>
      <p className="picker-skill">{t('picker.skill', { skill: skill.name })}</p>
      <p className="picker-current">
        <LevelMark level={current} status={record?.status} />{' '}
        {t('picker.current', { level: levelLabel(current) })}
        {record && current !== '-' && ` — ${t(record.status === 'claimed' ? 'status.claimedShort' : 'status.confirmedShort')}`}
      </p>
      <fieldset className="segmented">
        <legend>{t('picker.status')}</legend>
        {(['confirmed', 'claimed'] as const).map((s) => (
          <label key={s} className={status === s ? 'segment selected' : 'segment'}>
            <input type="radio" name="status" value={s} checked={status === s} onChange={() => setStatus(s)} />
            {t(s === 'confirmed' ? 'picker.confirmed' : 'picker.claimed')}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="level-note">{t('picker.note')}</label>
        <input id="level-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="level-choices">
        {LEVELS.map((l) => (
          <button
            key={l.code}
            type="button"
            className={l.code === current ? 'level-choice current' : 'level-choice'}
            aria-pressed={l.code === current && record?.status === status}
            disabled={busy}
            onClick={() => choose(l.code)}
          >
            <LevelMark level={l.code} status={status} className="big" />
            <span>{t(`level.${l.key}.label`)}</span>
          </button>
        ))}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <section className="history" aria-labelledby="history-title">
        <h3 id="history-title">{t('picker.history')}</h3>
        {history && history.length > 0 ? (
          <ol>
            {history.slice(0, 10).map((e) =>
              e.type === 'level.set' ? (
                <li key={e.id}>
                  <LevelMark level={e.payload.level} status={e.payload.status} />{' '}
                  {t('picker.historyItem', {
                    when: formatDateTime(hlcMillis(e.at), language),
                    level: levelLabel(e.payload.level),
                    status: t(e.payload.status === 'claimed' ? 'status.claimedShort' : 'status.confirmedShort'),
                  })}
                  {e.payload.note && <span className="history-note"> — {e.payload.note}</span>}
                </li>
              ) : null,
            )}
          </ol>
        ) : (
          <p>{t('picker.historyEmpty')}</p>
        )}
      </section>
    </Dialog>
  );
}
