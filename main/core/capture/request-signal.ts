/**
 * A signal for one fetch that follows the caller's. The SDK's HTTP transports pass the same
 * long-lived AbortSignal to every fetch; undici adds an abort listener to the signal of each
 * Request and removes it only when that Request is garbage-collected (nodejs/undici#1926). Under
 * load the listeners pile up on the shared signal (past 1,500 Node prints a leak warning on
 * stderr) and every abort check walks them. Giving undici a signal of its own per request, and
 * removing our single listener on the shared one when the exchange ends, keeps the shared
 * signal's listeners to the exchanges in flight. An abort of the shared signal still aborts the
 * request, with the same reason.
 * Returns `{ signal: undefined }` (and a no-op release) when the caller passed no signal.
 */
export function followSignal(shared: AbortSignal | null | undefined): { signal?: AbortSignal; release(): void } {
  if (!shared) return { release: () => undefined };
  const own = new AbortController();
  if (shared.aborted) {
    own.abort(shared.reason);
    return { signal: own.signal, release: () => undefined };
  }
  const forward = () => own.abort(shared.reason);
  shared.addEventListener('abort', forward, { once: true });
  let released = false;
  return {
    signal: own.signal,
    release() {
      if (released) return;
      released = true;
      shared.removeEventListener('abort', forward);
    },
  };
}
