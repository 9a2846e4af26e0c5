import { useState } from 'react';
import { fail, forgetWorker } from '../../data/commands';
import { useOpenAssignments } from '../../data/queries';
import type { Worker } from '../../domain/model';
import { useT } from '../../i18n';
import { useCommandContext, useUi } from '../../state/ui';
import { FormDialog } from '../../ui/FormDialog';
import { useCommandForm } from '../../ui/useCommandForm';
import { useNames } from '../history/useNames';

/**
 * Forgetting a person: what it erases and what stays, what stops with it (their leeropdrachten,
 * as learner and as coach), why (their own request, or they left — chosen, never assumed), a
 * reminder to hand over their evidence first, and a tick that says the lead understands it
 * cannot be undone. One signed event does the rest, on every device.
 */
export function ForgetDialog({ worker, onClose, onForgotten }: { worker: Worker; onClose: () => void; onForgotten: () => void }) {
  const t = useT();
  const ctx = useCommandContext();
  const announce = useUi((s) => s.announce);
  const names = useNames();
  const stopping = (useOpenAssignments() ?? []).filter((a) => a.workerId === worker.id || a.coachId === worker.id);
  const [reason, setReason] = useState<'request' | 'left' | null>(null);
  const [understood, setUnderstood] = useState(false);
  const name = worker.name;
  const { errors, busy, submit } = useCommandForm(() => {
    announce('forget.done', 'info', { name });
    onForgotten();
  });
  const forget = () =>
    submit(async () => {
      if (!reason) return fail({ field: 'reason', key: 'forget.chooseReason' });
      if (!understood) return fail({ field: 'understood', key: 'forget.mustUnderstand' });
      return forgetWorker({ id: worker.id, reason }, ctx);
    });
  return (
    <FormDialog
      title={t('forget.title', { name })}
      onClose={onClose}
      busy={busy}
      error={errors[''] ?? errors.id ?? errors.reason ?? errors.understood}
      submit={t('forget.confirm')}
      danger
      onSubmit={forget}
    >
      <p>{t('forget.what', { name })}</p>
      {worker.role === 'lead' && <p>{t('forget.isLead', { name })}</p>}
      {stopping.length > 0 && names && (
        <>
          <p>{t('forget.stops')}</p>
          <ul>
            {stopping.map((a) => (
              <li key={a.id}>{t('board.learns', { worker: names.person(a.workerId), skill: names.skill(a.skillId), coach: names.person(a.coachId) })}</li>
            ))}
          </ul>
        </>
      )}
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
