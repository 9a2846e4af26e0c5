/**
 * What the benchmark's peers (the plain TanStack table and AG Grid) share: the same data
 * through Vaardig's own data layer, one live query over all levels, a tap that moves a cell
 * to the next level, and the `vaardig:matrix-ready` mark the harness waits for.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { initClock, db, allLevels } from '../../src/data/store';
import { setLevel, loadFactory } from '../../src/data/commands';
import { parseFactorySpec } from '../../src/domain/factoryPlan';
import type { LevelCode } from '../../src/domain/levels';
import { normaliseLevel } from '../../src/domain/model';
import { byName } from '../../src/domain/sort';

const NEXT: Record<LevelCode, LevelCode> = { '-': 'I', I: 'L', L: 'U', U: 'O', O: 'I' };

export function usePeerData() {
  const workers = useLiveQuery(async () => (await db.workers.toArray()).filter((w) => !w.archived).sort(byName));
  const skills = useLiveQuery(async () => (await db.skills.toArray()).filter((s) => !s.archived).sort((a, b) => (a.id < b.id ? -1 : 1)));
  const levels = useLiveQuery(async () => new Map((await allLevels()).map((l) => [`${l.workerId}|${l.skillId}`, normaliseLevel(l).level])));
  const lead = workers?.find((w) => w.role === 'lead');
  const leadId = lead?.id ?? null;
  const tap = useCallback(
    (workerId: string, skillId: string, current: LevelCode) =>
      void setLevel({ workerId, skillId, level: NEXT[current], status: 'confirmed', note: 'bench' }, { actor: leadId }).then((r) => !r.ok && console.error('BASELINE', JSON.stringify(r.errors))),
    [leadId],
  );
  const ready = Boolean(workers && skills && levels);
  return { workers: workers ?? [], skills: skills ?? [], levels: levels ?? new Map<string, LevelCode>(), tap, ready };
}

/** Marks the first paint with data, as the app does. */
export function markReady() {
  requestAnimationFrame(() => performance.mark('vaardig:matrix-ready'));
}

export function useReadyMark(ready: boolean) {
  const marked = useRef(false);
  useEffect(() => {
    if (ready && !marked.current) {
      marked.current = true;
      markReady();
    }
  });
}

/** The cell both peers render: a button the harness finds by row and column. */
export function PeerCell({ row, col, level, onTap }: { row: number; col: number; level: LevelCode; onTap: () => void }): ReactNode {
  return (
    <button type="button" data-row={row} data-col={col} onClick={onTap}>
      {level}
    </button>
  );
}

export async function startPeer(app: ReactNode) {
  await db.open();
  await initClock();
  const params = new URLSearchParams(location.search);
  const spec = parseFactorySpec(params.get('factory'), params.get('seed'), params.get('dense'));
  if (spec) await loadFactory(spec);
  createRoot(document.getElementById('root')!).render(app);
}
