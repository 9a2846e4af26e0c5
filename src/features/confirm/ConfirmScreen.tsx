import { confirmClaim } from '../../data/commands';
import { useOpenClaims } from '../../data/queries';
import { hlcMillis } from '../../domain/hlc';
import type { LevelRecord, Worker } from '../../domain/model';
import { useT, translateLoose } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { formatDateTime } from '../../ui/format';
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
  if (!data || !names) return <p className="loading">{t('app.loading')}</p>;

  const quickConfirm = async (r: LevelRecord) => {
    const result = await confirmClaim({ workerId: r.workerId, skillId: r.skillId }, ctx);
    if (result.ok) announce('picker.confirmedSaved');
    else announce(translateLoose(t, result.errors[0]!.key), 'error');
  };

  return (
    <section className="list-screen" aria-labelledby="confirm-title">
      <h1 id="confirm-title" className="screen-title">
        {t('confirm.title')}
      </h1>
      {data.claims.length === 0 ? (
        <p>{t('confirm.none')}</p>
      ) : (
        <ul className="item-list">
          {data.claims.map((r) => (
            <li key={`${r.workerId}|${r.skillId}`}>
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
                  onClick={() => quickConfirm(r)}
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
