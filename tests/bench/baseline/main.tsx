/**
 * The benchmark's baseline: the same data in a plain, non-virtualised TanStack table — every
 * row and every column in the DOM, one live query over all levels. Built and served by
 * `npm run bench` only; never part of the app.
 */
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { Skill, Worker } from '../../../src/domain/model';
import { PeerCell, startPeer, usePeerData, useReadyMark } from '../peer';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, Worker>();

function Baseline() {
  const { workers, skills, levels, tap, ready } = usePeerData();
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('name', { id: 'name', header: 'Naam' }),
        ...skills.map((s: Skill, col) =>
          helper.display({
            id: s.id,
            header: s.name,
            cell: (ctx) => {
              const level = levels.get(`${ctx.row.original.id}|${s.id}`) ?? '-';
              return <PeerCell row={ctx.row.index} col={col} level={level} onTap={() => tap(ctx.row.original.id, s.id, level)} />;
            },
          }),
        ),
      ]),
    [skills, levels, tap],
  );
  const table = useTable({ features, columns, data: workers });
  useReadyMark(ready);
  if (!ready) return <p>…</p>;
  return (
    <div className="matrix-scroll" style={{ overflow: 'auto', height: '100vh' }}>
      <table>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => (
                <th key={h.id}>
                  <table.FlexRender header={h} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((r) => (
            <tr key={r.id}>
              {r.getAllCells().map((c) => (
                <td key={c.id}>
                  <table.FlexRender cell={c} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

void startPeer(<Baseline />);
