import { useEffect } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useT } from '../i18n';
import { usePwaStore } from './pwaStore';

/** How often a wall tablet that never navigates looks for a new version. */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;
const OFFLINE_NOTE_MS = 10_000;

/**
 * Registers the service worker and offers a new version when one is waiting. It reloads by
 * itself only on the wall (`quiet`), where nobody is signed in to be interrupted; anywhere
 * else someone may be in the middle of tapping a level. The wall shows no banners at all.
 */
export function UpdatePrompt({ quiet = false }: { quiet?: boolean }) {
  const t = useT();
  const setRegistration = usePwaStore((s) => s.setRegistration);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setRegistration(registration);
      setInterval(() => {
        if (navigator.onLine) void registration.update();
      }, UPDATE_CHECK_MS);
    },
  });

  useEffect(() => {
    if (!offlineReady) return;
    const timer = setTimeout(() => setOfflineReady(false), OFFLINE_NOTE_MS);
    return () => clearTimeout(timer);
  }, [offlineReady, setOfflineReady]);

  useEffect(() => {
    if (quiet && needRefresh) void updateServiceWorker(true);
  }, [quiet, needRefresh, updateServiceWorker]);

  if (quiet) return null;
  if (needRefresh) {
    return (
      <div className="banner update-banner" role="status">
        <span>{t('pwa.updateReady')}</span>
        <button type="button" className="button primary" onClick={() => void updateServiceWorker(true)}>
          {t('pwa.updateNow')}
        </button>
        <button type="button" className="button" onClick={() => setNeedRefresh(false)}>
          {t('pwa.updateLater')}
        </button>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div className="banner" role="status" data-testid="offline-ready">
        <span>{t('pwa.offlineReady')}</span>
        <button type="button" className="button" onClick={() => setOfflineReady(false)}>
          {t('action.close')}
        </button>
      </div>
    );
  }
  return null;
}
