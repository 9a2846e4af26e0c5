import { create } from 'zustand';
import type { SyncProblem } from './transport';

/**
 * What the sync loop reports to the screens: runtime state, not company data. `online` means
 * connected and up to date; while the server is being repaired the phase says so instead.
 * `otherTab`: another tab of this browser runs the sync; this one takes over when it closes.
 */
export type SyncPhase = 'off' | 'connecting' | 'online' | 'offline' | 'error' | 'needsPassword' | 'repairing' | 'otherTab';

/** Why a repair ran: the server lost its data or is new, its sequence went back, it lacked events, or someone asked. */
export type RepairReason = 'replaced' | 'behind' | 'missing' | 'check';

export interface Repair {
  reason: RepairReason;
  pushed: number;
  pulled: number;
  at: number;
}

/**
 * How far a long push or pull is: `done` of `total` changes. Shown from `PROGRESS_FROM` changes
 * on (a few changes are done before a bar could be read). `total` for a pull is the server's
 * count of changes since the checkpoint, so it can be a little more than arrives (a document
 * changed twice counts once): `finished` says it is over, whatever the count.
 */
export interface SyncProgress {
  direction: 'push' | 'pull';
  done: number;
  total: number;
  finished: boolean;
}

export const PROGRESS_FROM = 200;

interface SyncStatus {
  phase: SyncPhase;
  problem: SyncProblem | null;
  lastSync: number | null;
  /** The last repair in this session: what it sent again and what it fetched. */
  repaired: Repair | null;
  /** The last long push or pull in this session (it stays, finished, so the screen can say it is done). */
  progress: SyncProgress | null;
  set(patch: Partial<Omit<SyncStatus, 'set'>>): void;
}

export const useSyncStatus = create<SyncStatus>()((set) => ({
  phase: 'off',
  problem: null,
  lastSync: null,
  repaired: null,
  progress: null,
  set: (patch) => set(patch),
}));
