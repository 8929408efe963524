import { describe, expect, it } from 'vitest';
import type { HttpEntry, LifecycleEntry, MessageEntry, SseEventEntry, TraceEntry } from '../../../shared/model/trace';
import { assignLanes } from '../../../renderer/timeline/timeline-lanes';
import { buildTimeline, spansInRange } from '../../../renderer/timeline/timeline-spans';

let seq = 0;
const base = (at: number) => ({ seq: ++seq, connectionId: 'c', wallTime: 1_700_000_000_000 + at, monoTime: at });
function request(at: number, method = 'tools/call', params: Record<string, unknown> = {}, direction: 'outgoing' | 'incoming' = 'outgoing'): MessageEntry {
  return { ...base(at), type: 'message', direction, messageKind: 'request', rpcId: seq, method, size: 1, message: { jsonrpc: '2.0', id: seq, method, params } };
}
function answer(to: MessageEntry, at: number, body: Record<string, unknown> = { result: {} }): MessageEntry {
  const kind = 'error' in body ? 'error' : 'response';
  return { ...base(at), type: 'message', direction: to.direction === 'outgoing' ? 'incoming' : 'outgoing', messageKind: kind, rpcId: to.rpcId, requestSeq: to.seq, latencyMs: at - to.monoTime, method: to.method, size: 1, message: { jsonrpc: '2.0', id: to.rpcId, ...body } };
}
function progress(at: number, token: unknown, value: number, total?: number): MessageEntry {
  return { ...base(at), type: 'message', direction: 'incoming', messageKind: 'notification', method: 'notifications/progress', size: 1, message: { method: 'notifications/progress', params: { progressToken: token, progress: value, ...(total ? { total } : {}) } } };
}
function http(over: Partial<HttpEntry> & Pick<HttpEntry, 'exchangeId' | 'phase' | 'timings'>): HttpEntry {
  return { ...base(over.timings.done ?? over.timings.headers ?? over.timings.sent), type: 'http', method: 'POST', url: 'http://x/mcp', requestHeaders: {}, ...over };
}
const event = (exchangeId: string, at: number): SseEventEntry => ({ ...base(at), type: 'sse-event', exchangeId, size: 1, data: '{}' });
const lifecycle = (at: number, state: LifecycleEntry['state'], extra: Partial<LifecycleEntry> = {}): LifecycleEntry => ({ ...base(at), type: 'lifecycle', state, text: state, ...extra });

describe('buildTimeline: calls', () => {
  it('pairs each request with its answer, labelled by method and name, with its outcome', () => {
    const echo = request(10, 'tools/call', { name: 'echo' });
    const list = request(12, 'tools/list');
    const fail = request(14, 'tools/call', { name: 'fail' });
    const bad = request(15, 'nope');
    const entries = [echo, list, fail, bad, answer(list, 13), answer(echo, 40), answer(fail, 20, { result: { isError: true } }), answer(bad, 16, { error: { code: -32601, message: 'Method not found' } })];
    const model = buildTimeline(entries, 100);
    expect(model.spans.map((s) => [s.label, s.start, s.end, s.outcome, s.failed])).toEqual([
      ['tools/call · echo', 10, 40, 'ok', false],
      ['tools/list', 12, 13, 'ok', false],
      ['tools/call · fail', 14, 20, 'tool-error', true],
      ['nope', 15, 16, 'error', true],
    ]);
    expect(model.spans[3]!.detail).toBe('-32601 Method not found');
    expect(model.spans[0]!.phases?.resultMs).toBe(30);
    // Selecting the request or its answer finds the same bar.
    expect(model.spanOfSeq.get(echo.seq)).toBe(0);
    expect(model.spanOfSeq.get(entries[5]!.seq)).toBe(0);
    expect([model.start, model.end]).toEqual([10, 40]);
  });

  it('overlapping calls get lanes side by side; one after another share lane 0', () => {
    const a = request(0);
    const b = request(5);
    const c = request(6);
    const d = request(31);
    const model = buildTimeline([a, b, c, answer(b, 20), answer(a, 30), answer(c, 25), d, answer(d, 40)], 50);
    expect(model.spans.map((s) => s.lane)).toEqual([0, 1, 2, 0]);
    expect(model.lanes.calls).toBe(3);
  });

  it('an unanswered request runs to now, marked open; one cancelled or timed out ends there, failed', () => {
    const open = request(10);
    const cancelled = request(11);
    const timedOut = request(12);
    const dropped = request(13);
    const cancel = (of: MessageEntry, outcome: 'cancelled' | 'timeout', at: number): MessageEntry => ({ ...base(at), type: 'message', direction: 'outgoing', messageKind: 'notification', method: 'notifications/cancelled', size: 1, endsRequestSeq: of.seq, outcome, message: {} });
    const model = buildTimeline([open, cancelled, timedOut, dropped, cancel(cancelled, 'cancelled', 20), cancel(timedOut, 'timeout', 30), lifecycle(35, 'info', { endsRequestSeq: dropped.seq })], 500);
    expect(model.spans.map((s) => [s.end, s.outcome, s.failed])).toEqual([
      [500, 'open', false],
      [20, 'cancelled', true],
      [30, 'timeout', true],
      [35, 'cancelled', true],
    ]);
    // An open call runs to now, and Fit all goes there too.
    expect([model.end, model.fitEnd]).toEqual([500, 500]);
  });

  it('a close ends the requests still open there: never answered', () => {
    const waiting = request(1);
    const model = buildTimeline([lifecycle(0, 'connecting'), lifecycle(0.5, 'connected'), waiting, lifecycle(9, 'closed')], 100);
    const span = model.spans.find((s) => s.seq === waiting.seq)!;
    expect([span.end, span.outcome, span.failed]).toEqual([9, 'closed', true]);
  });

  it('progress notifications are ticks on the call whose progressToken they carry, in either token type', () => {
    const slow = request(0, 'tools/call', { name: 'slow_operation', _meta: { progressToken: 'tok-1' } });
    const other = request(1, 'tools/call', { name: 'count', _meta: { progressToken: 7 } });
    const model = buildTimeline([slow, other, progress(10, 'tok-1', 1, 3), progress(11, 7, 1), progress(20, 'tok-1', 2, 3), progress(21, '7', 9), answer(slow, 30), answer(other, 31)], 40);
    const ticks = (label: string) => model.spans.find((s) => s.label === label)!.progress.map((p) => [p.at, p.progress, p.total]);
    expect(ticks('tools/call · slow_operation')).toEqual([
      [10, 1, 3],
      [20, 2, 3],
    ]);
    // The string "7" is not the number 7.
    expect(ticks('tools/call · count')).toEqual([[11, 1, undefined]]);
  });

  it('a request from the server is a call too, answered by the client', () => {
    const sampling = request(5, 'sampling/createMessage', {}, 'incoming');
    const model = buildTimeline([sampling, answer(sampling, 9)], 10);
    expect(model.spans[0]).toMatchObject({ label: '← sampling/createMessage', direction: 'incoming', end: 9, outcome: 'ok' });
  });
});

describe('buildTimeline: streams, reconnects and phases', () => {
  it('event streams in their own lanes: a GET stream, a resumed one, a POST that streamed; (re)connects', () => {
    const call = request(20, 'tools/call', { name: 'echo' });
    const entries: TraceEntry[] = [
      lifecycle(0, 'connecting'),
      lifecycle(8, 'connected'),
      http({ method: 'GET', exchangeId: 'g1', phase: 'headers', streaming: true, timings: { sent: 9, headers: 10 } }),
      call,
      http({ exchangeId: 'p1', phase: 'headers', streaming: true, messageSeq: call.seq, timings: { sent: 21, headers: 25 } }),
      event('p1', 28),
      answer(call, 29),
      http({ exchangeId: 'p1', phase: 'complete', streaming: true, messageSeq: call.seq, timings: { sent: 21, headers: 25, done: 30 } }),
      http({ method: 'GET', exchangeId: 'g1', phase: 'failed', streaming: true, timings: { sent: 9, headers: 10, done: 50 } }),
      lifecycle(60, 'connecting'),
      lifecycle(70, 'connected'),
      http({ method: 'GET', exchangeId: 'g2', phase: 'headers', streaming: true, requestHeaders: { 'Last-Event-ID': '42' }, timings: { sent: 71, headers: 72 } }),
    ];
    const model = buildTimeline(entries, 100);
    const streams = model.spans.filter((s) => s.group === 'streams').map((s) => [s.kind, s.label, s.start, s.end, s.outcome]);
    expect(streams).toEqual([
      ['connect', 'connect', 0, 8, 'ok'],
      ['stream', 'GET event stream', 9, 50, 'failed'],
      ['stream', 'POST stream · tools/call', 21, 30, 'ok'],
      ['connect', 'reconnect', 60, 70, 'ok'],
      ['stream', 'GET event stream (resumed after event 42)', 71, 100, 'open'],
    ]);
    expect(model.lanes.streams).toBe(2);
    // The open stream runs to now, but Fit all stops where it began: it would squeeze the calls.
    expect([model.end, model.fitEnd]).toEqual([100, 71]);
    // The call: headers after 5 ms, first event after 8, result after 9.
    const span = model.spans.find((s) => s.kind === 'request')!;
    expect(span.phases).toMatchObject({ headersMs: 5, firstEventMs: 8, resultMs: 9, streamed: true });
    // The POST's http entries select the call's stream bar; the GET's event its stream.
    expect(model.spans[model.spanOfSeq.get(entries[4]!.seq)!]!.label).toBe('POST stream · tools/call');
    expect(model.spans[model.spanOfSeq.get(entries[5]!.seq)!]!.label).toBe('POST stream · tools/call');
  });

  it('a subscriptions/listen call is drawn with the streams, each change it delivers a tick', () => {
    const listen = request(0, 'subscriptions/listen');
    const change: MessageEntry = { ...base(15), type: 'message', direction: 'incoming', messageKind: 'notification', method: 'notifications/tools/list_changed', size: 1, listen: { requestSeq: listen.seq }, message: {} };
    const model = buildTimeline([listen, change], 30);
    expect(model.spans[0]).toMatchObject({ kind: 'stream', group: 'streams', end: 30, outcome: 'open' });
    expect(model.spans[0]!.progress.map((p) => p.at)).toEqual([15]);
  });

  it('an answer whose request is no longer held is left out; an empty trace is an empty model at now', () => {
    const gone = request(0);
    expect(buildTimeline([answer(gone, 5)], 9).spans).toEqual([]);
    expect(buildTimeline([], 9)).toMatchObject({ spans: [], start: 9, end: 9 });
  });
});

describe('spansInRange and assignLanes', () => {
  it('finds exactly the spans overlapping a range, a long early span included', () => {
    const entries: TraceEntry[] = [];
    const long = request(0);
    entries.push(long);
    for (let i = 1; i <= 100; i++) {
      const r = request(i * 10);
      entries.push(r, answer(r, i * 10 + 5));
    }
    entries.push(answer(long, 2000));
    const model = buildTimeline(entries, 3000);
    const found = spansInRange(model, 500, 520).map((i) => model.spans[i]!.start);
    expect(found).toEqual([0, 500, 510, 520]);
    const brute = model.spans.flatMap((s, i) => (s.start <= 520 && s.end >= 500 ? [i] : []));
    expect(spansInRange(model, 500, 520)).toEqual(brute);
  });

  it('lanes are as many as the most spans overlapping at once, the lowest free lane first', () => {
    const spans = [
      { start: 0, end: 10 },
      { start: 1, end: 3 },
      { start: 2, end: 12 },
      { start: 4, end: 5 },
      { start: 11, end: 20 },
    ];
    expect(assignLanes(spans, [0, 1, 2, 3, 4])).toEqual({ lanes: [0, 1, 2, 1, 0], count: 3 });
  });

  it('10,000 calls build in well under a second', () => {
    const entries: TraceEntry[] = [];
    for (let i = 0; i < 10_000; i++) {
      const r = request(i, 'tools/call', { name: `t${i % 7}`, _meta: { progressToken: i } });
      entries.push(r, progress(i + 1, i, 1), answer(r, i + 3 + (i % 5)));
    }
    const t0 = performance.now();
    const model = buildTimeline(entries, 20_000);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(model.spans).toHaveLength(10_000);
    expect(model.lanes.calls).toBeLessThanOrEqual(8);
  });
});
