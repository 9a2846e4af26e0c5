/**
 * The benchmark's fair peer: the same synthetic factory in AG Grid Community (virtualised rows
 * and columns), its data made in memory from the same seeded plan — no IndexedDB, no event
 * log, nothing to wait for but the grid itself. A pinned top row holds each skill's coverage
 * (people at U or O), as Vaardig's coverage row does. A tap moves the cell to the next level in
 * memory. Built and served by `npm run bench` only; never part of the app.
 */
import { AllCommunityModule, ModuleRegistry, type ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { parseFactorySpec, planFactory } from '../../../src/domain/factoryPlan';
import type { LevelCode } from '../../../src/domain/levels';
import { markReady, PeerCell } from '../peer';

ModuleRegistry.registerModules([AllCommunityModule]);

const NEXT: Record<LevelCode, LevelCode> = { '-': 'I', I: 'L', L: 'U', U: 'O', O: 'I' };
const CAPABLE = new Set<LevelCode>(['U', 'O']);

interface Row {
  id: string;
  index: number;
  name: string;
  /** A level code per skill; in the coverage row, a count. */
  levels: string[];
}

const params = new URLSearchParams(location.search);
const spec = parseFactorySpec(params.get('factory'), params.get('seed')) ?? { workers: 500, skills: 400, seed: 1 };
// Making the data is timed apart, so the peer's figures can be read with and without it.
performance.mark('peer:data-start');
const plan = planFactory(spec);
const initialRows: Row[] = plan.workers.map((w, index) => ({ id: `w${index}`, index, name: w.name, levels: plan.skills.map(() => '-') }));
for (const c of plan.cells) initialRows[c.worker]!.levels[c.skill] = c.level;
performance.measure('peer:data', 'peer:data-start');

function AgGridPeer() {
  const [rows, setRows] = useState(initialRows);
  const tap = useCallback((row: number, skill: number) => {
    setRows((all) => all.map((r) => (r.index === row ? { ...r, levels: r.levels.map((l, i) => (i === skill ? NEXT[l as LevelCode] : l)) } : r)));
  }, []);
  const coverage = useMemo(() => [{ id: 'coverage', index: -1, name: 'Dekking', levels: plan.skills.map((_, s) => String(rows.filter((r) => CAPABLE.has(r.levels[s] as LevelCode)).length)) }], [rows]);
  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'name', headerName: 'Naam', pinned: 'left', width: 180 },
      ...plan.skills.map((s, col): ColDef<Row> => ({
        colId: String(col),
        headerName: s.name,
        width: 64,
        valueGetter: (p) => p.data?.levels[col] ?? '-',
        cellRenderer: (p: { data?: Row; value: string }) =>
          p.data && p.data.index >= 0 ? <PeerCell row={p.data.index} col={col} level={p.value as LevelCode} onTap={() => tap(p.data!.index, col)} /> : p.value,
      })),
    ],
    [tap],
  );
  return (
    <div style={{ height: '100vh' }}>
      <AgGridReact<Row> rowData={rows} pinnedTopRowData={coverage} columnDefs={columns} getRowId={(p) => p.data.id} onFirstDataRendered={markReady} />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<AgGridPeer />);
