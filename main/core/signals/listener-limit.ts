import { setMaxListeners } from 'node:events';

const lifted = new WeakSet<AbortSignal>();

/**
 * Lifts the listener limit of a long-lived signal that many waits in flight listen to at once
 * (every exchange of a connection, every worker of a load run). Node prints a
 * MaxListenersExceededWarning on stderr past 10 listeners on one signal; where each listener is
 * removed when its wait ends, there is no leak to warn about, only noise in the terminal.
 * Once per signal (a WeakSet remembers which); `signal` undefined: nothing to do.
 */
export function allowManyListeners(signal: AbortSignal | undefined): void {
  if (!signal || lifted.has(signal)) return;
  setMaxListeners(0, signal);
  lifted.add(signal);
}
