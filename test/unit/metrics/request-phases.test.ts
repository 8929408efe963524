import { describe, expect, it } from 'vitest';
import { RequestMetrics } from '../../../main/core/metrics/request-metrics';
import type { HttpEntry, MessageEntry, SseEventEntry, TraceEntry } from '../../../shared/model/trace';
import { RequestPhaseTracker } from '../../../shared/trace/request-phases';

let seq = 0;
const base = (at: number) => ({ seq: ++seq, connectionId: 'c', wallTime: at, monoTime: at });
function request(at: number, name = 'echo'): MessageEntry {
  return { ...base(at), type: 'message', direction: 'outgoing', messageKind: 'request', rpcId: seq, method: 'tools/call', size: 1, message: { params: { name } } };
}
function answer(to: MessageEntry, at: number): MessageEntry {
  return { ...base(at), type: 'message', direction: 'incoming', messageKind: 'response', rpcId: to.rpcId, requestSeq: to.seq, latencyMs: at - to.monoTime, method: to.method, size: 1, message: { result: {} } };
}
function http(of: MessageEntry | undefined, exchangeId: string, phase: HttpEntry['phase'], timings: HttpEntry['timings'], streaming = false): HttpEntry {
  return { ...base(timings.done ?? timings.headers ?? timings.sent), type: 'http', exchangeId, phase, method: 'POST', url: 'http://x/mcp', requestHeaders: {}, timings, ...(of ? { messageSeq: of.seq } : {}), ...(streaming ? { streaming } : {}), status: 200 };
}
const event = (exchangeId: string, at: number): SseEventEntry => ({ ...base(at), type: 'sse-event', exchangeId, size: 1, data: '{}' });

describe('RequestPhaseTracker', () => {
  it('a JSON answer: time to headers from the request message; no first event', () => {
    const tracker = new RequestPhaseTracker();
    const sent = request(100);
    [sent, http(sent, 'x1', 'complete', { sent: 101, headers: 130, done: 131 })].forEach((e) => tracker.ingest(e));
    expect(tracker.phasesOf(sent.seq)).toEqual({ exchangeId: 'x1', headersMs: 30, status: 200 });
  });

  it('a streamed answer: headers, then the first event (later events do not move it)', () => {
    const tracker = new RequestPhaseTracker();
    const sent = request(1000);
    const entries: TraceEntry[] = [sent, http(sent, 'x2', 'headers', { sent: 1001, headers: 1010 }, true), event('x2', 1040), event('x2', 1090), http(sent, 'x2', 'complete', { sent: 1001, headers: 1010, done: 1100 }, true)];
    entries.forEach((e) => tracker.ingest(e));
    expect(tracker.phasesOf(sent.seq)).toEqual({ exchangeId: 'x2', headersMs: 10, firstEventMs: 40, streamed: true, status: 200 });
    expect(tracker.take(sent.seq)?.firstEventMs).toBe(40);
    expect(tracker.phasesOf(sent.seq)).toBeUndefined();
  });

  it('ignores exchanges of no known request, and events of other exchanges', () => {
    const tracker = new RequestPhaseTracker();
    const sent = request(0);
    [sent, http(undefined, 'get', 'headers', { sent: 0, headers: 1 }, true), event('get', 5), http({ ...sent, seq: 999 }, 'x3', 'complete', { sent: 0, headers: 2, done: 3 })].forEach((e) => tracker.ingest(e));
    expect(tracker.phasesOf(sent.seq)).toBeUndefined();
  });

  it('forgets the oldest request past its limit', () => {
    const tracker = new RequestPhaseTracker(2);
    const [a, b, c] = [request(0), request(1), request(2)];
    [a, b, c, http(a, 'xa', 'complete', { sent: 0, headers: 5 }), http(c, 'xc', 'complete', { sent: 2, headers: 9 })].forEach((e) => tracker.ingest(e));
    expect(tracker.phasesOf(a.seq)).toBeUndefined();
    expect(tracker.phasesOf(c.seq)?.headersMs).toBe(7);
  });
});

describe('phases in the analytics', () => {
  it('the median time to headers and to the first event per tool; none for a row with no HTTP exchange', () => {
    const metrics = new RequestMetrics();
    for (const [i, headers] of [10, 20, 30].entries()) {
      const sent = request(i * 1000);
      const t = sent.monoTime;
      [sent, http(sent, `s${i}`, 'headers', { sent: t, headers: t + headers }, true), event(`s${i}`, t + headers + 5), answer(sent, t + 100)].forEach((e) => metrics.ingest(e));
    }
    const plain = request(10_000, 'add');
    metrics.ingest(plain);
    metrics.ingest(answer(plain, 10_050));
    const rows = metrics.snapshot().rows;
    const echo = rows.find((r) => r.name === 'echo')!;
    expect(echo.phases!.count).toBe(3);
    expect(echo.phases!.headersP50).toBeCloseTo(20, 1);
    expect(echo.phases!.firstEventP50).toBeCloseTo(25, 1);
    expect(rows.find((r) => r.name === 'add')!.phases).toBeUndefined();
    expect(rows.find((r) => r.name === undefined)!.phases!.count).toBe(3);
  });
});
