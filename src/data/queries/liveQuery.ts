import { useLiveQuery } from 'dexie-react-hooks';

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

function remember(key: string, result: unknown): void {
  remembered.delete(key);
  remembered.set(key, result);
  if (remembered.size > REMEMBER) remembered.delete(remembered.keys().next().value!);
}

export function useRememberedQuery<T>(key: string, query: () => Promise<T>): T | undefined {
  const result = useLiveQuery(query, [key]);
  if (result !== undefined && remembered.get(key) !== result) remember(key, result);
  return result ?? (remembered.get(key) as T | undefined);
}

/** Runs a remembered query once now (before the first paint), so its first render has the answer. */
export async function primeRememberedQuery<T>(key: string, query: () => Promise<T>): Promise<void> {
  remember(key, await query());
}
