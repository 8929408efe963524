import type { MetricsRow, MetricsSnapshot } from '../../../shared/model/metrics';
import type { MessageEntry, TraceEntry } from '../../../shared/model/trace';
import { RequestPhaseTracker, type RequestPhases } from '../../../shared/trace/request-phases';
import { MCP_ERROR_CODES } from '../diagnostics/classify-protocol-error';
import { LatencyHistogram } from './latency-histogram';
import { LatencySampleRing } from './latency-samples';
import { keepNewest } from '../../../shared/collections/keep-newest';

/** Requests waiting for an answer that are remembered; past this the oldest is forgotten (a server that never answers). */
export const MAX_PENDING = 100_000;

/**
 * Answered requests whose HTTP exchange may still be recorded: a JSON answer's exchange is recorded
 * just after the answer (capture's LaterWork), within a turn of the event loop, so a few suffice.
 */
const AWAITING_EXCHANGE = 256;

/** Methods whose requests are also counted per name, and where the name is in their params. */
const NAMED: Record<string, 'name' | 'uri'> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
  'resources/subscribe': 'uri',
  'resources/unsubscribe': 'uri',
};

const CODE_NAMES = new Map<number, string>(Object.entries(MCP_ERROR_CODES).map(([name, code]) => [code, name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)]));

class Row {
  count = 0;
  answered = 0;
  readonly errors: Record<string, number> = {};
  readonly latency = new LatencyHistogram();
  /** Created with the first request seen over HTTP: stdio and WebSocket rows never pay for them. */
  private headers: LatencyHistogram | undefined;
  private firstEvent: LatencyHistogram | undefined;
  private phased = 0;
  private firstSent = Number.POSITIVE_INFINITY;
  private lastAnswered = Number.NEGATIVE_INFINITY;

  constructor(
    readonly method: string,
    readonly name?: string,
  ) {}

  sent(at: number): void {
    this.count += 1;
    if (at < this.firstSent) this.firstSent = at;
  }

  answer(at: number, latencyMs: number): void {
    this.answered += 1;
    this.latency.record(latencyMs);
    if (at > this.lastAnswered) this.lastAnswered = at;
  }

  phasesOf(phases: RequestPhases): void {
    this.phased += 1;
    if (phases.headersMs !== undefined) (this.headers ??= new LatencyHistogram()).record(phases.headersMs);
    if (phases.firstEventMs !== undefined) (this.firstEvent ??= new LatencyHistogram()).record(phases.firstEventMs);
  }

  failed(kind: string): void {
    this.errors[kind] = (this.errors[kind] ?? 0) + 1;
  }

  view(): MetricsRow {
    const seconds = (this.lastAnswered - this.firstSent) / 1000;
    const latency = this.latency.figures();
    return {
      method: this.method,
      ...(this.name !== undefined ? { name: this.name } : {}),
      count: this.count,
      answered: this.answered,
      errors: { ...this.errors },
      // A rate needs at least two answers over some span: one request's own round trip is not a rate.
      throughputPerS: this.answered >= 2 && seconds > 0 ? this.answered / seconds : 0,
      ...(latency ? { latency } : {}),
      ...(this.phased > 0 ? { phases: this.phasesView() } : {}),
    };
  }

  private phasesView(): NonNullable<MetricsRow['phases']> {
    const headersP50 = this.headers?.figures()?.p50;
    const firstEventP50 = this.firstEvent?.figures()?.p50;
    return { count: this.phased, ...(headersP50 !== undefined ? { headersP50 } : {}), ...(firstEventP50 !== undefined ? { firstEventP50 } : {}) };
  }
}

interface Pending {
  rows: Row[];
}

/**
 * Per-method and per-name request analytics of one connection, fed one trace entry at a time
 * (live from the trace bus, or while a session file is read): count, answers, failures by kind,
 * throughput and an HDR latency distribution. Only the client's own requests count (outgoing);
 * a request is answered by the response or error entry that names it (`requestSeq`, with the round
 * trip in `latencyMs` as capture measured it); an outgoing notifications/cancelled that ends it
 * (`endsRequestSeq`) counts as `cancelled` or `timeout`, and so does a 2026-07-28 request whose
 * response stream was closed to cancel it (a lifecycle entry with `endsRequestSeq`: `cancelled`). A 2026-07-28 multi-round call counts each
 * round, since each is a request on the wire. Over HTTP, each answered request's phases (time to
 * the response headers, to the first server-sent event; see RequestPhaseTracker) feed a median per
 * row; a JSON answer's exchange is recorded just after the answer, and its phases count then.
 * Memory is bounded: one histogram per row, at most MAX_PENDING unanswered requests remembered,
 * and AWAITING_EXCHANGE answered ones waiting for their exchange.
 */
export class RequestMetrics {
  private readonly rows = new Map<string, Row>();
  private readonly total = new Row('(all requests)');
  private readonly pending = new Map<number, Pending>();
  /** Every answer with its time and latency, for the charts (bounded: see LatencySampleRing). */
  readonly samples = new LatencySampleRing();
  /** Each request's HTTP phases (time to headers, to the first event), from its http and sse-event entries. */
  private readonly phases = new RequestPhaseTracker(MAX_PENDING);
  /** Answered requests with nothing of their exchange yet (request seq → rows): its entry comes after the answer. */
  private readonly awaitingExchange = new Map<number, Row[]>();

  ingest(entry: TraceEntry): void {
    if (entry.type === 'http') return this.exchange(entry);
    if (entry.type === 'sse-event') return this.phases.ingest(entry);
    // 2026-07-28 over Streamable HTTP cancels by closing the response stream: capture says so with a lifecycle entry.
    if (entry.type === 'lifecycle' && entry.endsRequestSeq !== undefined) return this.ended(entry.endsRequestSeq, 'cancelled');
    if (entry.type !== 'message') return;
    if (entry.direction === 'outgoing') {
      if (entry.messageKind === 'request' && entry.method) this.sent(entry);
      else if (entry.endsRequestSeq !== undefined && entry.outcome) this.ended(entry.endsRequestSeq, entry.outcome);
      return;
    }
    if ((entry.messageKind === 'response' || entry.messageKind === 'error') && entry.requestSeq !== undefined) this.answered(entry);
  }

  snapshot(): MetricsSnapshot {
    const rows = [...this.rows.values()]
      .map((row) => row.view())
      .sort((a, b) => a.method.localeCompare(b.method) || (a.name === undefined ? -1 : b.name === undefined ? 1 : a.name.localeCompare(b.name)));
    // A subscription stream is answered only when it ends: counted apart, not as waiting.
    let streams = 0;
    for (const { rows: [, methodRow] } of this.pending.values()) if (methodRow!.method === 'subscriptions/listen') streams++;
    return { rows, total: this.total.view(), pending: this.pending.size - streams, ...(streams > 0 ? { streams } : {}) };
  }

  private sent(entry: MessageEntry): void {
    const method = entry.method!;
    const rows = [this.total, this.row(method)];
    const field = NAMED[method];
    const name = field ? paramOf(entry.message, field) : undefined;
    if (name !== undefined) rows.push(this.row(method, name));
    for (const row of rows) row.sent(entry.monoTime);
    this.pending.set(entry.seq, { rows });
    this.phases.ingest(entry);
    keepNewest(this.pending, MAX_PENDING);
  }

  private answered(entry: MessageEntry): void {
    const pending = this.pending.get(entry.requestSeq!);
    if (!pending) return;
    this.pending.delete(entry.requestSeq!);
    const failure = entry.messageKind === 'error' ? errorKind(entry.message) : isToolError(entry.message) ? 'tool-error' : undefined;
    if (entry.latencyMs !== undefined) this.samples.add(entry.wallTime, entry.latencyMs, pending.rows[1]!.method);
    // Nothing of its exchange yet and a latency to go with it: a JSON answer, whose exchange is recorded next.
    const awaiting = entry.latencyMs !== undefined && this.phases.phasesOf(entry.requestSeq!) === undefined;
    const phases = awaiting ? undefined : this.phases.take(entry.requestSeq!);
    for (const row of pending.rows) {
      if (entry.latencyMs !== undefined) row.answer(entry.monoTime, entry.latencyMs);
      if (phases && entry.latencyMs !== undefined) row.phasesOf(phases);
      if (failure) row.failed(failure);
    }
    if (awaiting) this.awaitExchange(entry.requestSeq!, pending.rows);
  }

  /** An http entry: its phases, and for a request answered already (a JSON answer), its rows get them now. */
  private exchange(entry: TraceEntry & { type: 'http' }): void {
    this.phases.ingest(entry);
    const seq = entry.messageSeq;
    const rows = seq === undefined ? undefined : this.awaitingExchange.get(seq);
    if (!rows) return;
    this.awaitingExchange.delete(seq!);
    const phases = this.phases.take(seq!);
    if (phases) for (const row of rows) row.phasesOf(phases);
  }

  /** Remembers an answered request's rows for its exchange; the oldest are forgotten (stdio and WebSocket have none). */
  private awaitExchange(requestSeq: number, rows: Row[]): void {
    this.awaitingExchange.set(requestSeq, rows);
    if (this.awaitingExchange.size <= AWAITING_EXCHANGE) return;
    const oldest = this.awaitingExchange.keys().next().value!;
    this.awaitingExchange.delete(oldest);
    this.phases.take(oldest);
  }

  private ended(requestSeq: number, outcome: 'cancelled' | 'timeout'): void {
    const pending = this.pending.get(requestSeq);
    if (!pending) return;
    this.pending.delete(requestSeq);
    this.phases.take(requestSeq);
    for (const row of pending.rows) row.failed(outcome);
  }

  private row(method: string, name?: string): Row {
    const key = name === undefined ? method : `${method}\u0000${name}`;
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = new Row(method, name)));
    return row;
  }
}

function paramOf(message: unknown, field: 'name' | 'uri'): string | undefined {
  const value = (message as { params?: Record<string, unknown> } | undefined)?.params?.[field];
  return typeof value === 'string' ? value : undefined;
}

/** A JSON-RPC error by its code's name where the spec names it ("method-not-found"), else "error <code>". */
export function errorKind(message: unknown): string {
  const code = (message as { error?: { code?: unknown } } | undefined)?.error?.code;
  if (typeof code !== 'number') return 'error';
  return CODE_NAMES.get(code) ?? `error ${code}`;
}

function isToolError(message: unknown): boolean {
  return (message as { result?: { isError?: unknown } } | undefined)?.result?.isError === true;
}
