import { useMemo, useState } from 'react';
import { useDevices, type DeviceRow } from '../../data/queries';
import { didKeyOf } from '../../domain/credentials/didKey';
import { checkCredential, type CredentialCheck } from '../../domain/credentials/vcJwt';
import { hlcMillis } from '../../domain/hlc';
import { deviceName } from '../history/useNames';
import { LIMITS } from '../../domain/thresholds';
import { useT } from '../../i18n';
import { useUi } from '../../state/ui';
import { fileTooBig } from '../../ui/fileLimit';
import { formatDateTime } from '../../ui/format';

/**
 * "Bewijs controleren": open or paste a credential (one `.jwt` file from a badge zip) and see,
 * offline, whether its signature holds, who issued it, for whom, what, and until when.
 */
export function VerifySection() {
  const t = useT();
  const language = useUi((s) => s.language);
  const devices = useDevices();
  // Anyone can sign with a key of their own: a signature that holds says who holds the key, not
  // that it is this company. So the issuer's key is looked up among the devices the company let in.
  const issuers = useMemo(() => new Map((devices ?? []).filter((d) => d.key).map((d) => [didKeyOf(d.key!), d])), [devices]);
  const [text, setText] = useState('');
  const [result, setResult] = useState<CredentialCheck | { ok: false; reason: 'tooBig' } | null>(null);
  const check = async (value: string) => setResult(value.trim() ? await checkCredential(value, Date.now()) : null);
  const date = (iso: string | null) => (iso ? formatDateTime(Date.parse(iso), language) : t('verify.noEnd'));
  return (
    <section aria-labelledby="verify-title">
      <h2 id="verify-title">{t('verify.title')}</h2>
      <p>{t('verify.intro')}</p>
      <label className="field">
        <span>{t('verify.file')}</span>
        <input
          type="file"
          accept=".jwt,.txt,.json,application/jwt,text/plain"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            if (fileTooBig(file, LIMITS.fileBytes)) return setResult({ ok: false, reason: 'tooBig' });
            const content = await file.text();
            setText(content);
            await check(content);
          }}
        />
      </label>
      <label className="field">
        <span>{t('verify.paste')}</span>
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      </label>
      <button type="button" className="button" onClick={() => void check(text)}>
        {t('verify.check')}
      </button>
      {result && (
        <div className={result.ok && verdictOf(result, issuers) === 'valid' ? 'verify-result ok' : 'verify-result bad'} role="status" data-testid="verify-result">
          {result.ok ? (
            <>
              <p>
                <strong>{t(`verify.${verdictOf(result, issuers)}`, { device: deviceName(t, issuers.get(result.issuer.id)) })}</strong>
              </p>
              <dl>
                <dt>{t('verify.issuer')}</dt>
                <dd>
                  {result.issuer.name}
                  {result.issuer.kvk ? ` (KvK ${result.issuer.kvk})` : ''}
                  <br />
                  <span className="muted small-id">{result.issuer.id}</span>
                </dd>
                <dt>{t('verify.person')}</dt>
                <dd>{result.person ?? t('verify.noName')}</dd>
                <dt>{t('verify.achievement')}</dt>
                <dd>
                  {result.achievement.name}
                  {result.achievement.level ? ` — ${result.achievement.level}` : ''}
                </dd>
                <dt>{t('verify.from')}</dt>
                <dd>{date(result.validFrom)}</dd>
                <dt>{t('verify.until')}</dt>
                <dd>{date(result.validUntil)}</dd>
              </dl>
            </>
          ) : (
            <p>
              <strong>{t(`verify.reason.${result.reason}`)}</strong>
            </p>
          )}
        </div>
      )}
    </section>
  );
}

type Issuers = ReadonlyMap<string, DeviceRow>;

/**
 * What the check says, first thing: genuine and from one of this company's devices (that was not
 * taken out before it issued it); or why not — another key, a device taken out, expired, not yet.
 */
function verdictOf(result: Extract<CredentialCheck, { ok: true }>, issuers: Issuers): 'valid' | 'otherIssuer' | 'revokedIssuer' | 'expired' | 'notYet' {
  const device = issuers.get(result.issuer.id);
  if (!device) return 'otherIssuer';
  if (device.revokedAt && hlcMillis(device.revokedAt) <= Date.parse(result.validFrom)) return 'revokedIssuer';
  if (result.expired) return 'expired';
  if (result.notYetValid) return 'notYet';
  return 'valid';
}
