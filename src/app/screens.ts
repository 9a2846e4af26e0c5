import type { MessageKey } from '../i18n/nl';
import type { IconName } from '../ui/Icon';
import { isLead } from '../domain/permissions';
import type { Worker } from '../domain/model';

/**
 * Every screen, once: its route (`#/<id>`), label, icon, who may open it, and where it is
 * reached from. `Screen`, the hash routes, the header, the lead's menu and the sign-out rule
 * all come from here; the screen's component is in screenViews.tsx (kept apart so that this
 * list, which the UI state imports, pulls in no React component).
 */
export type Audience = 'everyone' | 'signedIn' | 'lead';

export interface ScreenDefinition {
  label: MessageKey;
  icon: IconName;
  /** Who may see it: anyone at the tablet, whoever is signed in, or the team lead. */
  who: Audience;
  /**
   * Where it is opened from: a button in the header bar, a tile in the lead's menu ("Beheer")
   * with a one-line hint, or a button on another screen.
   */
  place: { in: 'header' } | { in: 'manage'; hint: MessageKey } | { in: 'screen'; from: string };
  /** Shows someone's own data or everyone's history: it closes when that person signs out. */
  closesOnSignOut?: boolean;
}

/** In the order the header and the lead's menu show them. */
const DEFINITIONS = {
  matrix: { label: 'nav.matrix', icon: 'matrix', who: 'everyone', place: { in: 'header' } },
  board: { label: 'nav.board', icon: 'people', who: 'everyone', place: { in: 'header' } },
  mine: { label: 'nav.mine', icon: 'person', who: 'signedIn', place: { in: 'header' }, closesOnSignOut: true },
  confirm: { label: 'nav.confirm', icon: 'check', who: 'signedIn', place: { in: 'header' } },
  manage: { label: 'nav.manage', icon: 'tools', who: 'lead', place: { in: 'header' } },
  plan: { label: 'nav.plan', icon: 'list', who: 'lead', place: { in: 'manage', hint: 'manage.planHint' } },
  overview: { label: 'nav.overview', icon: 'clock', who: 'lead', place: { in: 'manage', hint: 'manage.overviewHint' } },
  people: { label: 'nav.people', icon: 'people', who: 'lead', place: { in: 'manage', hint: 'manage.peopleHint' } },
  skills: { label: 'nav.skills', icon: 'tools', who: 'lead', place: { in: 'manage', hint: 'manage.skillsHint' } },
  qualifications: { label: 'nav.qualifications', icon: 'star', who: 'lead', place: { in: 'manage', hint: 'manage.qualificationsHint' } },
  data: { label: 'nav.data', icon: 'storage', who: 'lead', place: { in: 'manage', hint: 'manage.dataHint' } },
  print: { label: 'data.print', icon: 'list', who: 'lead', place: { in: 'screen', from: 'data' } },
  audit: { label: 'nav.audit', icon: 'list', who: 'lead', place: { in: 'manage', hint: 'manage.auditHint' }, closesOnSignOut: true },
  // Closes on sign-out: the next person at the wall starts from the overview, not from the company's connection.
  settings: { label: 'nav.settings', icon: 'settings', who: 'everyone', place: { in: 'header' }, closesOnSignOut: true },
} as const satisfies Record<string, ScreenDefinition>;

export type Screen = keyof typeof DEFINITIONS;
export const SCREENS: Readonly<Record<Screen, ScreenDefinition>> = DEFINITIONS;
export const SCREEN_IDS = Object.keys(DEFINITIONS) as readonly Screen[];

// A screen opened from another screen names one that exists (checked by the compiler).
type OpenedFrom = Extract<(typeof DEFINITIONS)[Screen]['place'], { in: 'screen' }>['from'];
const openedFromExists: OpenedFrom extends Screen ? true : never = true;
void openedFromExists;

/** What the app shows first, and where the wall returns to. */
export const HOME_SCREEN: Screen = 'matrix';

/**
 * Where someone lands after signing in at the header or the wall: claims waiting for them
 * first; a worker on their own skills; the lead stays where they were (null).
 */
export function landingScreen(person: Worker, waitingClaims: number): Screen | null {
  if (waitingClaims > 0) return 'confirm';
  return isLead(person) ? null : 'mine';
}

export function isScreen(value: unknown): value is Screen {
  return typeof value === 'string' && Object.hasOwn(DEFINITIONS, value);
}

export function mayOpen(screen: Screen, person: { signedIn: boolean; lead: boolean }): boolean {
  const who = SCREENS[screen].who;
  return who === 'everyone' || (who === 'signedIn' ? person.signedIn : person.lead);
}

/** The header buttons, in order. */
export const HEADER_SCREENS: readonly Screen[] = SCREEN_IDS.filter((id) => SCREENS[id].place.in === 'header');

/** The tiles of the lead's menu, in order, with their hints. */
export const MANAGE_SCREENS: readonly { screen: Screen; icon: IconName; label: MessageKey; hint: MessageKey }[] = SCREEN_IDS.flatMap((screen) => {
  const { place, icon, label } = SCREENS[screen];
  return place.in === 'manage' ? [{ screen, icon, label, hint: place.hint }] : [];
});

/** The header button a screen belongs under (itself, "Beheer" for the lead's screens, …). */
export function headerScreenOf(screen: Screen): Screen {
  let current = screen;
  for (let hops = 0; hops < SCREEN_IDS.length; hops++) {
    const place = SCREENS[current].place;
    if (place.in === 'header') return current;
    current = place.in === 'manage' ? 'manage' : (place.from as Screen);
  }
  return HOME_SCREEN;
}
