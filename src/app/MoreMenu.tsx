import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { useUi } from '../state/ui';
import { Icon } from '../ui/Icon';
import { toggleFullscreen } from '../features/wall/useWallMode';
import { LanguageSwitch } from './LanguageSwitch';
import type { Screen } from './screens';

interface Props {
  /** The menu's screens that did not fit in the bar or the tab bar. */
  screens: readonly Screen[];
  current: Screen;
  layout: 'bar' | 'tabs';
  renderLabel: (id: Screen) => ReactNode;
}

/**
 * "Meer": the language, the screens that did not fit, and the wall. A disclosure
 * (not an ARIA menu): a list of ordinary buttons that Tab reaches; Escape or a tap elsewhere
 * closes it and focus goes back to "Meer".
 */
export function MoreMenu({ screens, current, layout, renderLabel }: Props) {
  const t = useT();
  const { go, wallMode, setWallMode, signOut } = useUi();
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!panel.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    addEventListener('pointerdown', outside, true);
    addEventListener('keydown', escape);
    panel.current?.querySelector('button')?.focus();
    return () => {
      removeEventListener('pointerdown', outside, true);
      removeEventListener('keydown', escape);
    };
  }, [open]);

  const choose = (action: () => void) => {
    setOpen(false);
    action();
  };
  // Going to the wall signs out: the wall shows the team to everyone, in nobody's name.
  const toWall = () => {
    signOut();
    setWallMode(true);
    toggleFullscreen(true);
  };
  const leaveWall = () => {
    setWallMode(false);
    toggleFullscreen(false);
  };
  return (
    <div className="more">
      <button ref={button} type="button" className="nav-button" aria-expanded={open} aria-controls={id} data-current={screens.includes(current) || undefined} onClick={() => setOpen(!open)}>
        <Icon name="more" /> <span className="nav-label">{t('nav.more')}</span>
      </button>
      <div ref={panel} id={id} className={`more-panel more-${layout}`} hidden={!open}>
        <LanguageSwitch />
        <ul>
          {screens.map((s) => (
            <li key={s}>
              <button type="button" className="more-item" aria-current={current === s ? 'page' : undefined} onClick={() => choose(() => go(s))}>
                {renderLabel(s)}
              </button>
            </li>
          ))}
          <li>
            <button type="button" className="more-item" onClick={() => choose(wallMode ? leaveWall : toWall)}>
              <Icon name="wall" /> <span>{t(wallMode ? 'nav.wallOff' : 'nav.wallOn')}</span>
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
