import type { TraceEntry } from '../model/trace';

/**
 * Where the time of one request went, when its transport shows it (Streamable HTTP, the legacy
 * SSE transport's POSTs): milliseconds from the request leaving Periscope (its message entry's
 * monoTime), the same origin as the round trip (`latencyMs`), so headers ≤ first event ≤ result.
 */
export interface RequestPhases {
  /** The HTTP exchange that carried the request (its http entries' `exchangeId`). */
  exchangeId: string;
  /** To the response's status line and headers (http `timings.headers`). */
  headersMs?: number;
  /** To the first server-sent event of the response, when the response was an event stream. */
  firstEventMs?: number;
  /** The response was an event stream (`text/event-stream`), not one JSON body. */
  streamed?: boolean;
  /** HTTP status of the response, when it came. */
  status?: number;
}

/** Requests followed at once; past this the oldest unanswered is forgotten (a server that never answers). */
export const PHASES_KEPT = 100_000;

/**
 * Pairs outgoing requests with their HTTP exchange and its events, fed one trace entry at a time
 * in seq order (live from the trace bus in main, or over a whole trace in the renderer). The link
 * is the http entry's `messageSeq` (set by capture: the message its POST body carried); the first
 * event is the exchange's first sse-event entry. O(1) per entry; memory bounded by `limit`
 * requests, and an exchange is dropped as soon as it ends.
 */
export class RequestPhaseTracker {
  /** Outgoing request seq → its monoTime, while it may still get an exchange. */
  private readonly sentAt = new Map<number, number>();
  private readonly byRequest = new Map<number, RequestPhases>();
  /** Open exchanges that carry a followed request: exchangeId → request seq. */
  private readonly byExchange = new Map<string, number>();

  constructor(private readonly limit = PHASES_KEPT) {}

  ingest(entry: TraceEntry): void {
    if (entry.type === 'message') {
      if (entry.direction !== 'outgoing' || entry.messageKind !== 'request') return;
      this.sentAt.set(entry.seq, entry.monoTime);
      if (this.sentAt.size > this.limit) this.forget(this.sentAt.keys().next().value!);
    } else if (entry.type === 'http') {
      const seq = entry.messageSeq;
      const sent = seq === undefined ? undefined : this.sentAt.get(seq);
      if (sent === undefined) return;
      let phases = this.byRequest.get(seq!);
      if (!phases) {
        this.byRequest.set(seq!, (phases = { exchangeId: entry.exchangeId }));
        this.byExchange.set(entry.exchangeId, seq!);
      }
      if (phases.headersMs === undefined && entry.timings.headers !== undefined) phases.headersMs = Math.max(0, entry.timings.headers - sent);
      if (entry.streaming) phases.streamed = true;
      if (entry.status !== undefined) phases.status = entry.status;
      if (entry.phase !== 'headers') this.byExchange.delete(entry.exchangeId);
    } else if (entry.type === 'sse-event') {
      const seq = this.byExchange.get(entry.exchangeId);
      if (seq === undefined) return;
      const phases = this.byRequest.get(seq);
      const sent = this.sentAt.get(seq);
      if (phases && sent !== undefined && phases.firstEventMs === undefined) phases.firstEventMs = Math.max(0, entry.monoTime - sent);
    }
  }

  /** The phases known so far of the request with this seq. */
  phasesOf(requestSeq: number): RequestPhases | undefined {
    return this.byRequest.get(requestSeq);
  }

  /** The request's phases, then forgets it (its answer came, or it ended without one). */
  take(requestSeq: number): RequestPhases | undefined {
    const phases = this.byRequest.get(requestSeq);
    this.forget(requestSeq);
    return phases;
  }

  private forget(requestSeq: number): void {
    this.sentAt.delete(requestSeq);
    const phases = this.byRequest.get(requestSeq);
    if (!phases) return;
    this.byRequest.delete(requestSeq);
    this.byExchange.delete(phases.exchangeId);
  }
}
