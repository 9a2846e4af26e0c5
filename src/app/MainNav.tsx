import { useLayoutEffect, useRef, useState } from 'react';
import { useOpenClaimCount } from '../data/queries';
import { isLead } from '../domain/permissions';
import { useT } from '../i18n';
import { useUi } from '../state/ui';
import { Icon } from '../ui/Icon';
import { useSignedInPerson } from '../features/kiosk/LeadGate';
import { MoreMenu } from './MoreMenu';
import { HEADER_SCREENS, headerScreenOf, mayOpen, SCREENS, type Screen } from './screens';

/** On a phone: this many tabs at the bottom, the rest under "Meer". */
const PHONE_TABS = 4;

/**
 * The main menu. On a tablet one row in the header: as many buttons as fit, the rest under
 * "Meer" (measured, so a longer language or a badge never wraps it onto a second row). On a
 * phone a tab bar at the bottom, within reach of the thumb.
 */
export function MainNav({ layout }: { layout: 'bar' | 'tabs' }) {
  const t = useT();
  const { screen, go, language } = useUi();
  const person = useSignedInPerson();
  // Re-counted on each screen change, and on "Bevestigen" after each confirmation (its notice).
  const noticeId = useUi((s) => s.notice?.id ?? 0);
  const waiting = useOpenClaimCount(person, screen === 'confirm' ? `confirm:${noticeId}` : screen);
  const shown = HEADER_SCREENS.filter((id) => mayOpen(id, { signedIn: Boolean(person), lead: isLead(person ?? undefined) }));
  const current = headerScreenOf(screen);
  const navRef = useRef<HTMLElement>(null);
  const measureRef = useRef<HTMLUListElement>(null);
  const [fitting, setFitting] = useState(shown.length);
  const key = `${shown.join()}|${language}|${waiting ?? 0}`;

  useLayoutEffect(() => {
    if (layout !== 'bar') return;
    const nav = navRef.current;
    const measure = measureRef.current;
    if (!nav || !measure) return;
    const fit = () => {
      const items = [...measure.children] as HTMLElement[];
      const more = items.pop()!.getBoundingClientRect().width;
      const gap = parseFloat(getComputedStyle(measure).columnGap) || 0;
      let room = nav.clientWidth - more - gap;
      let count = 0;
      for (const item of items) {
        room -= item.getBoundingClientRect().width + gap;
        if (room < 0) break;
        count++;
      }
      setFitting(count);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(nav);
    return () => observer.disconnect();
  }, [layout, key]);

  const count = layout === 'tabs' ? PHONE_TABS : fitting;
  const inline = shown.slice(0, count);
  const overflow = shown.slice(count);
  const label = (id: Screen) => (
    <>
      <Icon name={SCREENS[id].icon} /> <span className="nav-label">{t(SCREENS[id].label)}</span>
      {id === 'confirm' && waiting ? (
        <span className="badge">
          {waiting}
          <span className="visually-hidden"> {t('nav.waiting', { count: waiting })}</span>
        </span>
      ) : null}
    </>
  );
  return (
    <nav ref={navRef} aria-label={t('nav.label')} className={layout === 'tabs' ? 'tab-bar' : 'nav-bar'}>
      <ul>
        {inline.map((id) => (
          <li key={id}>
            <button type="button" className="nav-button" aria-current={current === id ? 'page' : undefined} onClick={() => go(id)}>
              {label(id)}
            </button>
          </li>
        ))}
        <li>
          <MoreMenu screens={overflow} current={current} layout={layout} renderLabel={label} />
        </li>
      </ul>
      {layout === 'bar' && (
        // The buttons as they would be, unseen, to measure how many fit.
        <ul ref={measureRef} className="nav-measure" aria-hidden="true">
          {shown.map((id) => (
            <li key={id} className="nav-button">
              {label(id)}
            </li>
          ))}
          <li className="nav-button">
            <Icon name="more" /> <span className="nav-label">{t('nav.more')}</span>
          </li>
        </ul>
      )}
    </nav>
  );
}
