import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

/**
 * Live queries: they re-run when the tables they read change, in this tab or another.
 * Screens never call Dexie; they call the named hooks of this wing, built on these two.
 */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  return useLiveQuery(query, [...deps]);
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
