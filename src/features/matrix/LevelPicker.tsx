import { useEffect, useState } from 'react';
import { confirmClaim, declineClaim, setLevel, type CommandResult } from '../../data/commands';
import { useCellEditor, useCellHistory } from '../../data/queries';
import { hlcMillis } from '../../domain/hlc';
import { LEVELS, type LevelCode } from '../../domain/levels';
import { confirmRefusal } from '../../domain/permissions';
import { isExpired } from '../../domain/validity';
import { TEXT_MAX_LENGTH } from '../../domain/thresholds';
import { translateLoose, useT } from '../../i18n';
import { usePendingLevels } from '../../state/pendingLevels';
import { useCommandContext, useUi } from '../../state/ui';
import { Dialog } from '../../ui/Dialog';
import { LevelMark } from '../../ui/LevelMark';
import { levelLabel, levelName } from '../../ui/levelDisplay';
import { formatDateTime } from '../../ui/format';
import { describeEvent, noteOf } from '../history/describeEvent';
import { useNames } from '../history/useNames';
import { FormError } from '../../ui/FormError';
import { useNow } from '../../ui/useNow';

type Mode = 'signIn' | 'claim' | 'confirm' | 'view';

/**
 * One cell: what it is, what happened to it, and what the signed-in person may do with it —
 * claim it (their own row), confirm/adjust/decline it (the lead or a coach at O), or only look.
 */
export function LevelPicker({ workerId, skillId }: { workerId: string; skillId: string }) {
  const t = useT();
  const now = useNow();
  const language = useUi((s) => s.language);
  const close = useUi((s) => s.closeEditor);
  const announce = useUi((s) => s.announce);
  const requestSignIn = useUi((s) => s.requestSignIn);
  const ctx = useCommandContext();
  const names = useNames();
  const data = useCellEditor(workerId, skillId, ctx.actor);
  const history = useCellHistory(workerId, skillId);
  const openEditor = useUi((s) => s.openEditor);
  // Opened again after a level was refused: the reason and what the person typed come back.
  const [refused] = useState(() => {
    const r = usePendingLevels.getState().refused;
    return r?.workerId === workerId && r.skillId === skillId ? r : null;
  });
  useEffect(() => {
    if (refused) usePendingLevels.getState().takeRefused();
  }, [refused]);
  const [note, setNote] = useState(refused?.note ?? '');
  const [error, setError] = useState<string | null>(refused ? translateLoose(t, refused.error.key, refused.error.params) : null);
  const [busy, setBusy] = useState(false);
  if (!data?.worker || !data.skill || !names) return null;
  const { worker, skill, record, actor, own } = data;
  const mode: Mode = !actor ? 'signIn' : actor.id === workerId ? 'claim' : confirmRefusal(actor, workerId, own, skill, now) ? 'view' : 'confirm';
  const claim = record?.claim ?? null;

  const run = async (action: () => Promise<CommandResult<unknown>>, done: string) => {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (result.ok) {
      announce(done);
      close();
    } else {
      const e = result.errors[0]!;
      setError(translateLoose(t, e.key, e.params));
    }
  };

  const choices = LEVELS.filter((l) => mode === 'confirm' || l.code !== '-');
  /**
   * A tap on a level shows it in the cell in the next frame and closes the picker; the write
   * follows (`vaardig:level-tap` → `vaardig:level-durable`, what `npm run bench` times). A
   * refused write puts the cell back and opens the picker again with the reason.
   */
  const chooseLevel = async (level: LevelCode) => {
    const status = mode === 'claim' ? 'claimed' : 'confirmed';
    const pending = usePendingLevels.getState();
    performance.mark('vaardig:level-tap');
    pending.show(workerId, skillId, level, status);
    close();
    const result = await setLevel({ workerId, skillId, level, status, note }, ctx).catch(() => null);
    if (result?.ok) {
      performance.mark('vaardig:level-durable');
      pending.settle(workerId, skillId);
      announce(mode === 'claim' ? 'picker.claimSaved' : 'picker.saved');
      return;
    }
    const e = result && !result.ok ? result.errors[0]! : { key: 'error.unexpected', params: undefined };
    pending.refuse({ workerId, skillId, note, error: { key: e.key, params: e.params } });
    openEditor(workerId, skillId);
  };

  return (
    <Dialog title={mode === 'claim' ? t('picker.titleOwn') : t('picker.title', { worker: worker.name })} onClose={close}>
      <p className="picker-skill">{t('picker.skill', { skill: skill.name })}</p>
      <p className="picker-current">
        <LevelMark level={record?.level ?? '-'} />
        {record && record.level !== '-'
          ? t('picker.confirmedBy', { level: levelName(t, record.level), by: names.person(record.by), when: formatDateTime(hlcMillis(record.at), language) })
          : t('picker.notConfirmed')}
        {record && isExpired(record, skill, now) && <strong className="expired-text"> {t('status.expired')}</strong>}
      </p>
      {claim && (
        <p className="picker-claim">
          <LevelMark level={claim.level} status="claimed" /> {t('picker.claimWaiting', { worker: worker.name, level: levelName(t, claim.level) })}
          {claim.note && <span className="muted"> — {claim.note}</span>}
        </p>
      )}
      {record?.outcome && !claim && mode === 'claim' && (
        <p className="picker-outcome" role="status">
          {t(`outcome.${record.outcome.kind}`, { by: names.person(record.outcome.by), level: levelName(t, record.outcome.claimedLevel) })}
          {record.outcome.reason && ` — ${record.outcome.reason}`}
        </p>
      )}

      {mode === 'signIn' && (
        <div className="picker-signin">
          <p>{t('picker.signInToChange')}</p>
          <button type="button" className="button primary" onClick={() => requestSignIn(true)}>
            {t('kiosk.signIn')}
          </button>
        </div>
      )}
      {mode === 'view' && <p className="picker-view">{t('picker.cannotConfirm')}</p>}

      {(mode === 'claim' || mode === 'confirm') && (
        <>
          <div className="field">
            <label htmlFor="level-note">{t(mode === 'claim' ? 'picker.noteOwn' : claim ? 'picker.reason' : 'picker.note')}</label>
            <input id="level-note" value={note} maxLength={TEXT_MAX_LENGTH} onChange={(e) => setNote(e.target.value)} />
          </div>
          {mode === 'confirm' && claim && (
            <div className="button-row">
              <button type="button" className="button primary" disabled={busy} onClick={() => run(() => confirmClaim({ workerId, skillId, note }, ctx), 'picker.confirmedSaved')}>
                {t('picker.confirmClaim', { level: levelName(t, claim.level) })}
              </button>
              <button type="button" className="button danger" disabled={busy} onClick={() => run(() => declineClaim({ workerId, skillId, note }, ctx), 'picker.declinedSaved')}>
                {t('picker.declineClaim')}
              </button>
            </div>
          )}
          <h3 className="choices-title">{t(mode === 'claim' ? 'picker.howWell' : claim ? 'picker.adjustTo' : 'picker.setTo')}</h3>
          <div className="level-choices">
            {choices.map((l) => (
              <button
                key={l.code}
                type="button"
                className={l.code === (mode === 'claim' ? claim?.level : record?.level) ? 'level-choice current' : 'level-choice'}
                disabled={busy}
                onClick={() => void chooseLevel(l.code)}
              >
                <LevelMark level={l.code} status={mode === 'claim' ? 'claimed' : 'confirmed'} className="big" />
                <span>{levelLabel(t, l.code)}</span>
              </button>
            ))}
          </div>
        </>
      )}
      <FormError message={error} />
      <section className="history" aria-labelledby="history-title">
        <h3 id="history-title">{t('picker.history')}</h3>
        {history && history.length > 0 ? (
          <ol>
            {history.slice(0, 12).map((e) => (
              <li key={e.id}>
                <span className="history-when">{formatDateTime(hlcMillis(e.at), language)}</span> {describeEvent(e, names, t)}{' '}
                <span className="muted">{t('history.by', { name: names.person(e.actor) })}</span>
                {noteOf(e) && <span className="history-note"> — {noteOf(e)}</span>}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('picker.historyEmpty')}</p>
        )}
      </section>
    </Dialog>
  );
}
