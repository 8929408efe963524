import type { HttpEntry, TraceEntry, WebSocketEntry } from '../../../shared/model/trace';
import type { TraceBus } from '../capture/trace-bus';
import type { OrphanResponse } from '../capture/traced-transport';
import type { ErrorContext } from '../diagnostics/classify-error';
import type { StalledAcknowledgement } from '../diagnostics/classify-stalled-acknowledgement';
import type { UnansweredStream } from '../diagnostics/classify-unanswered-stream';
import { keepNewest } from '../../../shared/collections/keep-newest';

const STDERR_TAIL_LINES = 20;
const MAX_ORPHANS = 5;
/** Requests remembered to tell a request's POST from a notification's: far more than are ever in flight. */
const RECENT_REQUESTS = 256;
/** A notification's event stream the server ended within this many ms held nothing up. */
const HARMLESS_ACKNOWLEDGEMENT_MS = 250;

/**
 * Watches one connection's bus for the facts that explain a failure: the last HTTP exchange that
 * went wrong (status, WWW-Authenticate, body), the last WebSocket upgrade refusal or close, the
 * server's last stderr lines and the last error the transport reported. The thrown error alone
 * rarely says more than "Connection closed"; the trace knows why.
 */
export class FailureEvidence {
  private problemHttp?: HttpEntry;
  private lastHttp?: HttpEntry;
  private refusedUpgrade?: WebSocketEntry;
  private lastWebSocket?: WebSocketEntry;
  private readonly stderr: string[] = [];
  private transportError?: unknown;
  private readonly orphans: OrphanResponse[] = [];
  private lastEventData?: string;
  private probeError?: { code: unknown; message: unknown };
  /** POSTs answered with an event stream, still open: has a response or an event id been seen. */
  private readonly postStreams = new Map<string, PostStream>();
  /** Seqs of the latest requests sent: which POSTs carry a request (see followPostStream). */
  private readonly requestSeqs = new Set<number>();
  /** The methods of the latest notifications sent, by seq. */
  private readonly notificationMethods = new Map<number, string>();
  private stalledAcknowledgement?: StalledAcknowledgement;
  private unansweredStream?: UnansweredStream;
  private readonly stop: () => void;

  constructor(bus: TraceBus) {
    this.stop = bus.subscribe((entry) => this.observe(entry));
  }

  /** Forget what belongs to an earlier operation (stderr is kept: it is the process's story). */
  reset(): void {
    this.problemHttp = undefined;
    this.lastHttp = undefined;
    this.refusedUpgrade = undefined;
    this.lastWebSocket = undefined;
    this.transportError = undefined;
    this.orphans.length = 0;
    this.probeError = undefined;
    this.unansweredStream = undefined;
    this.stalledAcknowledgement = undefined;
  }

  noteTransportError(error: unknown): void {
    this.transportError = error;
  }

  /** An answer that matched no waiting request: named in the error of a request that then times out. */
  noteOrphan(orphan: OrphanResponse): void {
    this.orphans.push(orphan);
    if (this.orphans.length > MAX_ORPHANS) this.orphans.shift();
  }

  /** The data of the last server-sent event, once (see TracedTransportOptions.takeEventData). */
  takeEventData(): string | undefined {
    const data = this.lastEventData;
    this.lastEventData = undefined;
    return data;
  }

  /** The last HTTP answer that was not a success, if any: what a 4xx-based decision looks at. */
  get failedHttp(): HttpEntry | undefined {
    return this.problemHttp;
  }

  context(base: ErrorContext): ErrorContext {
    return {
      ...base,
      lastHttp: this.problemHttp ?? this.lastHttp,
      lastWebSocket: this.refusedUpgrade ?? this.lastWebSocket,
      ...(this.stderr.length ? { stderrTail: [...this.stderr] } : {}),
      ...(this.transportError !== undefined ? { transportError: this.transportError } : {}),
      ...(this.orphans.length ? { orphans: [...this.orphans] } : {}),
      ...(this.probeError ? { probeError: this.probeError } : {}),
      ...(this.unansweredStream ? { unansweredStream: this.unansweredStream } : {}),
      ...(this.stalledAcknowledgement ? { stalledAcknowledgement: this.stalledAcknowledgement } : {}),
    };
  }

  /** A POST answered with an event stream that ends (or breaks off) before any response: the request can never be answered. */
  private followPostStream(entry: HttpEntry): void {
    if (entry.method !== 'POST') return;
    this.followAcknowledgement(entry);
    // A notification's or response's POST has no answer to wait for (the trace warns when such a POST gets a stream).
    if (entry.phase === 'headers' && entry.streaming && (entry.messageSeq === undefined || this.requestSeqs.has(entry.messageSeq))) {
      this.postStreams.set(entry.exchangeId, { answered: false, eventIds: false, givenUp: false, ...(entry.messageSeq === undefined ? {} : { messageSeq: entry.messageSeq }) });
      return;
    }
    const stream = this.postStreams.get(entry.exchangeId);
    if (!stream || entry.phase === 'headers') return;
    this.postStreams.delete(entry.exchangeId);
    // Answered, or given up by the client (a cancel or a timeout closes a 2026-07-28 request's stream).
    if (stream.answered || stream.givenUp) return;
    // A stream that broke off (a dropped connection) says why; one the caller cancelled is not the server's doing.
    if (entry.phase === 'complete') this.unansweredStream = { url: entry.url, eventIds: stream.eventIds };
    else if (entry.error && entry.error.kind !== 'cancelled') this.unansweredStream = { url: entry.url, eventIds: stream.eventIds, broke: entry.error.message };
  }

  dispose(): void {
    this.stop();
  }

  /**
   * A notification's POST answered with an event stream: the client waits for it to end. One the
   * server ended at once stalled nothing; one still open, or ended only by the client giving up,
   * is what a timeout in the same operation waited on.
   */
  private followAcknowledgement(entry: HttpEntry): void {
    const notification = entry.messageSeq === undefined ? undefined : this.notificationMethods.get(entry.messageSeq);
    if (notification === undefined || !entry.streaming) return;
    if (entry.phase === 'headers') this.stalledAcknowledgement = { url: entry.url, carried: notification };
    else if ((entry.timings.done ?? Infinity) - (entry.timings.headers ?? entry.timings.sent) < HARMLESS_ACKNOWLEDGEMENT_MS) this.stalledAcknowledgement = undefined;
  }


  /** The client gave up request `seq` (cancelled, timed out): its stream's end is not the server's doing. */
  private givenUp(seq: number): void {
    for (const stream of this.postStreams.values()) if (stream.messageSeq === seq) stream.givenUp = true;
  }

  private observe(entry: TraceEntry): void {
    if ((entry.type === 'message' || entry.type === 'lifecycle') && entry.endsRequestSeq !== undefined) this.givenUp(entry.endsRequestSeq);
    if (entry.type === 'message') {
      if (entry.direction === 'outgoing' && entry.messageKind === 'request') keepRecent(this.requestSeqs.add(entry.seq));
      if (entry.direction === 'outgoing' && entry.messageKind === 'notification' && entry.method) keepRecent(this.notificationMethods.set(entry.seq, entry.method));
      // The SDK's era verdict drops the server's own words when it refuses server/discover.
      if (entry.messageKind === 'error' && entry.method === 'server/discover') {
        const error = (entry.message as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
        if (error) this.probeError = { code: error.code, message: error.message };
      }
    } else if (entry.type === 'http') {
      this.followPostStream(entry);
      if (entry.phase === 'headers' && entry.status !== undefined && entry.status < 300) return;
      this.lastHttp = entry;
      if (entry.phase === 'failed' || (entry.status !== undefined && entry.status >= 300 && !isBenign(entry))) this.problemHttp = entry;
    } else if (entry.type === 'websocket') {
      if (entry.event === 'upgrade' && entry.status !== undefined && entry.status !== 101) this.refusedUpgrade = entry;
      if (entry.event === 'close' || entry.event === 'error' || entry.event === 'upgrade') this.lastWebSocket = entry;
    } else if (entry.type === 'sse-event') {
      this.lastEventData = entry.data;
      const stream = this.postStreams.get(entry.exchangeId);
      if (stream && entry.eventId !== undefined && entry.eventId !== '') stream.eventIds = true;
      // A response carries "result" or "error"; a notification or request on the stream does not.
      if (stream && /"(?:result|error)"\s*:/.test(entry.data)) stream.answered = true;
    } else if (entry.type === 'stderr') {
      this.stderr.push(entry.line);
      if (this.stderr.length > STDERR_TAIL_LINES) this.stderr.shift();
    }
  }
}

/** A POST answered with an event stream, while it is open. */
interface PostStream {
  /** A response (or error) came on it. */
  answered: boolean;
  /** Its events carry ids, so the client could resume it. */
  eventIds: boolean;
  /** The request it carries was given up by the client. */
  givenUp: boolean;
  /** The seq of the request's message entry (see HttpEntry.messageSeq). */
  messageSeq?: number;
}

/** Answers the spec allows without meaning failure: a server without a GET stream or without DELETE. */
function isBenign(entry: HttpEntry): boolean {
  return entry.status === 405 && (entry.method === 'GET' || entry.method === 'DELETE');
}

/** Drops the oldest entries of a Map or Set (insertion order) beyond RECENT_REQUESTS. */
function keepRecent(recent: Map<number, unknown> | Set<number>): void {
  keepNewest(recent, RECENT_REQUESTS);
}
