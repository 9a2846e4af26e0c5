import { useId } from 'react';
import { useSyncStatus } from '../../data/sync';
import { useT } from '../../i18n';

/**
 * How far a long push or pull is (a device joining a company fetches thousands of changes): a
 * bar with its name and "x van y" in words, and once it is over, that it is done.
 */
export function SyncProgressBar() {
  const t = useT();
  const progress = useSyncStatus((s) => s.progress);
  const id = useId();
  if (!progress) return null;
  const { direction, done, total, finished } = progress;
  if (finished)
    return (
      <p role="status" className="sync-progress-done">
        {t(direction === 'push' ? 'sync.progress.pushDone' : 'sync.progress.pullDone', { done, total })}
      </p>
    );
  const words = t('sync.progress.count', { done, total });
  return (
    <div className="sync-progress">
      <span id={id}>{t(direction === 'push' ? 'sync.progress.push' : 'sync.progress.pull')}</span>
      <progress aria-labelledby={id} aria-valuetext={words} value={done} max={total} />
      <span aria-hidden="true">{words}</span>
    </div>
  );
}
