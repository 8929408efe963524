import type { HttpEntry, MessageEntry, TraceEntry } from '../../shared/model/trace';
import { RequestPhaseTracker, type RequestPhases } from '../../shared/trace/request-phases';
import { assignLanes } from './timeline-lanes';

/** `request`: a JSON-RPC request to its answer; `stream`: an HTTP event stream or a subscriptions/listen call; `connect`: connecting, the first time or again. */
export type SpanKind = 'request' | 'stream' | 'connect';
/** Calls get their own lanes; streams and (re)connects share the lanes under them. */
export type SpanGroup = 'calls' | 'streams';
/** `ok` answered; `error` a JSON-RPC error; `tool-error` an isError result; `cancelled`/`timeout` given up; `failed` an HTTP stream or connect that failed; `closed` the connection ended first; `open` still waiting. */
export type SpanOutcome = 'ok' | 'error' | 'tool-error' | 'cancelled' | 'timeout' | 'failed' | 'closed' | 'open';

export interface ProgressTick {
  /** monoTime of the notification, and its entry. */
  at: number;
  seq: number;
  progress?: number;
  total?: number;
}

/** One bar of the timeline. Times are trace monoTime values (ms, sub-millisecond). */
export interface TimelineSpan {
  kind: SpanKind;
  group: SpanGroup;
  /** The trace entry the bar stands for, selected when it is clicked: the request, the stream's first http entry, the connecting entry. */
  seq: number;
  /** The answer (or the entry that ended it), when there is one. */
  endSeq?: number;
  /** e.g. "tools/call · slow_operation", "GET event stream". */
  label: string;
  /** Colour key: the JSON-RPC method; for a stream or a connect its kind. */
  method: string;
  direction?: 'outgoing' | 'incoming';
  start: number;
  /** For an open span: `now` as given to buildTimeline. */
  end: number;
  outcome: SpanOutcome;
  failed: boolean;
  /** The error's message, when the answer was a JSON-RPC error. */
  detail?: string;
  progress: ProgressTick[];
  /** Over HTTP: time to headers, to the first event (see RequestPhases), and to the result (the round trip). */
  phases?: Partial<RequestPhases> & { resultMs?: number };
  lane: number;
}

export interface TimelineModel {
  /** Sorted by start. */
  spans: TimelineSpan[];
  lanes: Record<SpanGroup, number>;
  /** The earliest start and the latest end (equal when there is nothing); monoTime ms. */
  start: number;
  end: number;
  /**
   * Where "Fit all" ends: the latest end not counting streams still open (an open event stream or
   * listen call runs to now and would squeeze the calls into the left edge as time goes by).
   */
  fitEnd: number;
  /** Any entry of a span (request, answer, progress, http, sse-event) → index in `spans`. */
  spanOfSeq: Map<number, number>;
  /** maxEnd[i]: the latest end among spans[0..i], for range queries (see spansInRange). */
  maxEnd: Float64Array;
  /** Add to a monoTime for wall clock (ms since the epoch). */
  wallOffset: number;
}

/** Methods whose requests are labelled with a name from their params. */
const NAMED: Record<string, 'name' | 'uri'> = { 'tools/call': 'name', 'prompts/get': 'name', 'resources/read': 'uri', 'resources/subscribe': 'uri' };

type Params = { name?: unknown; uri?: unknown; progressToken?: unknown; progress?: unknown; total?: unknown; _meta?: { progressToken?: unknown } };
const paramsOf = (entry: MessageEntry): Params => ((entry.message as { params?: Params } | undefined)?.params ?? {}) as Params;

/**
 * Builds the timeline from a trace's entries (in seq order, as the renderer holds them):
 *
 * - each JSON-RPC request (either direction) is a span from its message to its answer
 *   (`requestSeq`), to the cancel or timeout that ended it (`endsRequestSeq`), to the connection's
 *   close, or, still waiting, to `now`; a subscriptions/listen call is drawn with the streams;
 * - progress notifications are ticks on the request whose `_meta.progressToken` they carry, and
 *   changes a listen stream delivers are ticks on that call;
 * - each HTTP event stream (a GET stream, a POST answered with a stream) is a span from the
 *   request to the stream's end; one that resumed with Last-Event-ID is labelled so;
 * - each connecting (lifecycle `connecting` to `connected` or `error`) is a span, "reconnect"
 *   after the first;
 * - over HTTP, a request's phases come from its exchange (RequestPhaseTracker).
 *
 * A response whose request is no longer held is left out. Pure; O(n log n).
 */
export function buildTimeline(entries: readonly TraceEntry[], now: number): TimelineModel {
  const spans: TimelineSpan[] = [];
  const spanOfSeq = new Map<number, number>();
  // Progress tokens of requests each way (a Map tells the string "7" from the number 7).
  const tokens = { outgoing: new Map<unknown, number>(), incoming: new Map<unknown, number>() };
  const streams = new Map<string, number>();
  const phases = new RequestPhaseTracker(Number.MAX_SAFE_INTEGER);
  let connecting: number | undefined;
  let connects = 0;
  const add = (span: Omit<TimelineSpan, 'lane' | 'progress' | 'failed'> & { progress?: ProgressTick[] }): number => {
    spans.push({ progress: [], failed: false, lane: 0, ...span });
    spanOfSeq.set(span.seq, spans.length - 1);
    return spans.length - 1;
  };
  const finish = (index: number | undefined, at: number, outcome: SpanOutcome, seq?: number): void => {
    const span = index === undefined ? undefined : spans[index];
    if (!span || span.outcome !== 'open') return;
    span.end = Math.max(span.start, at);
    span.outcome = outcome;
    span.failed = outcome !== 'ok' && !(outcome === 'closed' && span.kind !== 'request');
    if (seq !== undefined) {
      span.endSeq = seq;
      spanOfSeq.set(seq, index!);
    }
  };

  for (const entry of entries) {
    phases.ingest(entry);
    if (entry.type === 'message') {
      if (entry.messageKind === 'request' && entry.method) {
        const params = paramsOf(entry);
        const field = NAMED[entry.method];
        const name = field && typeof params[field] === 'string' ? (params[field] as string) : undefined;
        const listen = entry.method === 'subscriptions/listen';
        const index = add({
          kind: listen ? 'stream' : 'request',
          group: listen ? 'streams' : 'calls',
          seq: entry.seq,
          label: `${entry.direction === 'incoming' ? '← ' : ''}${entry.method}${name !== undefined ? ` · ${name}` : ''}`,
          method: entry.method,
          direction: entry.direction,
          start: entry.monoTime,
          end: entry.monoTime,
          outcome: 'open',
        });
        const token = params._meta?.progressToken;
        if (typeof token === 'string' || typeof token === 'number') tokens[entry.direction].set(token, index);
      } else if (entry.requestSeq !== undefined) {
        finish(spanOfSeq.get(entry.requestSeq), entry.monoTime, answerOutcome(entry), entry.seq);
        const span = spans[spanOfSeq.get(entry.requestSeq) ?? -1];
        if (span && entry.messageKind === 'error') span.detail = errorMessage(entry.message);
      } else if (entry.endsRequestSeq !== undefined) {
        finish(spanOfSeq.get(entry.endsRequestSeq), entry.monoTime, entry.outcome ?? 'cancelled', entry.seq);
      } else if (entry.method === 'notifications/progress') {
        const params = paramsOf(entry);
        const index = tokens[entry.direction === 'incoming' ? 'outgoing' : 'incoming'].get(params.progressToken);
        if (index !== undefined) tick(spans[index]!, entry, params, spanOfSeq, index);
      } else if (entry.listen?.requestSeq !== undefined && entry.direction === 'incoming') {
        const index = spanOfSeq.get(entry.listen.requestSeq);
        if (index !== undefined) tick(spans[index]!, entry, {}, spanOfSeq, index);
      }
    } else if (entry.type === 'http') {
      const known = streams.get(entry.exchangeId);
      if (known !== undefined) {
        spanOfSeq.set(entry.seq, known);
        if (entry.phase !== 'headers') finish(known, entry.timings.done ?? entry.monoTime, entry.phase === 'failed' ? 'failed' : 'ok', entry.seq);
      } else if (entry.streaming) {
        const index = add(streamSpan(entry, entry.messageSeq === undefined ? undefined : spans[spanOfSeq.get(entry.messageSeq) ?? -1]?.method));
        streams.set(entry.exchangeId, index);
        if (entry.phase !== 'headers') finish(index, entry.timings.done ?? entry.monoTime, entry.phase === 'failed' ? 'failed' : 'ok');
      }
      // The POST that carried a request belongs to that request's bar.
      if (entry.messageSeq !== undefined && !spanOfSeq.has(entry.seq) && spanOfSeq.has(entry.messageSeq)) spanOfSeq.set(entry.seq, spanOfSeq.get(entry.messageSeq)!);
    } else if (entry.type === 'sse-event') {
      const index = streams.get(entry.exchangeId);
      if (index !== undefined) spanOfSeq.set(entry.seq, index);
    } else if (entry.type === 'lifecycle') {
      if (entry.endsRequestSeq !== undefined) finish(spanOfSeq.get(entry.endsRequestSeq), entry.monoTime, 'cancelled', entry.seq);
      if (entry.state === 'connecting') {
        finish(connecting, entry.monoTime, 'failed');
        connecting = add({ kind: 'connect', group: 'streams', seq: entry.seq, label: connects++ === 0 ? 'connect' : 'reconnect', method: 'connect', start: entry.monoTime, end: entry.monoTime, outcome: 'open' });
      } else if (entry.state === 'connected' || entry.state === 'error') {
        finish(connecting, entry.monoTime, entry.state === 'connected' ? 'ok' : 'failed', entry.seq);
        connecting = undefined;
      }
      // Nothing is answered after a close: what was still open ends there.
      if (entry.state === 'closed') for (let i = 0; i < spans.length; i++) finish(i, entry.monoTime, 'closed');
    }
  }
  return arrange(spans, spanOfSeq, phases, now, entries);
}

function tick(span: TimelineSpan, entry: MessageEntry, params: Params, spanOfSeq: Map<number, number>, index: number): void {
  span.progress.push({
    at: entry.monoTime,
    seq: entry.seq,
    ...(typeof params.progress === 'number' ? { progress: params.progress } : {}),
    ...(typeof params.total === 'number' ? { total: params.total } : {}),
  });
  spanOfSeq.set(entry.seq, index);
}

function streamSpan(entry: HttpEntry, method: string | undefined): Omit<TimelineSpan, 'lane' | 'progress' | 'failed'> {
  const lastEventId = Object.entries(entry.requestHeaders).find(([name]) => name.toLowerCase() === 'last-event-id')?.[1];
  const what = entry.method === 'GET' ? 'GET event stream' : `${entry.method} stream${method ? ` · ${method}` : ''}`;
  return {
    kind: 'stream',
    group: 'streams',
    seq: entry.seq,
    label: lastEventId !== undefined ? `${what} (resumed after event ${lastEventId})` : what,
    method: 'stream',
    start: entry.timings.sent,
    end: entry.timings.sent,
    outcome: 'open',
  };
}

function answerOutcome(entry: MessageEntry): SpanOutcome {
  if (entry.messageKind === 'error') return 'error';
  return (entry.message as { result?: { isError?: unknown } } | undefined)?.result?.isError === true ? 'tool-error' : 'ok';
}

function errorMessage(message: unknown): string | undefined {
  const error = (message as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (!error) return undefined;
  return `${typeof error.code === 'number' ? `${error.code} ` : ''}${typeof error.message === 'string' ? error.message : ''}`.trim();
}

/** Open spans run to `now`; sorted by start; lanes per group; phases attached; the range index built. */
function arrange(spans: TimelineSpan[], spanOfSeq: Map<number, number>, tracker: RequestPhaseTracker, now: number, entries: readonly TraceEntry[]): TimelineModel {
  let inOrder = true;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    if (span.outcome === 'open') span.end = Math.max(span.start, now);
    if (i > 0 && span.start < spans[i - 1]!.start) inOrder = false;
    if (span.kind !== 'request') continue;
    const phases = tracker.phasesOf(span.seq);
    const answered = span.endSeq !== undefined && span.outcome !== 'cancelled' && span.outcome !== 'timeout' && span.outcome !== 'closed';
    if (phases) span.phases = answered ? { ...phases, resultMs: span.end - span.start } : phases;
    else if (answered) span.phases = { resultMs: span.end - span.start };
  }
  // Spans are born in seq order, which is nearly always start order (a stream's request can start
  // before an entry recorded earlier): sort only when it is not.
  let sorted = spans;
  if (!inOrder) {
    const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start || spans[a]!.seq - spans[b]!.seq);
    sorted = order.map((i) => spans[i]!);
    const remap = new Int32Array(spans.length);
    order.forEach((old, i) => (remap[old] = i));
    for (const [seq, old] of spanOfSeq) spanOfSeq.set(seq, remap[old]!);
  }

  const lanes = { calls: 0, streams: 0 };
  for (const group of ['calls', 'streams'] as const) {
    const members: number[] = [];
    for (let i = 0; i < sorted.length; i++) if (sorted[i]!.group === group) members.push(i);
    const assigned = assignLanes(sorted, members);
    for (const i of members) sorted[i]!.lane = assigned.lanes[i]!;
    lanes[group] = assigned.count;
  }
  const maxEnd = new Float64Array(sorted.length);
  let latest = Number.NEGATIVE_INFINITY;
  let fitEnd = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < sorted.length; i++) {
    const span = sorted[i]!;
    maxEnd[i] = latest = Math.max(latest, span.end);
    fitEnd = Math.max(fitEnd, span.group === 'streams' && span.outcome === 'open' ? span.start : span.end);
  }
  const last = entries.at(-1);
  return {
    spans: sorted,
    lanes,
    start: sorted[0]?.start ?? now,
    end: sorted.length ? Math.max(latest, sorted[0]!.start) : now,
    fitEnd: sorted.length ? fitEnd : now,
    spanOfSeq,
    maxEnd,
    wallOffset: last ? last.wallTime - last.monoTime : 0,
  };
}

/** Indices of the spans that overlap [from, to] (ms), in start order: O(log n + k). */
export function spansInRange(model: TimelineModel, from: number, to: number): number[] {
  const { spans, maxEnd } = model;
  // The first span whose running latest end reaches `from`: nothing before it can overlap.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (maxEnd[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < spans.length && spans[i]!.start <= to; i++) if (spans[i]!.end >= from) out.push(i);
  return out;
}
