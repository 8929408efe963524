import { allowManyListeners } from '../signals/listener-limit';

/** What a fetch passes to undici: its own signal (when following), and how to stop following. */
export interface FollowedExchange {
  signal?: AbortSignal;
  release(): void;
}

const NOTHING_TO_FOLLOW: FollowedExchange = Object.freeze({ release() {} });

/** Signals remembered as seen (see SharedSignalFollower): a few exchanges in flight at once. */
const SIGNALS_REMEMBERED = 16;

/**
 * A signal for one fetch that follows the caller's. The SDK's 2025-era HTTP transports pass the same
 * long-lived AbortSignal to every fetch; undici adds an abort listener to the signal of each
 * Request and removes it only when that Request is garbage-collected (nodejs/undici#1926). Under
 * load the listeners pile up on the shared signal (undici lifts its limit to 1,500; past that
 * Node prints a leak warning on stderr) and every abort check walks them. Giving undici a signal
 * of its own per request, and removing our single listener on the shared one when the exchange
 * ends, keeps the shared signal's listeners to the exchanges in flight. An abort of the shared
 * signal still aborts the request, with the same reason.
 *
 * Follows only the signals a caller passes more than once. The SDK's 2026-07-28 requests each
 * carry a signal of their own, which undici may hold until that request is collected: following
 * it would cost an AbortController and two listener changes per request for nothing. A signal
 * seen again is a shared one (the 2025 transports pass theirs to every fetch) and is followed
 * from then on; its first exchange leaves undici one listener, dropped at garbage collection.
 */
export class SharedSignalFollower {
  private readonly seen: AbortSignal[] = [];
  private next = 0;

  /** `{ signal: undefined }` and a no-op release when there is nothing to follow (no signal, or a new one). */
  follow(signal: AbortSignal | null | undefined): FollowedExchange {
    if (!signal) return NOTHING_TO_FOLLOW;
    if (this.seen.includes(signal)) return new FollowedSignal(signal);
    this.seen[this.next] = signal;
    this.next = (this.next + 1) % SIGNALS_REMEMBERED;
    return NOTHING_TO_FOLLOW;
  }
}

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
