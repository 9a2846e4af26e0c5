import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { HOME_SCREEN, SCREENS, type Screen } from '../app/screens';
import { DEFAULT_WALL_IDLE_SECONDS, DEFAULT_WALL_PAGE_SECONDS } from '../domain/thresholds';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/locales';

/** UI state only: nothing here is company data (that lives in Dexie). */
export type { Screen };

export interface CellPosition {
  row: number;
  col: number;
}

interface UiState {
  language: Language;
  screen: Screen;
  wallMode: boolean;
  wallIdleSeconds: number;
  /** How long the wall shows each page when the team needs more than one. */
  wallPageSeconds: number;
  teamFilter: string | null;
  stationFilter: string | null;
  /** The matrix cell that has keyboard focus (roving tabindex). */
  activeCell: CellPosition;
  /** The cell whose level picker is open. */
  editing: { workerId: string; skillId: string } | null;
  /** Bumped when the wall returns to its overview, so the matrix scrolls home. */
  homeSignal: number;
  /** The team the print view shows (null: every team). */
  printTeam: string | null;
  setPrintTeam(id: string | null): void;
  /** Who is signed in on this device; recorded as the actor of every change. */
  signedInId: string | null;
  /** When they signed in (ms): the kiosk's idle time counts from here or the last touch. */
  signedInAt: number;
  /** A short message for the polite live region ("Opgeslagen"), as an i18n key. */
  notice: { key: string; params?: Record<string, string | number>; kind: 'info' | 'error'; id: number } | null;
  setLanguage(language: Language): void;
  go(screen: Screen): void;
  setWallMode(on: boolean): void;
  setWallIdleSeconds(seconds: number): void;
  setWallPageSeconds(seconds: number): void;
  setTeamFilter(id: string | null): void;
  setStationFilter(id: string | null): void;
  setActiveCell(pos: CellPosition): void;
  openEditor(workerId: string, skillId: string): void;
  closeEditor(): void;
  returnHome(): void;
  /** `landing`: the screen to show with the sign-in (app/landing.ts), or null to stay. */
  signIn(workerId: string, landing?: Screen | null): void;
  signOut(): void;
  /** Ask for a sign-in (the header's dialog), e.g. when a screen needs someone. */
  signInRequested: boolean;
  /**
   * The sign-in was asked for from the header or the wall while the overview showed (not by a
   * screen that needs someone): the person then lands on their own screen (app/landing.ts).
   */
  signInLands: boolean;
  requestSignIn(open: boolean, lands?: boolean): void;
  announce(key: string, kind?: 'info' | 'error', params?: Record<string, string | number>): void;
  clearNotice(): void;
}

export const useUi = create<UiState>()(
  persist(
    (set) => ({
      language: DEFAULT_LANGUAGE,
      screen: HOME_SCREEN,
      wallMode: false,
      wallIdleSeconds: DEFAULT_WALL_IDLE_SECONDS,
      wallPageSeconds: DEFAULT_WALL_PAGE_SECONDS,
      teamFilter: null,
      stationFilter: null,
      activeCell: { row: 0, col: 0 },
      editing: null,
      homeSignal: 0,
      printTeam: null,
      setPrintTeam: (printTeam) => set({ printTeam }),
      signedInId: null,
      signedInAt: 0,
      signInRequested: false,
      signInLands: false,
      notice: null,
      setLanguage: (language) => set({ language }),
      go: (screen) => set({ screen, editing: null }),
      setWallMode: (wallMode) => set({ wallMode }),
      setWallIdleSeconds: (wallIdleSeconds) => set({ wallIdleSeconds }),
      setWallPageSeconds: (wallPageSeconds) => set({ wallPageSeconds }),
      setTeamFilter: (teamFilter) => set({ teamFilter, activeCell: { row: 0, col: 0 } }),
      setStationFilter: (stationFilter) => set({ stationFilter, activeCell: { row: 0, col: 0 } }),
      setActiveCell: (activeCell) => set({ activeCell }),
      openEditor: (workerId, skillId) => set({ editing: { workerId, skillId } }),
      closeEditor: () => set({ editing: null }),
      returnHome: () => set((s) => ({ screen: HOME_SCREEN, editing: null, activeCell: { row: 0, col: 0 }, homeSignal: s.homeSignal + 1 })),
      signIn: (signedInId, landing = null) => set((s) => ({ signedInId, signedInAt: Date.now(), signInRequested: false, ...(landing ? { screen: landing, editing: null } : { screen: s.screen }) })),
      // Signing out also closes whatever the person had open; on the wall the next person starts from the overview.
      signOut: () => set((s) => ({ signedInId: null, editing: null, screen: s.wallMode || SCREENS[s.screen].closesOnSignOut ? HOME_SCREEN : s.screen })),
      // Only from the overview: someone who opened a screen on purpose stays on it.
      requestSignIn: (signInRequested, lands = false) => set((s) => (signInRequested ? { signInRequested, signInLands: lands && s.screen === HOME_SCREEN } : { signInRequested })),
      announce: (key, kind = 'info', params) => set((s) => ({ notice: { key, kind, params, id: (s.notice?.id ?? 0) + 1 } })),
      clearNotice: () => set({ notice: null }),
    }),
    {
      name: 'vaardig-ui',
      // Only preferences survive a reload; where someone was on the screen does not.
      partialize: (s) => ({ language: s.language, wallIdleSeconds: s.wallIdleSeconds, wallPageSeconds: s.wallPageSeconds, wallMode: s.wallMode }),
    },
  ),
);

/** The context every command runs with: who is acting. */
export function useCommandContext() {
  const actor = useUi((s) => s.signedInId);
  return { actor };
}
