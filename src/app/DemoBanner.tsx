import { useState } from 'react';
import { useHasDemo } from '../data/queries';
import { ConfirmReset } from '../features/settings/ConfirmReset';
import { useT } from '../i18n';
import { DEMO_WORKSHOP } from '../domain/demo';
import { isLead } from '../domain/permissions';
import { useSignedInPerson } from '../features/kiosk/LeadGate';
import { PHONE_QUERY, useMediaQuery } from '../ui/useMediaQuery';

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
        {t(phone ? 'demo.bannerShort' : 'demo.banner')} {t('demo.lead', { name: DEMO_WORKSHOP.lead.name, pin: DEMO_WORKSHOP.lead.pin })}
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
      {confirm && <ConfirmReset kind={confirm} onClose={() => setConfirm(null)} />}
    </div>
  );
}
