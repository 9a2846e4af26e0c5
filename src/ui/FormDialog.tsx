import type { FormEvent, ReactNode } from 'react';
import { useT } from '../i18n';
import { Dialog } from './Dialog';
import { FormError } from './FormError';

/**
 * A dialog with a form, a save and a cancel button, and room for a form-level error. `submit`:
 * another word than "Opslaan" for what the button does; `danger` when it cannot be undone.
 */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  busy,
  error,
  submit: submitLabel,
  danger = false,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  busy: boolean;
  error?: string;
  submit?: string;
  danger?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {children}
        <FormError message={error} />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('action.cancel')}
          </button>
          <button type="submit" className={danger ? 'button danger' : 'button primary'} disabled={busy}>
            {submitLabel ?? t('action.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
