import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/**
 * Dexie's live query as a hook: undefined until the first answer, then the latest (the one
 * before while the first answer for new deps is on its way). Like dexie-react-hooks'
 * useLiveQuery, but each query starts once: that one also starts it in the render that
 * subscribes, only to drop it, which doubled the queries (and their work) of every screen
 * as it opens — 50 and more for the matrix.
 */
function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [state, setState] = useState<{ value?: T; error?: unknown }>({});
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState((s) => (s.value === value && s.error === undefined ? s : { value })),
      error: (error: unknown) => setState((s) => ({ value: s.value, error })),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps say when the query is another
  }, deps);
  // As dexie-react-hooks does: an error reaches the nearest error boundary.
  if (state.error !== undefined) throw state.error;
  return state.value;
}

/**
 * Live queries: they re-run when the tables they read change, in this tab or another.
 * Screens never call Dexie; they call the named hooks of this wing, built on these two.
 */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  return useLiveQuery(query, deps);
}

/**
 * A live query that starts from what it last returned, so a screen shown again (or a row
 * scrolled back into view) paints at once and the query then confirms or replaces it —
 * one IndexedDB round trip less between opening the matrix and seeing it filled. Bounded,
 * oldest out.
 */
const remembered = new Map<string, unknown>();
const REMEMBER = 300;

/** Puts a result where a live query of this key starts from (see prefetchMatrix). */
export function remember(key: string, value: unknown): void {
  remembered.delete(key);
  remembered.set(key, value);
  if (remembered.size > REMEMBER) remembered.delete(remembered.keys().next().value!);
}

/**
 * `waitWhile`: while true, a query that has not started yet does not start (a matrix row
 * flying past in a fling reads nothing); it starts once false and then stays live.
 */
export function useRememberedQuery<T>(key: string, query: () => Promise<T>, waitWhile = false): T | undefined {
  const [started, setStarted] = useState(!waitWhile);
  if (!waitWhile && !started) setStarted(true);
  const result = useLiveQuery(started ? query : nothing, [key, started]);
  if (result !== undefined && remembered.get(key) !== result) remember(key, result);
  return (result ?? remembered.get(key)) as T | undefined;
}

const nothing = async (): Promise<undefined> => undefined;

/** Runs a remembered query once now (before the first paint), so its first render has the answer. */
export async function primeRememberedQuery<T>(key: string, query: () => Promise<T>): Promise<void> {
  remember(key, await query());
}
