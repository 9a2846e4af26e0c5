/**
 * The benchmark's second peer: the same data in AG Grid Community (virtualised rows and
 * columns), fed like the baseline by one live query over all levels. Built and served by
 * `npm run bench` only; never part of the app.
 */
import { AllCommunityModule, ModuleRegistry, type ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { LevelCode } from '../../../src/domain/levels';
import type { Worker } from '../../../src/domain/model';
import { markReady, PeerCell, startPeer, usePeerData } from '../peer';

ModuleRegistry.registerModules([AllCommunityModule]);

type Row = Worker & { index: number; levels: Record<string, LevelCode> };

function AgGridPeer() {
  const { workers, skills, levels, tap, ready } = usePeerData();
  // Rows carry their levels, so a changed level is a changed row AG Grid can find by id.
  const rows = useMemo<Row[]>(
    () => workers.map((w, index) => ({ ...w, index, levels: Object.fromEntries(skills.map((s) => [s.id, levels.get(`${w.id}|${s.id}`) ?? '-'])) })),
    [workers, skills, levels],
  );
  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'name', headerName: 'Naam', pinned: 'left', width: 180 },
      ...skills.map((s, col): ColDef<Row> => ({
        colId: s.id,
        headerName: s.name,
        width: 64,
        valueGetter: (p) => p.data?.levels[s.id] ?? '-',
        cellRenderer: (p: { data?: Row; value: LevelCode }) => (p.data ? <PeerCell row={p.data.index} col={col} level={p.value} onTap={() => tap(p.data!.id, s.id, p.value)} /> : null),
      })),
    ],
    [skills, tap],
  );
  if (!ready) return <p>…</p>;
  return (
    <div style={{ height: '100vh' }}>
      <AgGridReact<Row> rowData={rows} columnDefs={columns} getRowId={(p) => p.data.id} onFirstDataRendered={markReady} />
    </div>
  );
}

void startPeer(<AgGridPeer />);
