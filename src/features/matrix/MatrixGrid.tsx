import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { Skill, Station, Worker } from '../../domain/model';
import { useT } from '../../i18n';
import { useUi } from '../../state/ui';
import { CoverageCell } from './CoverageCell';
import { MatrixRow } from './MatrixRow';
import { buildMatrixColumns, matrixFeatures } from './matrixTable';
import { headerHeight, metricsStyle, type MatrixMetrics } from './metrics';
import { nextCell } from './keyboard';
import { useNow } from '../../ui/useNow';

interface Props {
  workers: Worker[];
  stations: Station[];
  skills: Skill[];
  metrics: MatrixMetrics;
  /** Called once, after the first paint with data: the time to load what a tap needs. */
  onPainted?: () => void;
}

/**
 * The matrix as an ARIA grid (memo: opening and closing the level picker leaves it alone), virtualised in both directions: only the rows and columns in
 * view (plus a small overscan) are in the DOM. Header rows and the name column stay put.
 */
export const MatrixGrid = memo(function MatrixGrid({ workers, stations, skills, metrics, onPainted }: Props) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);
  // Marks the first paint with every visible row and coverage cell filled, after mounting:
  // what `npm run bench` times (navigation or a return to the matrix → the screen a person reads).
  const filled = useRef({ marked: false, rows: new Set<string>(), columns: new Set<string>(), visibleRows: [] as string[], visibleColumns: [] as string[] });
  const markIfFilled = useCallback(() => {
    const f = filled.current;
    if (f.marked || !f.visibleRows.length || !f.visibleRows.every((id) => f.rows.has(id)) || !f.visibleColumns.every((id) => f.columns.has(id))) return;
    f.marked = true;
    requestAnimationFrame(() => {
      performance.mark('vaardig:matrix-ready');
      if (onPainted) setTimeout(onPainted, 0);
    });
  }, [onPainted]);
  const onRowLoaded = useCallback(
    (workerId: string) => {
      filled.current.rows.add(workerId);
      markIfFilled();
    },
    [markIfFilled],
  );
  const onColumnLoaded = useCallback(
    (skillId: string) => {
      filled.current.columns.add(skillId);
      markIfFilled();
    },
    [markIfFilled],
  );
  const activeCell = useUi((s) => s.activeCell);
  const setActiveCell = useUi((s) => s.setActiveCell);
  const openEditor = useUi((s) => s.openEditor);
  const homeSignal = useUi((s) => s.homeSignal);
  const now = useNow();

  const columns = useMemo(() => buildMatrixColumns(stations, skills), [stations, skills]);
  const table = useTable({ features: matrixFeatures, columns, data: workers, getRowId: (w) => w.id });
  const rows = table.getRowModel().rows;
  const [stationGroup, leafGroup] = table.getHeaderGroups();
  // The first leaf is the worker column. The table instance stays the same while its columns
  // change, so `columns` is what says the leaves changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const skillColumns = useMemo(() => table.getAllLeafColumns().slice(1), [table, columns]);
  const skillsById = useMemo(() => new Map(skills.map((s) => [s.id, s])), [skills]);
  // Lookups by id, so a scroll frame does not search 400 columns per visible header.
  const leafHeaders = useMemo(() => new Map(leafGroup?.headers.map((h) => [h.column.id, h])), [leafGroup]);
  const columnIndex = useMemo(() => new Map(skillColumns.map((c, i) => [c.id, i])), [skillColumns]);
  const orderedSkills = useMemo(() => skillColumns.map((c) => skillsById.get(c.id)!), [skillColumns, skillsById]);
  const shownWorkers = useMemo(() => new Set(workers.map((w) => w.id)), [workers]);
  const isShown = useCallback((id: string) => shownWorkers.has(id), [shownWorkers]);
  const headH = headerHeight(metrics);

  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => metrics.cellHeight,
    paddingStart: headH,
    scrollPaddingStart: headH,
    overscan: 4,
    useFlushSync: false,
  });
  const colVirtualizer = useVirtualizer({
    horizontal: true,
    count: orderedSkills.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => metrics.cellWidth,
    paddingStart: metrics.nameWidth,
    scrollPaddingStart: metrics.nameWidth,
    overscan: 3,
    useFlushSync: false,
  });
  useEffect(() => {
    rowVirtualizer.measure();
    colVirtualizer.measure();
  }, [metrics, rowVirtualizer, colVirtualizer]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0, left: 0 });
  }, [homeSignal]);

  const virtualRows = rowVirtualizer.getVirtualItems();
  const virtualCols = colVirtualizer.getVirtualItems();
  // Rows and columns that come into view while the matrix scrolls read their data once they stay
  // in view (useStayedInView): a fling's rows fly past without a read each.
  const scrolling = rowVirtualizer.isScrolling || colVirtualizer.isScrolling;
  // What is on screen now, for the filled mark (rows and columns report in as their data arrives).
  useEffect(() => {
    if (filled.current.marked) return;
    filled.current.visibleRows = virtualRows.map((r) => rows[r.index]!.id);
    filled.current.visibleColumns = virtualCols.map((c) => orderedSkills[c.index]!.id);
    markIfFilled();
  });
  const row = Math.min(activeCell.row, Math.max(0, rows.length - 1));
  const col = Math.min(activeCell.col, Math.max(0, orderedSkills.length - 1));

  // Layout effect: focus follows the key press in the same frame, before the next key arrives.
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });

  const moveTo = (r: number, c: number) => {
    focusPending.current = true;
    setActiveCell({ row: r, col: c });
    rowVirtualizer.scrollToIndex(r, { align: 'auto' });
    colVirtualizer.scrollToIndex(c, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (target.dataset.row === undefined) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openEditor(workers[row]!.id, orderedSkills[col]!.id);
      return;
    }
    const pageRows = Math.max(1, Math.floor((scrollRef.current!.clientHeight - headH) / metrics.cellHeight) - 1);
    const next = nextCell(e.key, { row, col }, { rows: rows.length, cols: orderedSkills.length, pageRows }, e.ctrlKey || e.metaKey);
    if (next) {
      e.preventDefault();
      moveTo(next.row, next.col);
    }
  };

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!cell) return;
    const r = Number(cell.dataset.row);
    const c = Number(cell.dataset.col);
    setActiveCell({ row: r, col: c });
    openEditor(workers[r]!.id, orderedSkills[c]!.id);
  };

  const totalWidth = colVirtualizer.getTotalSize();
  const firstCol = virtualCols[0]?.index ?? 0;
  const lastCol = virtualCols.at(-1)?.index ?? -1;

  return (
    <div
      ref={scrollRef}
      className="matrix-scroll"
      role="grid"
      tabIndex={-1}
      aria-label={t('matrix.gridLabel')}
      aria-rowcount={rows.length + 3}
      aria-colcount={orderedSkills.length + 1}
      style={metricsStyle(metrics)}
      onKeyDown={onKeyDown}
      onClick={onClick}
    >
      <div className="matrix-canvas" style={{ width: totalWidth, height: rowVirtualizer.getTotalSize() }}>
        <div role="rowgroup" className="matrix-head" style={{ width: totalWidth }}>
          <div role="row" className="station-row" aria-rowindex={1}>
            <div role="columnheader" className="corner station-corner" aria-colindex={1}>
              {t('matrix.filterStation')}
            </div>
            {stationGroup?.headers
              .filter((h) => !h.isPlaceholder)
              .map((h) => {
                const leaves = h.getLeafHeaders();
                const start = columnIndex.get(leaves[0]!.column.id) ?? 0;
                const end = start + leaves.length - 1;
                if (end < firstCol || start > lastCol) return null;
                return (
                  <div
                    key={h.id}
                    role="columnheader"
                    className="station-head"
                    aria-colindex={start + 2}
                    aria-colspan={leaves.length}
                    style={{ left: metrics.nameWidth + start * metrics.cellWidth, width: leaves.length * metrics.cellWidth }}
                  >
                    <span className="station-label">
                      <table.FlexRender header={h} />
                    </span>
                  </div>
                );
              })}
          </div>
          <div role="row" className="skill-row" aria-rowindex={2}>
            <div role="columnheader" className="corner skill-corner" aria-colindex={1}>
              {t('matrix.worker')}
            </div>
            {virtualCols.map((c) => {
              const header = leafHeaders.get(orderedSkills[c.index]!.id);
              return (
                <div key={orderedSkills[c.index]!.id} role="columnheader" className="skill-head" aria-colindex={c.index + 2} style={{ left: c.start }}>
                  <span className="skill-label">{header ? <table.FlexRender header={header} /> : orderedSkills[c.index]!.name}</span>
                </div>
              );
            })}
          </div>
          <div role="row" className="coverage-row" aria-rowindex={3}>
            <div role="rowheader" className="corner coverage-corner" aria-colindex={1}>
              {t('matrix.coverage')}
            </div>
            {virtualCols.map((c) => (
              <CoverageCell key={orderedSkills[c.index]!.id} skill={orderedSkills[c.index]!} col={c.index} x={c.start} isShown={isShown} now={now} scrolling={scrolling} onLoaded={onColumnLoaded} />
            ))}
          </div>
        </div>
        <div role="rowgroup" className="matrix-body">
          {virtualRows.map((r) => (
            <MatrixRow
              key={rows[r.index]!.id}
              worker={rows[r.index]!.original}
              rowIndex={r.index}
              top={r.start}
              columns={virtualCols}
              skills={orderedSkills}
              skillsById={skillsById}
              activeCol={r.index === row ? col : null}
              now={now}
              scrolling={scrolling}
              onLoaded={onRowLoaded}
            />
          ))}
        </div>
      </div>
    </div>
  );
});
