import { create } from 'zustand';
import type { SyncProblem } from './transport';

/** What the sync loop reports to the screens: runtime state, not company data. */
export type SyncPhase = 'off' | 'connecting' | 'online' | 'offline' | 'error' | 'needsPassword';

interface SyncStatus {
  phase: SyncPhase;
  problem: SyncProblem | null;
  lastSync: number | null;
  set(patch: Partial<Omit<SyncStatus, 'set'>>): void;
}

export const useSyncStatus = create<SyncStatus>()((set) => ({
  phase: 'off',
  problem: null,
  lastSync: null,
  set: (patch) => set(patch),
}));
