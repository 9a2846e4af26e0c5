import { useMemo, useState } from 'react';
import qrcode from 'qrcode-generator';
import { useGateCounts, useHasDemo, useSyncConfig, useWaitingToSend } from '../../data/queries';
import { connect, disconnect, type SyncConfig, useSyncStatus } from '../../data/sync';
import { useT, type MessageKey } from '../../i18n';
import { useUi } from '../../state/ui';
import { TextField } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { FormError } from '../../ui/FormError';

const PROBLEM: Record<string, MessageKey> = {
  badUrl: 'sync.badUrl',
  unreachable: 'sync.unreachable',
  credentials: 'sync.credentials',
  missingDatabase: 'sync.missingDatabase',
  rejected: 'sync.rejected',
  badResponse: 'sync.badResponse',
};

/** The link a QR code carries: server and company database, never a password. */
export function connectLink(config: Pick<SyncConfig, 'url' | 'db'>): string {
  const params = new URLSearchParams({ connect: config.url, db: config.db });
  return `${location.origin}/?${params}#/settings`;
}

function QrCode({ text, label }: { text: string; label: string }) {
  const svg = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    return qr.createSvgTag({ cellSize: 6, margin: 2, scalable: true });
  }, [text]);
  // The SVG comes from the QR library, built from our own link; it holds no user markup.
  return <div className="qr" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />;
}

/** Several devices, one matrix: connect this device to the company's CouchDB. */
export function SyncSection() {
  const t = useT();
  const language = useUi((s) => s.language);
  const config = useSyncConfig();
  const waiting = useWaitingToSend();
  const { phase, problem, lastSync } = useSyncStatus();
  const gate = useGateCounts();

  return (
    <section aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.title')}</h2>
      {config && (
        <div className="sync-status" data-testid="sync-status">
          <p>
            <strong>{t(`sync.phase.${phase}` as MessageKey)}</strong> — {t('sync.to', { db: config.db, url: config.url })}
          </p>
          {problem && <p className="form-error">{t(PROBLEM[problem]!)}</p>}
          <p>
            {lastSync ? t('sync.last', { date: formatDateTime(lastSync, language) }) : t('sync.never')} · {t('sync.waiting', { count: waiting ?? 0 })}
          </p>
          {gate && gate.refused > 0 && <p className="form-error">{t('sync.refused', { count: gate.refused })}</p>}
          {gate && gate.held > 0 && <p>{t('sync.held', { count: gate.held })}</p>}
          <QrCode text={connectLink(config)} label={t('sync.qr')} />
          <p className="muted">{t('sync.qrHelp')}</p>
          <button type="button" className="button danger" onClick={() => void disconnect()}>
            {t('sync.disconnect')}
          </button>
        </div>
      )}
      {(!config || phase === 'needsPassword') && <ConnectForm key={config ? `${config.url}|${config.db}|${config.user}` : ''} config={config} />}
    </section>
  );
}

/** Server, database, user and password; filled from this device's settings or a connect link. */
function ConnectForm({ config }: { config: SyncConfig | undefined }) {
  const t = useT();
  const [url, setUrl] = useState(() => config?.url ?? new URLSearchParams(location.search).get('connect') ?? '');
  const [name, setName] = useState(() => config?.db ?? new URLSearchParams(location.search).get('db') ?? '');
  const [user, setUser] = useState(config?.user ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hasDemo = useHasDemo();

  const submit = async () => {
    setBusy(true);
    setError(null);
    const r = await connect({ url, db: name, user, password });
    setBusy(false);
    setPassword('');
    if (!r.ok) setError(t(PROBLEM[r.problem] ?? 'sync.unreachable'));
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p>{t('sync.intro')}</p>
      <TextField label={t('sync.url')} value={url} onChange={(e) => setUrl(e.target.value)} inputMode="url" placeholder="https://couch.example.nl" />
      <TextField label={t('sync.db')} value={name} onChange={(e) => setName(e.target.value)} />
      <TextField label={t('sync.user')} value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" />
      <TextField label={t('sync.password')} help={t('sync.passwordHelp')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
      {hasDemo && <p>{t('sync.demoNote')}</p>}
      <FormError message={error} />
      <button type="submit" className="button primary" disabled={busy}>
        {t('sync.connect')}
      </button>
    </form>
  );
}
