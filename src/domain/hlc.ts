import { CLOCK_BOUNDS } from './thresholds';

/**
 * Hybrid logical clock. Timestamps are fixed-width strings so that plain string comparison
 * orders them: `<wall ms, 15 digits>:<counter, 5 digits>:<device>`. Two devices never produce
 * the same stamp, so ordering by stamp is total and the same on every device.
 */
export interface HlcState {
  wall: number;
  counter: number;
}

const WALL_WIDTH = 15;
const COUNTER_WIDTH = 5;
const MAX_COUNTER = 10 ** COUNTER_WIDTH - 1;

export function formatHlc(state: HlcState, device: string): string {
  return `${String(state.wall).padStart(WALL_WIDTH, '0')}:${String(state.counter).padStart(COUNTER_WIDTH, '0')}:${device}`;
}

export function parseHlc(stamp: string): HlcState & { device: string } {
  const [wall, counter, ...device] = stamp.split(':');
  return { wall: Number(wall), counter: Number(counter), device: device.join(':') };
}

/** Wall-clock milliseconds of a stamp, for showing "when" to people. */
export function hlcMillis(stamp: string): number {
  return Number(stamp.slice(0, WALL_WIDTH));
}

/** Next stamp for a local event. */
export function tick(previous: HlcState, now: number): HlcState {
  if (now > previous.wall) return { wall: now, counter: 0 };
  return bump(previous);
}

/**
 * Advance past a stamp received from elsewhere, so local events that follow sort after it.
 * A stamp further ahead of this device's clock than `CLOCK_BOUNDS.holdMs` (or not a stamp
 * at all) never moves the clock: the gate holds such events until their time comes, and
 * nothing received can push the clock out of its format.
 */
export function receive(previous: HlcState, remote: string, now: number): HlcState {
  const r = parseHlc(remote);
  if (!Number.isSafeInteger(r.wall) || !Number.isSafeInteger(r.counter) || r.wall - now > CLOCK_BOUNDS.holdMs || r.counter > MAX_COUNTER) return previous;
  const wall = Math.max(previous.wall, r.wall, now);
  if (wall === previous.wall && wall === r.wall) return bump({ wall, counter: Math.max(previous.counter, r.counter) });
  if (wall === previous.wall) return bump(previous);
  if (wall === r.wall) return bump({ wall, counter: r.counter });
  return { wall, counter: 0 };
}

/** Continue after this device's own log (already admitted): no bound, the log is ours. */
export function resume(previous: HlcState, newest: string): HlcState {
  const r = parseHlc(newest);
  if (!Number.isSafeInteger(r.wall) || r.wall < previous.wall || (r.wall === previous.wall && r.counter <= previous.counter)) return previous;
  return { wall: r.wall, counter: Math.min(r.counter, MAX_COUNTER) };
}

function bump(state: HlcState): HlcState {
  if (state.counter >= MAX_COUNTER) return { wall: state.wall + 1, counter: 0 };
  return { wall: state.wall, counter: state.counter + 1 };
}
