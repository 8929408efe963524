import { performance } from 'node:perf_hooks';

/** Monotonic time on the epoch scale, sub-millisecond: safe for latencies and ordering. */
export function monoNow(): number {
  return performance.timeOrigin + performance.now();
}
