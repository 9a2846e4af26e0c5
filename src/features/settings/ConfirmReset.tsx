import { useState } from 'react';
import { useT } from '../../i18n';
import { useUi } from '../../state/ui';
import { Dialog } from '../../ui/Dialog';

/** Asks before removing the demo or erasing everything; both end on the (new) overview. */
export function ConfirmReset({ kind, onClose }: { kind: 'remove' | 'empty'; onClose: () => void }) {
  const t = useT();
  const returnHome = useUi((s) => s.returnHome);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const { removeDemo, startEmpty } = await import('../../data/commands');
    await (kind === 'remove' ? removeDemo() : startEmpty());
    setBusy(false);
    onClose();
    returnHome();
  };
  return (
    <Dialog title={t(kind === 'remove' ? 'demo.remove' : 'demo.startEmpty')} onClose={onClose}>
      <p>{t(kind === 'remove' ? 'demo.confirmRemove' : 'demo.confirmEmpty')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('action.no')}
        </button>
        <button type="button" className="button danger" onClick={run} disabled={busy}>
          {t('action.yes')}
        </button>
      </div>
    </Dialog>
  );
}
