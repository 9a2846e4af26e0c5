/**
 * Long work on a big sheet, written as a generator that yields how far it is (0–1) between
 * small pieces. The screen runs it in slices so the tab keeps answering (and can stop it);
 * tests and small callers finish it at once. One implementation serves both.
 */
export type Steps<T> = Generator<number, T, void>;

export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
