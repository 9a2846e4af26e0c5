import { create } from 'zustand';
import type { LevelCode, LevelStatus } from '../domain/levels';

/**
 * Levels just tapped in the picker, shown in their cells in the next frame while the change is
 * written (UI state only: the log and the tables stay the truth). A pending level is dropped
 * once the cell's stored level shows it (`settled` and equal), or at once if the write was
 * refused — the cell then shows what it had, and the picker opens again with the reason and
 * the note the person typed.
 */
export interface PendingLevel {
  level: LevelCode;
  status: LevelStatus;
  /** The write has completed; waiting for the cell's query to show it. */
  settled: boolean;
}

export interface RefusedLevel {
  workerId: string;
  skillId: string;
  note: string;
  error: { key: string; params?: Record<string, string | number> };
}

interface PendingLevelsState {
  /** By worker id, then skill id: a row re-renders only when its own entries change. */
  byWorker: Readonly<Record<string, Readonly<Record<string, PendingLevel>>>>;
  refused: RefusedLevel | null;
  show(workerId: string, skillId: string, level: LevelCode, status: LevelStatus): void;
  settle(workerId: string, skillId: string): void;
  drop(workerId: string, skillId: string): void;
  refuse(refused: RefusedLevel): void;
  takeRefused(): void;
}

function withCell(state: PendingLevelsState, workerId: string, skillId: string, entry: PendingLevel | null) {
  const row = { ...state.byWorker[workerId] };
  if (entry) row[skillId] = entry;
  else delete row[skillId];
  const byWorker = { ...state.byWorker };
  if (Object.keys(row).length) byWorker[workerId] = row;
  else delete byWorker[workerId];
  return { byWorker };
}

export const usePendingLevels = create<PendingLevelsState>()((set) => ({
  byWorker: {},
  refused: null,
  show: (workerId, skillId, level, status) => set((s) => withCell(s, workerId, skillId, { level, status, settled: false })),
  settle: (workerId, skillId) =>
    set((s) => {
      const entry = s.byWorker[workerId]?.[skillId];
      return entry ? withCell(s, workerId, skillId, { ...entry, settled: true }) : {};
    }),
  drop: (workerId, skillId) => set((s) => (s.byWorker[workerId]?.[skillId] ? withCell(s, workerId, skillId, null) : {})),
  refuse: (refused) => set((s) => ({ ...withCell(s, refused.workerId, refused.skillId, null), refused })),
  takeRefused: () => set({ refused: null }),
}));
