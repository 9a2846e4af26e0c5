import { useEffect, useState } from 'react';
import { useHasDemo, useKioskPolicy } from '../../data/queries';
import { ConfirmReset } from './ConfirmReset';
import { chooseLanguage, LANGUAGES, LOCALES, translateLoose, useT, type MessageKey } from '../../i18n';
import { setKioskPolicy } from '../../data/commands';
import type { KioskPolicy } from '../../domain/pin';
import { isLead } from '../../domain/permissions';
import { TextField } from '../../ui/Field';
import { useSignedInPerson } from '../kiosk/LeadGate';
import { BackupSection } from '../transfer/DataScreen';
import { SyncSection } from './SyncSection';
import { DevicesSection } from '../devices/DevicesSection';
import { requestPersistence, storageInfo, type StorageInfo } from '../../pwa/storage';
import { usePwaStore } from '../../pwa/pwaStore';
import { inRange, KIOSK_LIMITS, WALL_IDLE_LIMITS, WALL_PAGE_LIMITS, type Range } from '../../domain/thresholds';
import { useCommandContext, useUi } from '../../state/ui';
import { formatBytes } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { FormError } from '../../ui/FormError';

export function SettingsScreen() {
  const t = useT();
  const { language, wallIdleSeconds, setWallIdleSeconds, wallPageSeconds, setWallPageSeconds } = useUi();
  const person = useSignedInPerson();
  return (
    <section className="list-screen settings" aria-labelledby="settings-title">
      <h1 id="settings-title" className="screen-title">
        {t('settings.title')}
      </h1>
      <fieldset className="segmented">
        <legend>{t('settings.language')}</legend>
        {LANGUAGES.map((l) => (
          <label key={l} className={language === l ? 'segment selected' : 'segment'} lang={l}>
            <input type="radio" name="language" value={l} checked={language === l} onChange={() => void chooseLanguage(l)} />
            {LOCALES[l].name}
          </label>
        ))}
      </fieldset>
      <section aria-labelledby="wall-settings">
        <h2 id="wall-settings">{t('settings.wall')}</h2>
        <SecondsField id="wall-idle" label="settings.wallIdle" limits={WALL_IDLE_LIMITS} value={wallIdleSeconds} onChange={setWallIdleSeconds} />
        <SecondsField id="wall-page" label="settings.wallPage" limits={WALL_PAGE_LIMITS} value={wallPageSeconds} onChange={setWallPageSeconds} />
      </section>
      <StorageSection />
      {isLead(person ?? undefined) && (
        <>
          <KioskSection />
          <BackupSection />
          <WorkshopSection />
          <DevicesSection />
        </>
      )}
      {/* Anyone may connect a device: the company server's own user and password are the gate. */}
      <SyncSection />
      <VersionSection />
    </section>
  );
}

/**
 * A number of seconds for this device's wall. Kept when the field is left (or Enter) and only
 * within its range; a number outside it stays on screen, in red, with the range, and nothing
 * changes.
 */
function SecondsField({ id, label, limits, value, onChange }: { id: string; label: MessageKey; limits: Range; value: number; onChange: (n: number) => void }) {
  const t = useT();
  const [text, setText] = useState(String(value));
  const valid = inRange(Number(text), limits);
  const keep = () => {
    if (valid) onChange(Number(text));
  };
  return (
    <div className={valid ? 'field' : 'field has-error'}>
      <label htmlFor={id}>{t(label)}</label>
      <input
        id={id}
        inputMode="numeric"
        value={text}
        aria-invalid={!valid || undefined}
        aria-describedby={`${id}-range`}
        onChange={(e) => setText(e.target.value)}
        onBlur={keep}
        onKeyDown={(e) => e.key === 'Enter' && keep()}
      />
      {/* The range is always said; when the number is outside it, it is the error. */}
      <p id={`${id}-range`} className={valid ? 'field-help' : 'field-error'} role={valid ? undefined : 'alert'}>
        {t('settings.wallIdleRange', { ...limits })}
      </p>
    </div>
  );
}

function StorageSection() {
  const t = useT();
  const language = useUi((s) => s.language);
  const [info, setInfo] = useState<StorageInfo | null>(null);
  useEffect(() => {
    void storageInfo().then(setInfo);
  }, []);
  const ask = async () => {
    await requestPersistence();
    setInfo(await storageInfo());
  };
  return (
    <section aria-labelledby="storage-title">
      <h2 id="storage-title">
        <Icon name="storage" /> {t('settings.storage')}
      </h2>
      {info && (
        <>
          <p data-testid="storage-state">
            {t(info.persist === 'persisted' ? 'settings.storagePersisted' : info.persist === 'not-persisted' ? 'settings.storageNotPersisted' : 'settings.storageUnknown')}
          </p>
          {info.usage !== undefined && info.quota !== undefined && <p>{t('settings.storageUsage', { used: formatBytes(info.usage, language), quota: formatBytes(info.quota, language) })}</p>}
          {info.persist === 'not-persisted' && (
            <button type="button" className="button" onClick={ask}>
              {t('settings.storageAsk')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function WorkshopSection() {
  const t = useT();
  const demo = useHasDemo();
  const [confirm, setConfirm] = useState<'remove' | 'empty' | null>(null);
  return (
    <section aria-labelledby="workshop-title">
      <h2 id="workshop-title">{t('settings.workshop')}</h2>
      <p>{t(demo ? 'settings.workshopDemo' : 'settings.workshopOwn')}</p>
      <div className="button-row">
        {demo && (
          <button type="button" className="button" onClick={() => setConfirm('remove')}>
            {t('demo.remove')}
          </button>
        )}
        <button type="button" className="button danger" onClick={() => setConfirm('empty')}>
          {t('demo.startEmpty')}
        </button>
      </div>
      {confirm && <ConfirmReset kind={confirm} onClose={() => setConfirm(null)} />}
    </section>
  );
}

function KioskSection() {
  const t = useT();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const current = useKioskPolicy();
  const [draft, setDraft] = useState<Record<keyof KioskPolicy, string> | null>(null);
  const values = draft ?? { maxAttempts: String(current.maxAttempts), lockMinutes: String(current.lockMinutes), idleSeconds: String(current.idleSeconds) };
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof KioskPolicy, label: MessageKey) => (
    <TextField label={t(label, { ...KIOSK_LIMITS[key] })} inputMode="numeric" value={values[key]} onChange={(e) => setDraft({ ...values, [key]: e.target.value })} />
  );
  return (
    <section aria-labelledby="kiosk-title">
      <h2 id="kiosk-title">{t('settings.kiosk')}</h2>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await setKioskPolicy({ maxAttempts: Number(values.maxAttempts), lockMinutes: Number(values.lockMinutes), idleSeconds: Number(values.idleSeconds) }, ctx);
          setError(result.ok ? null : translateLoose(t, result.errors[0]!.key));
          if (result.ok) {
            setDraft(null);
            announce('picker.saved');
          }
        }}
      >
        {field('maxAttempts', 'settings.maxAttempts')}
        {field('lockMinutes', 'settings.lockMinutes')}
        {field('idleSeconds', 'settings.idleSeconds')}
        <FormError message={error} />
        <button type="submit" className="button primary">
          {t('action.save')}
        </button>
      </form>
    </section>
  );
}

function VersionSection() {
  const t = useT();
  const registration = usePwaStore((s) => s.registration);
  const [checked, setChecked] = useState(false);
  return (
    <section aria-labelledby="version-title">
      <h2 id="version-title">{t('settings.version')}</h2>
      <p>{__APP_VERSION__}</p>
      {registration && (
        <button
          type="button"
          className="button"
          onClick={async () => {
            await registration.update().catch(() => undefined);
            setChecked(true);
          }}
        >
          {t('settings.checkUpdate')}
        </button>
      )}
      {checked && <p role="status">{t('settings.updateChecked')}</p>}
    </section>
  );
}
