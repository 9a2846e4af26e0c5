import { useLastBackup, useStartState, useSyncConfig } from '../data/queries';
import { isLead } from '../domain/permissions';
import { BACKUP_REMIND_DAYS, DAY_MS } from '../domain/thresholds';
import { useSignedInPerson } from '../features/kiosk/LeadGate';
import { useT } from '../i18n';
import { useUi } from '../state/ui';
import { useNow } from '../ui/useNow';

/**
 * Reminds the signed-in lead when their own workshop has no recent backup. Not on a device
 * connected to the company: the server and the other devices hold its changes.
 */
export function BackupReminder() {
  const t = useT();
  const now = useNow();
  const go = useUi((s) => s.go);
  const person = useSignedInPerson();
  const started = useStartState();
  const last = useLastBackup();
  const sync = useSyncConfig();
  if (!isLead(person ?? undefined) || started !== 'own' || sync) return null;
  if (last && now - Date.parse(last) < BACKUP_REMIND_DAYS * DAY_MS) return null;
  return (
    <div className="banner" role="region" aria-label={t('backup.title')}>
      <span>{last ? t('backup.old') : t('backup.never')}</span>
      <button type="button" className="button" onClick={() => go('data')}>
        {t('backup.make')}
      </button>
    </div>
  );
}
