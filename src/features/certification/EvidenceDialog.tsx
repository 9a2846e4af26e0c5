import { useState } from 'react';
import { useEvidenceSubject } from '../../data/queries';
import { evidenceFor, giveConsent, issueCredentials } from '../../data/commands';
import { levelName } from '../../ui/levelDisplay';
import { hlcMillis } from '../../domain/hlc';
import type { Qualification } from '../../domain/qualification';
import { writeCsv } from '../../domain/transfer/csv';
import { translateLoose, useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { Dialog } from '../../ui/Dialog';
import { download } from '../../ui/download';
import { TextField } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { PinPad } from '../kiosk/PinPad';
import { qualificationLabel } from './qualificationLabel';
import { FormError } from '../../ui/FormError';
import { fileSlug } from '../../domain/fileNames';

/**
 * A worker's evidence for a qualification: progress per werkproces, and — only with the
 * worker's consent, given here with their PIN — the exports: PDF portfolio, Open Badges, CSV.
 */
export function EvidenceDialog({ workerId, q, onClose }: { workerId: string; q: Qualification; onClose: () => void }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const announce = useUi((s) => s.announce);
  const ctx = useCommandContext();
  const data = useEvidenceSubject(workerId, q.id);
  const [asking, setAsking] = useState(false);
  const [recipient, setRecipient] = useState('');
  const [purpose, setPurpose] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!data?.worker) return null;
  const { worker, consent } = data;
  const base = `vaardig-${fileSlug(worker.name)}-${q.crebo}`;
  const date = (iso: string) => (iso ? formatDateTime(Date.parse(iso), language) : '');

  const withEvidence = async (make: (e: NonNullable<Awaited<ReturnType<typeof evidenceFor>> & { ok: true }>['value']) => Promise<void>) => {
    const r = await evidenceFor(worker.id, q.id, ctx);
    if (!r.ok) return setError(translateLoose(t, r.errors[0]!.key));
    await make(r.value);
  };
  const pdf = () =>
    withEvidence(async (e) => {
      const { portfolioPdf } = await import('../../exports/portfolioPdf');
      download(await portfolioPdf(e, t, date, language), `${base}-portfolio.pdf`, 'application/pdf');
    });
  // Signed by this device as the company's issuer: one credential per file, together in a zip.
  const badges = async () => {
    setError(null);
    const r = await issueCredentials(worker.id, q.id, ctx, { levelName: (code) => levelName(t, code) });
    if (!r.ok) return setError(translateLoose(t, r.errors[0]!.key));
    const { zipSync, strToU8 } = await import('fflate');
    const files = Object.fromEntries(r.value.map((c) => [c.fileName, strToU8(c.jwt)]));
    download(zipSync(files), `${base}-open-badges.zip`, 'application/zip');
  };
  const csv = () =>
    withEvidence(async (e) => {
      const { evidenceGrid } = await import('../../domain/evidenceExport');
      const grid = evidenceGrid(
        e,
        {
          werkproces: t('evidence.col.werkproces'),
          title: t('evidence.col.title'),
          status: t('evidence.col.status'),
          skill: t('evidence.col.skill'),
          required: t('evidence.col.required'),
          level: t('evidence.col.level'),
          confirmedBy: t('evidence.col.confirmedBy'),
          confirmedAt: t('evidence.col.confirmedAt'),
          minutes: t('evidence.col.minutes'),
          recordedAtStart: t('evidence.recordedAtStart'),
        },
        (s) => t(`progress.${s as 'shown'}`),
      );
      download(writeCsv(grid), `${base}-bewijs.csv`, 'text/csv;charset=utf-8');
    });

  const consentNow = async () => {
    setError(null);
    const r = await giveConsent({ workerId: worker.id, qualificationId: q.id, recipient, purpose }, pin);
    setPin('');
    if (r.ok) {
      setAsking(false);
      announce('consent.given');
    } else if ('pin' in r) {
      setError(
        r.pin.kind === 'noPin'
          ? t('session.noPin', { name: worker.name })
          : r.pin.kind === 'locked'
            ? t('kiosk.locked', { minutes: Math.floor(r.pin.seconds / 60), seconds: String(r.pin.seconds % 60).padStart(2, '0') })
            : t('error.learnerPin'),
      );
    } else setError(translateLoose(t, r.errors[0]!.key));
  };

  return (
    <Dialog title={t('evidence.title', { name: worker.name })} onClose={onClose} wide>
      <p>{qualificationLabel(q, t)}</p>
      {consent ? (
        <>
          <p className="consent-line" data-testid="consent">
            {t('consent.line', { recipient: consent.recipient, purpose: consent.purpose, date: formatDateTime(hlcMillis(consent.givenAt), language) })}
          </p>
          <div className="button-row">
            <button type="button" className="button primary" onClick={pdf}>
              {t('evidence.pdf')}
            </button>
            <button type="button" className="button" onClick={badges}>
              {t('evidence.badges')}
            </button>
            <button type="button" className="button" onClick={csv}>
              {t('evidence.csv')}
            </button>
          </div>
        </>
      ) : asking ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
          }}
        >
          <p>{t('consent.explain', { name: worker.name })}</p>
          <TextField label={t('consent.recipient')} value={recipient} onChange={(e) => setRecipient(e.target.value)} />
          <TextField label={t('consent.purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value)} />
          <PinPad label={t('consent.pin', { name: worker.name })} value={pin} onChange={setPin} onSubmit={consentNow} />
        </form>
      ) : (
        <>
          <p>{t('consent.needed', { name: worker.name })}</p>
          <button type="button" className="button primary" onClick={() => setAsking(true)}>
            {t('consent.ask')}
          </button>
        </>
      )}
      <FormError message={error} />
    </Dialog>
  );
}
