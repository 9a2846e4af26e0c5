import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n';
import { Icon } from './Icon';

/**
 * A modal dialog on the native <dialog>: focus is trapped and Escape closes it, by the
 * browser rather than by our own code. When it closes, focus goes back to what had it when it
 * opened (the matrix cell, the button), if that is still on the screen; the browser's own
 * return does not happen when React removes the dialog, and focus would fall to <body>.
 */
export function Dialog({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const t = useT();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('action.close')}>
          <Icon name="close" />
        </button>
      </header>
      {children}
    </dialog>
  );
}
