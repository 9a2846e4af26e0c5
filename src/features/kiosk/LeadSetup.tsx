import { useState } from 'react';
import { createFirstLead } from '../../data/commands';
import { useSetupBlocker } from '../../data/queries';
import { SyncSection } from '../settings/SyncSection';
import { useT } from '../../i18n';
import { useUi } from '../../state/ui';
import { NewPinField, TextField } from '../../ui/Field';
import { useCommandForm } from '../../ui/useCommandForm';
import { FormError } from '../../ui/FormError';

/**
 * First run without a team lead (an empty workshop, or one from before roles existed):
 * the lead enters their name, their team and a PIN, and is signed in.
 */
export function LeadSetup() {
  const t = useT();
  const blocker = useSetupBlocker();
  if (blocker === undefined) return null;
  if (blocker)
    return (
      <section className="list-screen setup" aria-labelledby="setup-title">
        <h1 id="setup-title" className="screen-title">
          {t('setup.title')}
        </h1>
        <p role="status">{t(`setup.${blocker}`)}</p>
        <SyncSection />
      </section>
    );
  return <LeadSetupForm />;
}

function LeadSetupForm() {
  const t = useT();
  const signIn = useUi((s) => s.signIn);
  const [name, setName] = useState('');
  const [teamName, setTeamName] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const { errors, busy, submit } = useCommandForm((lead: { id: string }) => signIn(lead.id));
  return (
    <section className="list-screen setup" aria-labelledby="setup-title">
      <h1 id="setup-title" className="screen-title">
        {t('setup.title')}
      </h1>
      <p>{t('setup.intro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setMismatch(pin !== repeat);
          if (pin === repeat) void submit(() => createFirstLead({ name, teamName, pin }));
        }}
      >
        <TextField label={t('setup.name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoComplete="name" />
        <TextField label={t('setup.team')} help={t('setup.teamHelp')} value={teamName} onChange={(e) => setTeamName(e.target.value)} error={errors.teamName} />
        <NewPinField label={t('setup.pin')} help={t('setup.pinHelp')} value={pin} onChange={setPin} error={errors.pin} />
        <NewPinField label={t('setup.repeat')} value={repeat} onChange={setRepeat} error={mismatch ? t('kiosk.pinsDiffer') : undefined} />
        <FormError message={errors['']} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {t('setup.start')}
          </button>
        </div>
      </form>
    </section>
  );
}
