import { allowManyListeners } from '../signals/listener-limit';

/**
 * A signal for one fetch that follows the caller's. The SDK's HTTP transports pass the same
 * long-lived AbortSignal to every fetch; undici adds an abort listener to the signal of each
 * Request and removes it only when that Request is garbage-collected (nodejs/undici#1926). Under
 * load the listeners pile up on the shared signal (undici lifts its limit to 1,500; past that
 * Node prints a leak warning on stderr) and every abort check walks them. Giving undici a signal
 * of its own per request, and removing our single listener on the shared one when the exchange
 * ends, keeps the shared signal's listeners to the exchanges in flight. An abort of the shared signal still aborts the
 * request, with the same reason.
 * Returns `{ signal: undefined }` (and a no-op release) when the caller passed no signal.
 */
export function followSignal(shared: AbortSignal | null | undefined): { signal?: AbortSignal; release(): void } {
  if (!shared) return NOTHING_TO_FOLLOW;
  return new FollowedSignal(shared);
}

const NOTHING_TO_FOLLOW: { signal?: AbortSignal; release(): void } = Object.freeze({ release() {} });

/**
 * The listener is the object itself (an EventListener with `handleEvent`): this runs once per
 * HTTP request, and methods are made once, where closures would be made (and, in the bundled
 * CLI, named) on every request.
 */
class FollowedSignal {
  private readonly own = new AbortController();
  private released = false;

  constructor(private readonly shared: AbortSignal) {
    if (shared.aborted) {
      this.own.abort(shared.reason);
      this.released = true;
    } else {
      // One listener per exchange in flight: a load run at 16 in flight would make Node warn.
      allowManyListeners(shared);
      shared.addEventListener('abort', this, { once: true });
    }
  }

  get signal(): AbortSignal {
    return this.own.signal;
  }

  /** The shared signal aborted: abort this request's, with the same reason. */
  handleEvent(): void {
    this.own.abort(this.shared.reason);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.shared.removeEventListener('abort', this);
  }
}
