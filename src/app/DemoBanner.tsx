import { lazy, Suspense, useState } from 'react';
import { useHasDemo } from '../data/queries';
import { useT } from '../i18n';
import { DEMO_LEAD } from '../domain/demoLead';
import { isLead } from '../domain/permissions';
import { useSignedInPerson } from '../features/kiosk/LeadGate';
import { PHONE_QUERY, useMediaQuery } from '../ui/useMediaQuery';

// Asked only when the lead taps a way out: not part of the first paint.
const ConfirmReset = lazy(() => import('../features/settings/ConfirmReset').then((m) => ({ default: m.ConfirmReset })));

/**
 * While the demo workshop is loaded, say so, and offer the two ways out. On a phone one short
 * line: the ways out are in Instellingen too.
 */
export function DemoBanner() {
  const t = useT();
  const demo = useHasDemo();
  const [confirm, setConfirm] = useState<'remove' | 'empty' | null>(null);
  const person = useSignedInPerson();
  const phone = useMediaQuery(PHONE_QUERY);
  if (!demo) return null;
  return (
    <div className="banner demo-banner" role="region" aria-label={t('demo.bannerLabel')}>
      <span>
        {t(phone ? 'demo.bannerShort' : 'demo.banner')} {t('demo.lead', { name: DEMO_LEAD.name, pin: DEMO_LEAD.pin })}
      </span>
      {isLead(person ?? undefined) && !phone && (
        <>
          <button type="button" className="button" onClick={() => setConfirm('remove')}>
            {t('demo.remove')}
          </button>
          <button type="button" className="button" onClick={() => setConfirm('empty')}>
            {t('demo.startEmpty')}
          </button>
        </>
      )}
      {confirm && (
        <Suspense fallback={null}>
          <ConfirmReset kind={confirm} onClose={() => setConfirm(null)} />
        </Suspense>
      )}
    </div>
  );
}
