import { useEffect } from 'react';
import { translateLoose, useT } from '../i18n';
import { useUi } from '../state/ui';

const NOTICE_MS = 4000;

/** Short confirmations and errors, announced politely and gone after a few seconds. */
export function Notice() {
  const t = useT();
  const notice = useUi((s) => s.notice);
  const clear = useUi((s) => s.clearNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(clear, notice.kind === 'error' ? NOTICE_MS * 2 : NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, clear]);
  return (
    <div className="notice-region" aria-live="polite" role="status">
      {notice && (
        <p key={notice.id} className={`notice ${notice.kind}`}>
          {translateLoose(t, notice.key, notice.params)}
        </p>
      )}
    </div>
  );
}
