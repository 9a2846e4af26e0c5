import { useState } from 'react';
import { allowPinHere, enrolDevice, revokeDevice } from '../../data/commands';
import { useDevices, usePeopleWaitingForPin, type DeviceRow } from '../../data/queries';
import { hlcMillis } from '../../domain/hlc';
import { ENROLMENT_CODE_LENGTH } from '../../domain/identity/enrolmentCode';
import { translateLoose, useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { useCommandForm } from '../../ui/useCommandForm';
import { deviceName } from '../history/useNames';
import { useSignedInPerson } from '../kiosk/LeadGate';

/**
 * The lead's view of the company's devices: let a new one in by the code it shows, see who is
 * in, take a lost one out, and let people choose their PIN on this device.
 */
export function DevicesSection() {
  const t = useT();
  const devices = useDevices();
  const [revoking, setRevoking] = useState<DeviceRow | null>(null);
  return (
    <section aria-labelledby="devices-title">
      <h2 id="devices-title">{t('device.title')}</h2>
      <p>{t('device.intro')}</p>
      <EnrolForm />
      <h3>{t('device.list')}</h3>
      <ul className="device-list">
        {(devices ?? []).map((d) => (
          <li key={d.id}>
            <span className="device-name">
              {deviceName(t, d)}
              {d.isThis && <span className="tag">{t('device.thisOne')}</span>}
            </span>
            <DeviceState device={d} />
            {d.status === 'enrolled' && !d.isThis && (
              <button type="button" className="button danger" onClick={() => setRevoking(d)}>
                {t('device.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <PinsHere />
      {revoking && <RevokeDialog device={revoking} onClose={() => setRevoking(null)} />}
    </section>
  );
}

function DeviceState({ device }: { device: DeviceRow }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const date = (stamp: string | null | undefined) => (stamp ? formatDateTime(hlcMillis(stamp), language) : '');
  if (device.status === 'revoked') return <span>{t('device.revokedOn', { date: date(device.revokedAt) })}</span>;
  if (device.status === 'enrolled') return <span>{t('device.inSince', { date: date(device.enrolledAt) })}</span>;
  return <span>{t('device.asking', { date: date(device.requestedAt) })}</span>;
}

function EnrolForm() {
  const t = useT();
  const ctx = useCommandContext();
  const me = useSignedInPerson();
  const announce = useUi((s) => s.announce);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [pinForMe, setPinForMe] = useState(true);
  const { errors, busy, submit } = useCommandForm(() => {
    setCode('');
    setName('');
    announce('device.enrolled');
  });
  return (
    <form
      noValidate
      aria-labelledby="enrol-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(() => enrolDevice({ code, name, pinForMe }, ctx));
      }}
    >
      <h3 id="enrol-title">{t('device.enrolTitle')}</h3>
      <p>{t('device.enrolHelp')}</p>
      <TextField
        label={t('device.code')}
        help={t('device.codeHelp', { length: ENROLMENT_CODE_LENGTH })}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={errors.code}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
      />
      <TextField label={t('device.name')} help={t('device.nameHelp')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <label className="check">
        <input type="checkbox" checked={pinForMe} onChange={(e) => setPinForMe(e.target.checked)} /> {t('device.pinForMe', { name: me?.name ?? '' })}
      </label>
      <FormError message={errors['']} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t('device.enrol')}
        </button>
      </div>
    </form>
  );
}

function RevokeDialog({ device, onClose }: { device: DeviceRow; onClose: () => void }) {
  const t = useT();
  const ctx = useCommandContext();
  const [error, setError] = useState<string | null>(null);
  const name = deviceName(t, device);
  return (
    <Dialog title={t('device.revokeTitle', { name })} onClose={onClose}>
      <p>{t('device.revokeText')}</p>
      <FormError message={error} />
      <div className="button-row">
        <button type="button" className="button" onClick={onClose}>
          {t('action.cancel')}
        </button>
        <button
          type="button"
          className="button danger"
          onClick={async () => {
            const result = await revokeDevice(device.id, ctx);
            if (result.ok) onClose();
            else setError(translateLoose(t, result.errors[0]!.key));
          }}
        >
          {t('device.revoke')}
        </button>
      </div>
    </Dialog>
  );
}

/** People who have no PIN here yet and may choose one only when a lead signed in here says so. */
function PinsHere() {
  const t = useT();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const waiting = usePeopleWaitingForPin();
  if (!waiting?.length) return null;
  return (
    <section aria-labelledby="pins-here-title">
      <h3 id="pins-here-title">{t('device.pinsTitle')}</h3>
      <p>{t('device.pinsHelp')}</p>
      <ul className="device-list">
        {waiting.map((w) => (
          <li key={w.id}>
            <span className="device-name">{w.name}</span>
            <button type="button" className="button" onClick={() => void allowPinHere([w.id], ctx).then((r) => r.ok && announce('device.pinAllowed', 'info', { name: w.name }))}>
              {t('device.allowPin', { name: w.name })}
            </button>
          </li>
        ))}
      </ul>
      {waiting.length > 1 && (
        <button
          type="button"
          className="button"
          onClick={() =>
            void allowPinHere(
              waiting.map((w) => w.id),
              ctx,
            ).then((r) => r.ok && announce('device.pinAllowedAll', 'info', { count: waiting.length }))
          }
        >
          {t('device.allowPinAll', { count: waiting.length })}
        </button>
      )}
    </section>
  );
}
