import { useRef, useState } from 'react';
import { readMatrixSteps, type MatrixImport } from '../../domain/transfer/matrixImport';
import { guessLayoutSteps, looksLikeMatrix, type MatrixLayout } from '../../domain/transfer/matrixLayout';
import type { Steps } from '../../domain/transfer/steps';
import type { MessageKey, Params } from '../../i18n';
import { fileTooBig } from '../../ui/fileLimit';
import { readSheets, type Sheet } from './readSheets';
import { runSteps } from './runSteps';

/** What the import is busy with, for the progress bar. */
export type ImportPhase = 'read' | 'guess' | 'check';
export interface ImportWork {
  phase: ImportPhase;
  /** 0–1. */
  done: number;
}

interface Job {
  signal: AbortSignal;
  run: (phase: ImportPhase) => <T>(steps: Steps<T>) => Promise<T>;
}

/** Progress steps finer than this are not worth a render. */
const PROGRESS_STEP = 0.01;

/**
 * The matrix import up to its preview: read the file, pick a sheet, guess the columns, read
 * the rows again whenever the lead corrects something. Long work runs in slices with
 * progress; one job at a time, a newer one (or "Stoppen") ends the one before. Nothing is
 * stored here: the write is one transaction (importWorkshop), so stopping leaves nothing.
 */
export function useMatrixImport() {
  const [sheets, setSheets] = useState<Sheet[]>([]);
  const [sheetIndex, setSheetIndex] = useState(0);
  const [layout, setLayout] = useState<MatrixLayout | null>(null);
  const [result, setResult] = useState<MatrixImport | null>(null);
  const [work, setWork] = useState<ImportWork | null>(null);
  const [error, setError] = useState<{ key: MessageKey; params?: Params } | null>(null);
  const current = useRef<AbortController | null>(null);

  const clear = () => {
    current.current?.abort();
    current.current = null;
    setSheets([]);
    setLayout(null);
    setResult(null);
    setWork(null);
    setError(null);
  };

  const job = async (task: (job: Job) => Promise<void>) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    const run =
      (phase: ImportPhase) =>
      <T>(steps: Steps<T>) => {
        setWork({ phase, done: 0 });
        return runSteps(steps, controller.signal, (done) => setWork((w) => (w && w.phase === phase && done - w.done < PROGRESS_STEP ? w : { phase, done })));
      };
    try {
      await task({ signal: controller.signal, run });
    } catch (e) {
      // Stopped, or overtaken by a newer job: that one owns the screen now.
      if (!controller.signal.aborted) throw e;
    } finally {
      if (current.current === controller) {
        current.current = null;
        setWork(null);
      }
    }
  };

  const check = async ({ run, signal }: Job, grid: Sheet['grid'], next: MatrixLayout) => {
    setLayout(next);
    const read = await run('check')(readMatrixSteps(grid, next));
    signal.throwIfAborted();
    setResult(read);
  };

  const choose = (file: File | undefined) => {
    clear();
    if (!file) return;
    const big = fileTooBig(file);
    if (big) return setError(big);
    return job(async (j) => {
      setWork({ phase: 'read', done: 0 });
      const read = await readSheets(file, j.run('read'));
      j.signal.throwIfAborted();
      if ('error' in read) return setError({ key: read.error });
      // The first sheet that looks like a matrix; else the first that has anything at all.
      let chosen: { index: number; layout: MatrixLayout } | undefined;
      for (let index = 0; index < read.sheets.length && !looksLikeMatrix(chosen?.layout ?? null); index++) {
        const layout = await j.run('guess')(guessLayoutSteps(read.sheets[index]!.grid));
        if (layout && (!chosen || looksLikeMatrix(layout))) chosen = { index, layout };
      }
      j.signal.throwIfAborted();
      if (!chosen) return setError({ key: 'import.empty' });
      setSheets(read.sheets);
      setSheetIndex(chosen.index);
      await check(j, read.sheets[chosen.index]!.grid, chosen.layout);
    });
  };

  const pickSheet = (index: number) =>
    job(async (j) => {
      setSheetIndex(index);
      setLayout(null);
      setResult(null);
      setError(null);
      const layout = await j.run('guess')(guessLayoutSteps(sheets[index]!.grid));
      j.signal.throwIfAborted();
      if (!layout) return setError({ key: 'import.empty' });
      await check(j, sheets[index]!.grid, layout);
    });

  const changeLayout = (next: MatrixLayout) => job((j) => check(j, sheets[sheetIndex]!.grid, next));

  return { sheets, sheetIndex, layout, result, work, error, choose, pickSheet, changeLayout, clear };
}
