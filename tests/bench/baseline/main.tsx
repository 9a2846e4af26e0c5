/**
 * The benchmark's baseline: the same data in a plain, non-virtualised TanStack table — every
 * row and every column in the DOM, one live query over all levels. Built and served by
 * `npm run bench` only; never part of the app.
 */
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { initClock } from '../../../src/data/clock';
import { setLevel } from '../../../src/data/commands';
import { db } from '../../../src/data/db';
import { loadFactory } from '../../../src/data/factory';
import { parseFactorySpec } from '../../../src/domain/factory';
import type { LevelCode } from '../../../src/domain/levels';
import { normaliseLevel, type Skill, type Worker } from '../../../src/domain/model';
import { allLevels } from '../../../src/data/levels';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, Worker>();
const NEXT: Record<LevelCode, LevelCode> = { '-': 'I', I: 'L', L: 'U', U: 'O', O: 'I' };

function Baseline() {
  const workers = useLiveQuery(async () => (await db.workers.toArray()).filter((w) => !w.archived).sort((a, b) => a.name.localeCompare(b.name)));
  const skills = useLiveQuery(async () => (await db.skills.toArray()).filter((s) => !s.archived).sort((a, b) => (a.id < b.id ? -1 : 1)));
  const levels = useLiveQuery(async () => new Map((await allLevels()).map((l) => [`${l.workerId}|${l.skillId}`, normaliseLevel(l).level])));
  const lead = workers?.find((w) => w.role === 'lead');
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('name', { id: 'name', header: 'Naam' }),
        ...(skills ?? []).map((s: Skill) =>
          helper.display({
            id: s.id,
            header: s.name,
            cell: (ctx) => {
              const level = levels?.get(`${ctx.row.original.id}|${s.id}`) ?? '-';
              return (
                <button
                  type="button"
                  data-cell={`${ctx.row.original.id}|${s.id}`}
                  onClick={() => void setLevel({ workerId: ctx.row.original.id, skillId: s.id, level: NEXT[level], status: 'confirmed', note: 'bench' }, { actor: lead?.id ?? null }).then((r) => !r.ok && console.error('BASELINE', JSON.stringify(r.errors)))}
                >
                  {level}
                </button>
              );
            },
          }),
        ),
      ]),
    [skills, levels, lead],
  );
  const table = useTable({ features, columns, data: workers ?? [] });
  const marked = useRef(false);
  useEffect(() => {
    if (workers && skills && levels && !marked.current) {
      marked.current = true;
      requestAnimationFrame(() => performance.mark('vaardig:matrix-ready'));
    }
  });
  if (!workers || !skills || !levels) return <p>…</p>;
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

async function start() {
  await db.open();
  await initClock();
  const params = new URLSearchParams(location.search);
  const spec = parseFactorySpec(params.get('factory'), params.get('seed'), params.get('dense'));
  if (spec) await loadFactory(spec);
  createRoot(document.getElementById('root')!).render(<Baseline />);
}
void start();
