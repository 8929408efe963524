import type { HttpEntry, TraceEntry } from '../../../shared/model/trace';
import { DEFAULT_BODY_CAP_BYTES } from '../capture/recording-fetch';
import { keepNewest } from '../../../shared/collections/keep-newest';

/** One HTTP exchange as the trace told it, gathered for a HAR entry. */
export interface CollectedExchange {
  /** The latest http entry of the exchange ('headers', then 'complete' or 'failed'). */
  http: HttpEntry;
  /** Wall clock (ms since the epoch) when the request left, from the first entry's stamps. */
  startedWall: number;
  /** The JSON-RPC request the body carried, from its message entry. */
  rpc?: { method?: string; id?: string | number; sentMono: number };
  /** monoTime of the first server-sent event and of the JSON-RPC answer. */
  firstEventMono?: number;
  resultMono?: number;
  /** The event stream re-serialized in the text/event-stream syntax, cut at `streamCapBytes`. */
  streamText?: string;
  streamBytes: number;
  streamTruncated: boolean;
  /**
   * The socket this exchange opened, when the connect was measured (ConnectionInfo.setup): the
   * DNS lookup, the TCP connect and the TLS handshake, ms, each absent when it did not happen.
   */
  socket?: { dnsMs?: number; tcpMs?: number; tlsMs?: number };
}

/** Exchanges kept at once (the latest win): a long load run must not hold every request it made. */
export const HAR_EXCHANGES_KEPT = 10_000;
/** Answers kept while their exchange is still to come (see HarCollector.answeredEarly). */
const ANSWERED_EARLY_KEPT = 256;

/**
 * Gathers the HTTP exchanges of a trace, fed one entry at a time in seq order (live from a
 * connection's trace bus, or from a session file's entries). Every value it keeps was masked by
 * the connection's Redactor before the entry existed, so nothing here needs masking again.
 * Memory is bounded: at most `limit` exchanges (the oldest are dropped and counted), each
 * stream's text at most `streamCapBytes` (the trace's own cap for a body, 64 KiB by default).
 */
export class HarCollector {
  private readonly exchanges = new Map<string, CollectedExchange>();
  /** Outgoing requests not yet linked to an exchange: message seq → method, id, time. */
  private readonly requests = new Map<number, { method?: string; id?: string | number; sentMono: number }>();
  /** Request message seq → the exchange that carried it, for pairing the answer. */
  private readonly byMessage = new Map<number, string>();
  /**
   * Answers that came before their exchange (request message seq → monoTime): a JSON answer's
   * exchange is recorded just after the answer (capture's LaterWork), so a few are enough.
   */
  private readonly answeredEarly = new Map<number, number>();
  /** The first exchange since the last "connecting" entry: the one that opened the connect's socket. */
  private firstOfConnect: CollectedExchange | undefined;
  private connecting = false;
  /** Exchanges dropped because more than `limit` were seen. */
  dropped = 0;

  constructor(
    private readonly limit = HAR_EXCHANGES_KEPT,
    readonly streamCapBytes = DEFAULT_BODY_CAP_BYTES,
  ) {}

  ingest(entry: TraceEntry): void {
    switch (entry.type) {
      case 'message':
        return this.message(entry);
      case 'http':
        return this.http(entry);
      case 'sse-event':
        return this.event(entry);
      case 'lifecycle':
        return this.lifecycle(entry);
      default:
        return;
    }
  }

  /** The exchanges in the order their requests were sent. */
  list(): CollectedExchange[] {
    return [...this.exchanges.values()];
  }

  private message(entry: Extract<TraceEntry, { type: 'message' }>): void {
    if (entry.direction === 'outgoing' && entry.messageKind === 'request') {
      this.requests.set(entry.seq, { method: entry.method, id: entry.rpcId, sentMono: entry.monoTime });
      keepNewest(this.requests, this.limit);
      return;
    }
    if (entry.direction !== 'incoming' || entry.requestSeq === undefined) return;
    const exchangeId = this.byMessage.get(entry.requestSeq);
    const exchange = exchangeId === undefined ? undefined : this.exchanges.get(exchangeId);
    if (exchange) {
      if (exchange.resultMono === undefined) exchange.resultMono = entry.monoTime;
    } else if (this.requests.has(entry.requestSeq)) {
      this.answeredEarly.set(entry.requestSeq, entry.monoTime);
      // stdio and WebSocket answers never get an exchange: keep only the latest.
      keepNewest(this.answeredEarly, ANSWERED_EARLY_KEPT);
    }
  }

  private http(entry: HttpEntry): void {
    const known = this.exchanges.get(entry.exchangeId);
    if (known) {
      known.http = entry;
      return;
    }
    const exchange: CollectedExchange = {
      http: entry,
      startedWall: entry.wallTime - (entry.monoTime - entry.timings.sent),
      streamBytes: 0,
      streamTruncated: false,
    };
    if (entry.messageSeq !== undefined) {
      const rpc = this.requests.get(entry.messageSeq);
      if (rpc) {
        exchange.rpc = rpc;
        this.requests.delete(entry.messageSeq);
      }
      const answered = this.answeredEarly.get(entry.messageSeq);
      if (answered !== undefined) {
        exchange.resultMono = answered;
        this.answeredEarly.delete(entry.messageSeq);
      }
      this.byMessage.set(entry.messageSeq, entry.exchangeId);
    }
    this.exchanges.set(entry.exchangeId, exchange);
    if (this.connecting && !this.firstOfConnect) this.firstOfConnect = exchange;
    if (this.exchanges.size > this.limit) {
      const [oldestId, oldest] = this.exchanges.entries().next().value!;
      this.exchanges.delete(oldestId);
      if (oldest.http.messageSeq !== undefined) this.byMessage.delete(oldest.http.messageSeq);
      this.dropped++;
    }
  }

  /** A measured connect's socket phases go to the exchange that opened the socket (HAR timings dns, connect, ssl). */
  private lifecycle(entry: Extract<TraceEntry, { type: 'lifecycle' }>): void {
    if (entry.state === 'connecting') {
      this.connecting = true;
      this.firstOfConnect = undefined;
      return;
    }
    if (entry.state !== 'connected' && entry.state !== 'error') return;
    const phases = entry.state === 'connected' ? entry.info?.setup?.phases : undefined;
    const ms = (name: string) => phases?.find((p) => p.phase === name)?.durationMs;
    // Only a connect that opened a socket has a TCP phase; a reused socket costs nothing here.
    if (this.firstOfConnect && ms('tcp') !== undefined) this.firstOfConnect.socket = { dnsMs: ms('dns'), tcpMs: ms('tcp'), tlsMs: ms('tls') };
    this.connecting = false;
    this.firstOfConnect = undefined;
  }

  private event(entry: Extract<TraceEntry, { type: 'sse-event' }>): void {
    const exchange = this.exchanges.get(entry.exchangeId);
    if (!exchange) return;
    exchange.firstEventMono ??= entry.monoTime;
    if (exchange.streamTruncated) return;
    const text = eventText(entry);
    const bytes = Buffer.byteLength(text, 'utf8');
    const room = this.streamCapBytes - exchange.streamBytes;
    if (bytes > room) {
      exchange.streamText = (exchange.streamText ?? '') + Buffer.from(text, 'utf8').subarray(0, Math.max(0, room)).toString('utf8');
      exchange.streamBytes = this.streamCapBytes;
      exchange.streamTruncated = true;
      return;
    }
    exchange.streamText = (exchange.streamText ?? '') + text;
    exchange.streamBytes += bytes;
  }
}

/** One event in the text/event-stream syntax (HTML Living Standard, server-sent events). */
function eventText(entry: Extract<TraceEntry, { type: 'sse-event' }>): string {
  let text = '';
  if (entry.eventId !== undefined) text += `id: ${entry.eventId}\n`;
  if (entry.event !== undefined) text += `event: ${entry.event}\n`;
  if (entry.retry !== undefined) text += `retry: ${entry.retry}\n`;
  for (const line of entry.data.split(/\r\n|\r|\n/)) text += `data: ${line}\n`;
  return `${text}\n`;
}
