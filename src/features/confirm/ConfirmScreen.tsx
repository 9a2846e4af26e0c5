import { useState } from 'react';
import { confirmClaim } from '../../data/commands';
import { useOpenClaims } from '../../data/queries';
import { hlcMillis } from '../../domain/hlc';
import type { LevelRecord, Worker } from '../../domain/model';
import { useT, translateLoose } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { formatDateTime } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { LevelMark } from '../../ui/LevelMark';
import { levelName } from '../../ui/levelDisplay';
import { useNames } from '../history/useNames';
import { SignedInGate } from '../kiosk/LeadGate';
import { LevelPicker } from '../matrix/LevelPicker';
import { useNow } from '../../ui/useNow';

/**
 * Claims waiting for this person: all of them for the lead, and for a coach those on skills
 * they can teach (never their own). The lead also sees confirmations that expire.
 */
export function ConfirmScreen() {
  return <SignedInGate message="confirm.signIn">{(person) => <OpenClaims person={person} />}</SignedInGate>;
}

interface Done {
  key: string;
  worker: string;
  skill: string;
  level: string;
}

function OpenClaims({ person }: { person: Worker }) {
  const t = useT();
  const now = useNow();
  const language = useUi((s) => s.language);
  const editing = useUi((s) => s.editing);
  const openEditor = useUi((s) => s.openEditor);
  const announce = useUi((s) => s.announce);
  const ctx = useCommandContext();
  const names = useNames();
  const data = useOpenClaims(person);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  // Confirmed here, in this visit: a claim that leaves the list says where it went.
  const [justDone, setJustDone] = useState<Done[]>([]);
  if (!data || !names) return <p className="loading">{t('app.loading')}</p>;

  const key = (r: LevelRecord) => `${r.workerId}|${r.skillId}`;
  const chosenClaims = data.claims.filter((r) => chosen.has(key(r)));

  /** Confirms each claim on its own (one failing leaves the others done) and says what came of it. */
  const confirmAll = async (claims: readonly LevelRecord[]) => {
    const done: Done[] = [];
    let firstError: string | null = null;
    for (const r of claims) {
      const result = await confirmClaim({ workerId: r.workerId, skillId: r.skillId }, ctx);
      if (result.ok) done.push({ key: key(r), worker: names.person(r.workerId), skill: names.skill(r.skillId), level: levelName(t, r.claim!.level) });
      else firstError ??= translateLoose(t, result.errors[0]!.key);
    }
    setJustDone((old) => [...done, ...old]);
    setChosen(new Set());
    if (firstError) announce('confirm.someFailed', 'error', { done: done.length, error: firstError });
    else if (done.length === 1) announce('confirm.reached', 'info', { worker: done[0]!.worker, skill: done[0]!.skill, level: done[0]!.level });
    else announce('confirm.confirmedMany', 'info', { count: done.length });
  };
  const toggle = (r: LevelRecord, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      if (on) next.add(key(r));
      else next.delete(key(r));
      return next;
    });

  return (
    <section className="list-screen" aria-labelledby="confirm-title">
      <h1 id="confirm-title" className="screen-title">
        {t('confirm.title')}
      </h1>
      {data.claims.length === 0 ? (
        <p>{t('confirm.none')}</p>
      ) : (
        <>
          <p>{t('confirm.waiting', { count: data.claims.length })}</p>
          {data.claims.length > 1 && (
            <div className="button-row">
              <label className="check-field">
                <input type="checkbox" checked={chosenClaims.length === data.claims.length} onChange={(e) => setChosen(e.target.checked ? new Set(data.claims.map(key)) : new Set())} />
                {t('confirm.chooseAll')}
              </label>
              <button type="button" className="button primary" disabled={!chosenClaims.length} onClick={() => confirmAll(chosenClaims)}>
                {t('confirm.confirmChosen', { count: chosenClaims.length })}
              </button>
            </div>
          )}
          <ul className="item-list">
            {data.claims.map((r) => (
              <li key={key(r)}>
                {data.claims.length > 1 && (
                  <input
                    type="checkbox"
                    className="row-check"
                    checked={chosen.has(key(r))}
                    onChange={(e) => toggle(r, e.target.checked)}
                    aria-label={t('confirm.chooseFor', { worker: names.person(r.workerId), skill: names.skill(r.skillId) })}
                  />
                )}
                <LevelMark level={r.claim!.level} status="claimed" className="big" />
                <span className="item-name">
                  {t('confirm.claimLine', { worker: names.person(r.workerId), skill: names.skill(r.skillId), level: levelName(t, r.claim!.level) })}
                  <span className="muted small-line">
                    {formatDateTime(hlcMillis(r.claim!.at), language)}
                    {r.level !== '-' && ` · ${t('confirm.now', { level: levelName(t, r.level) })}`}
                    {r.claim!.note && ` · ${r.claim!.note}`}
                  </span>
                </span>
                <span className="row-actions">
                  <button
                    type="button"
                    className="button primary"
                    onClick={() => confirmAll([r])}
                    aria-label={t('confirm.confirmFor', { worker: names.person(r.workerId), skill: names.skill(r.skillId) })}
                  >
                    {t('confirm.confirm')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() => openEditor(r.workerId, r.skillId)}
                    aria-label={t('confirm.openFor', { worker: names.person(r.workerId), skill: names.skill(r.skillId) })}
                  >
                    {t('confirm.open')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {justDone.length > 0 && (
        <section aria-labelledby="done-title">
          <h2 id="done-title">{t('confirm.justDone')}</h2>
          <ul className="item-list done-list">
            {justDone.map((d, i) => (
              <li key={`${d.key}:${justDone.length - i}`}>
                <Icon name="check" /> {t('confirm.reached', { worker: d.worker, skill: d.skill, level: d.level })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.expiry && (
        <section aria-labelledby="expiry-title">
          <h2 id="expiry-title">{t('confirm.expiryTitle')}</h2>
          {data.expiry.soon.length + data.expiry.expired.length === 0 ? (
            <p>{t('confirm.expiryNone')}</p>
          ) : (
            <ul className="item-list">
              {[...data.expiry.expired, ...data.expiry.soon].map(({ record, expiresAt }) => (
                <li key={`${record.workerId}|${record.skillId}`}>
                  <span className="item-name">
                    {names.person(record.workerId)} — {names.skill(record.skillId)}
                  </span>
                  <span className={expiresAt <= now ? 'expired-text' : 'muted'}>{t(expiresAt <= now ? 'confirm.expiredOn' : 'confirm.expiresOn', { date: formatDateTime(expiresAt, language) })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {editing && <LevelPicker workerId={editing.workerId} skillId={editing.skillId} />}
    </section>
  );
}
