/**
 * The browser's next idle moment, at most a second away (Safari has no requestIdleCallback):
 * for work nobody waits for, so it runs between what the person sees and taps.
 */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 1000 }) : setTimeout(resolve, 50)));
}
