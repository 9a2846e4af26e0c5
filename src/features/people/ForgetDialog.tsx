import { useState } from 'react';
import { fail, forgetWorker } from '../../data/commands';
import type { Worker } from '../../domain/model';
import { useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { FormDialog } from '../../ui/FormDialog';
import { useCommandForm } from '../../ui/useCommandForm';

/**
 * Forgetting a person: what it erases and what stays, why (their own request, or they left),
 * a reminder to hand over their evidence first, and a tick that says the lead understands it
 * cannot be undone. One signed event does the rest, on every device.
 */
export function ForgetDialog({ worker, onClose }: { worker: Worker; onClose: () => void }) {
  const t = useT();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const [reason, setReason] = useState<'request' | 'left'>(worker.archived ? 'left' : 'request');
  const [understood, setUnderstood] = useState(false);
  const name = worker.name;
  const { errors, busy, submit } = useCommandForm(() => {
    announce('forget.done', 'info', { name });
    onClose();
  });
  return (
    <FormDialog
      title={t('forget.title', { name })}
      onClose={onClose}
      busy={busy}
      error={errors[''] ?? errors.id ?? errors.understood}
      submit={t('forget.confirm')}
      danger
      onSubmit={() => submit(async () => (understood ? forgetWorker({ id: worker.id, reason }, ctx) : fail({ field: 'understood', key: 'forget.mustUnderstand' })))}
    >
      <p>{t('forget.what', { name })}</p>
      <fieldset className="choice">
        <legend>{t('forget.reason')}</legend>
        <label className="check">
          <input type="radio" name="forget-reason" checked={reason === 'request'} onChange={() => setReason('request')} /> {t('forget.reasonRequest', { name })}
        </label>
        <label className="check">
          <input type="radio" name="forget-reason" checked={reason === 'left'} onChange={() => setReason('left')} /> {t('forget.reasonLeft', { name })}
        </label>
      </fieldset>
      <p className="muted">{t('forget.exportFirst', { name })}</p>
      <label className="check">
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} /> {t('forget.understand')}
      </label>
    </FormDialog>
  );
}
