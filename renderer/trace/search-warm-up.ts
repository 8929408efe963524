import type { TraceLog } from './trace-log';

/**
 * Builds the search texts of new entries in idle time, a few milliseconds at a time, so that the
 * first search after loading 100,000 entries filters cached strings instead of stringifying every
 * payload while the user waits.
 */
const pending = new Set<TraceLog>();
let scheduled = false;
const SLICE_MS = 6;

export function scheduleSearchWarmUp(log: TraceLog): void {
  pending.add(log);
  if (scheduled) return;
  scheduled = true;
  schedule(run);
}

/** Warms every pending log now (the benchmark calls this to measure filtering, not stringifying). */
export function warmUpSearchNow(): void {
  for (const log of pending) log.warmUp(Number.POSITIVE_INFINITY);
  pending.clear();
}

function run(deadline?: IdleDeadline): void {
  scheduled = false;
  // Use all the idle time the browser offers (up to 50 ms when nothing else happens).
  const budget = Math.max(SLICE_MS, deadline?.timeRemaining() ?? 0);
  for (const log of pending) {
    if (log.warmUp(budget)) pending.delete(log);
    break; // one slice per idle callback keeps the frame budget
  }
  if (pending.size > 0) {
    scheduled = true;
    schedule(run);
  }
}

function schedule(fn: (deadline?: IdleDeadline) => void): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: (deadline: IdleDeadline) => void, opts?: { timeout: number }) => number })
    .requestIdleCallback;
  if (idle) idle(fn, { timeout: 200 });
  else setTimeout(() => fn(), 16);
}
