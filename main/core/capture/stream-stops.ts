import type { TraceEntry } from '../../../shared/model/trace';
import type { TraceBus } from './trace-bus';

/**
 * Stops the client's work on the own stream of a 2025-era request it has given up (cancelled,
 * timed out, or failed because its stream ended unanswered). Over Streamable HTTP the SDK resumes
 * a request's stream with a GET carrying `Last-Event-ID` each time one ends unanswered, and in the
 * 2025 era it passes no signal of its own that would tell it the request is over: it would go on
 * resuming (a GET a second against a server whose resumed streams end, or a replayed stream held
 * open) for as long as the connection lives. Each such request therefore gets a signal of its
 * own (see request-streams.ts), aborted once it is given up.
 *
 * Not while its POST's event stream is still open, though: a server answers a cancel on that
 * stream (withdrawing a question it asked there, a last log line), so the stop waits until that
 * stream ends. The streams are followed on the trace bus (the POST's http entries carry the
 * request's `messageSeq`).
 */
export class StreamStops {
  /** Message seqs of requests whose POST was answered with an event stream that is still open. */
  private readonly openPosts = new Set<number>();
  /** Requests given up while that stream was open: stopped when it ends. */
  private readonly deferred = new Map<number, AbortController>();
  private readonly unsubscribe: () => void;

  constructor(bus: TraceBus) {
    this.unsubscribe = bus.subscribe((entry) => this.observe(entry));
  }

  /** A stop for the request whose message entry is `seq`; its `signal` goes to the SDK as the request's. */
  create(seq: number): RequestStreamStop {
    return new RequestStreamStop(this, seq);
  }

  /** Called by RequestStreamStop.stop(). */
  stopWhenPostEnds(seq: number, controller: AbortController): void {
    if (this.openPosts.has(seq)) this.deferred.set(seq, controller);
    else abort(controller);
  }

  /** The connection's transport closed: the SDK stops everything itself. */
  close(): void {
    this.unsubscribe();
    this.openPosts.clear();
    this.deferred.clear();
  }

  private observe(entry: TraceEntry): void {
    if (entry.type !== 'http' || entry.method !== 'POST' || entry.messageSeq === undefined) return;
    if (entry.phase === 'headers') {
      if (entry.streaming) this.openPosts.add(entry.messageSeq);
      return;
    }
    this.openPosts.delete(entry.messageSeq);
    const waiting = this.deferred.get(entry.messageSeq);
    if (!waiting) return;
    this.deferred.delete(entry.messageSeq);
    abort(waiting);
  }
}

/** One request's stop: its signal is handed to the SDK; stop() once the request is given up. */
export class RequestStreamStop {
  private readonly controller = new AbortController();

  constructor(
    private readonly stops: StreamStops,
    private readonly seq: number,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  stop(): void {
    this.stops.stopWhenPostEnds(this.seq, this.controller);
  }
}

function abort(controller: AbortController): void {
  controller.abort(new DOMException('The request was given up', 'AbortError'));
}
