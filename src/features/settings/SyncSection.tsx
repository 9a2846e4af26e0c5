import { useMemo, useState } from 'react';
import qrcode from 'qrcode-generator';
import { useDeviceId, useGateCounts, useHasDemo, useNotOnServerCount, useStartState, useSyncBeforeSigning, useSyncConfig, useWaitingToSend } from '../../data/queries';
import { isLead } from '../../domain/permissions';
import { useSignedInPerson } from '../kiosk/LeadGate';
import { checkWithServer, connect, disconnect, type JoinPlan, type Repair, type SyncConfig, useSyncStatus } from '../../data/sync';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { useUi } from '../../state/ui';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { SyncProgressBar } from './SyncProgressBar';

const PROBLEM: Record<string, MessageKey> = {
  badUrl: 'sync.badUrl',
  unreachable: 'sync.unreachable',
  credentials: 'sync.credentials',
  missingDatabase: 'sync.missingDatabase',
  rejected: 'sync.rejected',
  badResponse: 'sync.badResponse',
  insecureUrl: 'sync.insecureUrl',
  otherDatabase: 'sync.otherDatabase',
  otherCompany: 'sync.otherCompany',
};

/** What a repair did, in words: "3 wijzigingen opnieuw verstuurd, 0 opgehaald". */
export function repairText(t: Translate, repair: Repair): string {
  const what = `${t('sync.pushedAgain', { count: repair.pushed })}, ${t('sync.pulledAgain', { count: repair.pulled })}`;
  return t(`sync.repaired.${repair.reason}` as MessageKey, { what });
}

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
  const { phase, problem, lastSync, repaired } = useSyncStatus();
  const deviceId = useDeviceId();
  const notOnServer = useNotOnServerCount();
  const gate = useGateCounts();
  const beforeSigning = useSyncBeforeSigning();
  const person = useSignedInPerson();
  const started = useStartState();
  const [checking, setChecking] = useState(false);
  // A device on the demo joins a company by whoever knows the server's password (that is the
  // gate). A device that holds the company's data (connected, or a workshop of its own) is
  // connected or let go only by the lead: nobody walking past the wall can cut it off.
  const mayChange = isLead(person ?? undefined) || (!config && started === 'demo');

  const check = async () => {
    setChecking(true);
    try {
      await checkWithServer();
    } catch {
      // The status says what went wrong.
    } finally {
      setChecking(false);
    }
  };

  return (
    <section aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.title')}</h2>
      {config && (
        <div className="sync-status" data-testid="sync-status">
          <p>
            <strong>{t(`sync.phase.${phase}` as MessageKey)}</strong> — {t('sync.to', { db: config.db, url: config.url })}
          </p>
          {problem && <p className="form-error">{t(PROBLEM[problem]!)}</p>}
          <SyncProgressBar />
          <p>
            {lastSync ? t('sync.last', { date: formatDateTime(lastSync, language) }) : t('sync.never')} · {t('sync.waiting', { count: waiting ?? 0 })}
          </p>
          {gate && gate.refused > 0 && <p className="form-error">{t('sync.refused', { count: gate.refused })}</p>}
          {gate && gate.held > 0 && <p>{t('sync.held', { count: gate.held })}</p>}
          {notOnServer > 0 && <p className="form-error">{t('sync.notOnServer', { count: notOnServer })}</p>}
          <p role="status" data-testid="sync-repaired">
            {checking ? t('sync.checking') : repaired ? repairText(t, repaired) : ''}
          </p>
          {phase !== 'needsPassword' && (
            <>
              <button type="button" className="button" onClick={() => void check()} disabled={checking || phase === 'repairing'} aria-describedby="sync-check-help">
                {t('sync.check')}
              </button>
              <p id="sync-check-help" className="muted">
                {t('sync.checkHelp')}
              </p>
            </>
          )}
          <QrCode text={connectLink(config)} label={t('sync.qr')} />
          <p className="muted">{t('sync.qrHelp')}</p>
          {mayChange && (
            <button type="button" className="button danger" onClick={() => void disconnect()}>
              {t('sync.disconnect')}
            </button>
          )}
        </div>
      )}
      {!config && beforeSigning && <p className="form-error">{t('sync.beforeSigning', { db: beforeSigning.db, url: beforeSigning.url })}</p>}
      {((!config && mayChange) || phase === 'needsPassword') && <ConnectForm key={config ? `${config.url}|${config.db}|${config.user}` : ''} config={config} />}
      {!mayChange && !config && <p>{t('sync.leadOnly')}</p>}
      {deviceId && <p className="muted">{t('sync.deviceId', { id: deviceId })}</p>}
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
  const [asking, setAsking] = useState<{ plan: JoinPlan; answer: (yes: boolean) => void } | null>(null);
  const hasDemo = useHasDemo();

  // A device with anything of its own asks first; an untouched demo is simply replaced.
  const confirm = (plan: JoinPlan) => new Promise<boolean>((resolve) => setAsking({ plan, answer: resolve }));
  const answer = (yes: boolean) => {
    asking?.answer(yes);
    setAsking(null);
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    const r = await connect({ url, db: name, user, password }, config ? {} : { confirm });
    setBusy(false);
    if (r.ok || r.problem !== 'cancelled') setPassword('');
    if (!r.ok && r.problem !== 'cancelled') setError(t(PROBLEM[r.problem] ?? 'sync.unreachable'));
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
      {asking && (
        <Dialog title={t('sync.join.title')} onClose={() => answer(false)}>
          <p>{t('sync.join.text', { count: asking.plan.keeps })}</p>
          {asking.plan.dropsDemo && <p>{t('sync.join.demo')}</p>}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => answer(false)}>
              {t('action.cancel')}
            </button>
            <button type="button" className="button primary" onClick={() => answer(true)}>
              {t('sync.connect')}
            </button>
          </div>
        </Dialog>
      )}
    </form>
  );
}
