import { describe, expect, it } from 'vitest';
import type { MessageEntry, TraceEntry } from '../../../shared/model/trace';
import { MAX_PENDING, RequestMetrics } from '../../../main/core/metrics/request-metrics';

let seq = 0;
function request(method: string, params: Record<string, unknown>, at: number): MessageEntry {
  seq += 1;
  return { seq, connectionId: 'c', wallTime: at, monoTime: at, type: 'message', direction: 'outgoing', messageKind: 'request', rpcId: seq, method, size: 10, message: { jsonrpc: '2.0', id: seq, method, params } };
}
function answer(to: MessageEntry, latencyMs: number, body: Record<string, unknown> = { result: {} }): MessageEntry {
  seq += 1;
  const kind = 'error' in body ? 'error' : 'response';
  return { seq, connectionId: 'c', wallTime: to.wallTime + latencyMs, monoTime: to.monoTime + latencyMs, type: 'message', direction: 'incoming', messageKind: kind, rpcId: to.rpcId, size: 10, requestSeq: to.seq, latencyMs, message: { jsonrpc: '2.0', id: to.rpcId, ...body } };
}
function cancel(of: MessageEntry, outcome: 'cancelled' | 'timeout'): TraceEntry {
  seq += 1;
  return { seq, connectionId: 'c', wallTime: of.wallTime + 1, monoTime: of.monoTime + 1, type: 'message', direction: 'outgoing', messageKind: 'notification', method: 'notifications/cancelled', size: 10, endsRequestSeq: of.seq, outcome, message: {} };
}

/** Feeds one request per latency, each answered, one ms apart. */
function feed(metrics: RequestMetrics, latencies: number[], method = 'tools/call', name = 'echo'): void {
  latencies.forEach((latency, i) => {
    const sent = request(method, method.startsWith('resources/') ? { uri: name } : { name }, i);
    metrics.ingest(sent);
    metrics.ingest(answer(sent, latency));
  });
}

/** HDR keeps 3 significant digits: a value read back is within 0.1 % (plus a µs of rounding). */
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected * 0.001 + 0.001);

describe('latency figures against known distributions', () => {
  it('uniform 1..10000 ms: every percentile where it must be', () => {
    const metrics = new RequestMetrics();
    const values = Array.from({ length: 10_000 }, (_, i) => i + 1);
    // Shuffled: the order of arrival must not matter.
    for (let i = values.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [values[i], values[j]] = [values[j]!, values[i]!];
    }
    feed(metrics, values);
    const figures = metrics.snapshot().total.latency!;
    close(figures.min, 1);
    close(figures.p50, 5000);
    close(figures.p90, 9000);
    close(figures.p95, 9500);
    close(figures.p99, 9900);
    close(figures.p999, 9990);
    close(figures.max, 10_000);
    close(figures.mean, 5000.5);
  });

  it('min ≤ p50 ≤ p90 ≤ p95 ≤ p99 ≤ p99.9 ≤ max, whatever the values (a bucket’s top can pass the largest value)', () => {
    for (const values of [[118.3341], [32.3291, 32.3292], [0.0004, 1e9], [5, 5, 5], [3.14159, 2.71828, 1.41421]]) {
      const metrics = new RequestMetrics();
      feed(metrics, values);
      const f = metrics.snapshot().total.latency!;
      const ordered = [f.min, f.p50, f.p90, f.p95, f.p99, f.p999, f.max];
      expect(ordered).toEqual([...ordered].sort((a, b) => a - b));
    }
  });

  it('exponential (mean 20 ms): percentiles at -ln(1 - p) × 20, sub-millisecond values kept', () => {
    const metrics = new RequestMetrics();
    const n = 100_000;
    // Inverse transform of evenly spaced quantiles: the sample's percentiles are the distribution's.
    const values = Array.from({ length: n }, (_, i) => -Math.log(1 - (i + 0.5) / n) * 20);
    feed(metrics, values);
    const figures = metrics.snapshot().total.latency!;
    const quantile = (p: number) => -Math.log(1 - p) * 20;
    for (const [p, got] of [[0.5, figures.p50], [0.9, figures.p90], [0.95, figures.p95], [0.99, figures.p99], [0.999, figures.p999]] as const) {
      expect(Math.abs(got - quantile(p)) / quantile(p)).toBeLessThan(0.002);
    }
    expect(figures.min).toBeLessThan(0.001 + 0.0002);
    expect(figures.min).toBeGreaterThan(0);
  });
});

describe('rows, failures and throughput', () => {
  it('one row per method and one per tool, resource or prompt name, sorted; the total covers all', () => {
    const metrics = new RequestMetrics();
    feed(metrics, [5, 7], 'tools/call', 'echo');
    feed(metrics, [9], 'tools/call', 'add');
    feed(metrics, [2], 'resources/read', 'playground://readme');
    feed(metrics, [1, 1, 1], 'tools/list');
    const { rows, total, pending } = metrics.snapshot();
    expect(rows.map((r) => [r.method, r.name, r.count])).toEqual([
      ['resources/read', undefined, 1],
      ['resources/read', 'playground://readme', 1],
      ['tools/call', undefined, 3],
      ['tools/call', 'add', 1],
      ['tools/call', 'echo', 2],
      ['tools/list', undefined, 3],
    ]);
    expect(total.count).toBe(7);
    expect(total.answered).toBe(7);
    expect(pending).toBe(0);
    expect(rows.find((r) => r.name === 'echo')!.latency).toMatchObject({ min: 5, max: 7 });
  });

  it('failures by kind: a JSON-RPC error by its code name, a tool error, a cancel and a timeout', () => {
    const metrics = new RequestMetrics();
    const ok = request('tools/call', { name: 'fail' }, 0);
    const unknown = request('tools/call', { name: 'fail' }, 1);
    const odd = request('tools/call', { name: 'fail' }, 2);
    const toolError = request('tools/call', { name: 'fail' }, 3);
    const cancelled = request('tools/call', { name: 'fail' }, 4);
    const timedOut = request('tools/call', { name: 'fail' }, 5);
    for (const r of [ok, unknown, odd, toolError, cancelled, timedOut]) metrics.ingest(r);
    metrics.ingest(answer(ok, 3));
    metrics.ingest(answer(unknown, 3, { error: { code: -32601, message: 'no' } }));
    metrics.ingest(answer(odd, 3, { error: { code: 4711, message: 'odd' } }));
    metrics.ingest(answer(toolError, 3, { result: { isError: true, content: [] } }));
    metrics.ingest(cancel(cancelled, 'cancelled'));
    metrics.ingest(cancel(timedOut, 'timeout'));
    const row = metrics.snapshot().rows.find((r) => r.name === 'fail')!;
    expect(row.count).toBe(6);
    expect(row.answered).toBe(4);
    expect(row.errors).toEqual({ 'method-not-found': 1, 'error 4711': 1, 'tool-error': 1, cancelled: 1, timeout: 1 });
    expect(metrics.snapshot().pending).toBe(0);
  });

  it('a 2026-07-28 cancel (the response stream closed, said by a lifecycle entry) counts as cancelled; one answer is no rate', () => {
    const metrics = new RequestMetrics();
    const slow = request('tools/call', { name: 'slow_operation' }, 0);
    metrics.ingest(slow);
    seq += 1;
    metrics.ingest({ seq, connectionId: 'c', wallTime: 5, monoTime: 5, type: 'lifecycle', state: 'info', text: 'given up', endsRequestSeq: slow.seq });
    const one = request('tools/list', {}, 10);
    metrics.ingest(one);
    metrics.ingest(answer(one, 4));
    const { rows, pending } = metrics.snapshot();
    expect(rows.find((r) => r.name === 'slow_operation')!.errors).toEqual({ cancelled: 1 });
    expect(pending).toBe(0);
    expect(rows.find((r) => r.method === 'tools/list')!.throughputPerS).toBe(0);
  });

  it('throughput: answers per second between the first request and the last answer', () => {
    const metrics = new RequestMetrics();
    // 101 requests sent 10 ms apart, each answered after 10 ms: 101 answers over 1.01 s.
    for (let i = 0; i <= 100; i++) {
      const sent = request('ping', {}, i * 10);
      metrics.ingest(sent);
      metrics.ingest(answer(sent, 10));
    }
    expect(metrics.snapshot().total.throughputPerS).toBeCloseTo(101 / 1.01, 6);
  });

  it('ignores what is not the client’s own request: server requests, notifications, orphan answers', () => {
    const metrics = new RequestMetrics();
    const serverRequest = { ...request('sampling/createMessage', {}, 0), direction: 'incoming' as const };
    metrics.ingest(serverRequest);
    metrics.ingest({ ...answer(serverRequest, 1), direction: 'outgoing' });
    const own = request('x', {}, 0);
    metrics.ingest(own);
    metrics.ingest({ ...answer(own, 1), requestSeq: 99_999 });
    expect(metrics.snapshot().total.answered).toBe(0);
    expect(metrics.snapshot().rows.map((r) => r.method)).toEqual(['x']);
  });

  it('remembers at most MAX_PENDING unanswered requests', () => {
    const metrics = new RequestMetrics();
    for (let i = 0; i < MAX_PENDING + 10; i++) metrics.ingest(request('tools/list', {}, i));
    expect(metrics.snapshot().pending).toBe(MAX_PENDING);
    expect(metrics.snapshot().total.count).toBe(MAX_PENDING + 10);
  });
});

describe('requests that stay open by design', () => {
  it('counts an open subscriptions/listen stream apart from the requests waiting for an answer, and neither once it ends', () => {
    const metrics = new RequestMetrics();
    const listen = request('subscriptions/listen', { filter: {} }, 0);
    const call = request('tools/call', { name: 'slow' }, 1);
    metrics.ingest(listen);
    metrics.ingest(call);
    expect(metrics.snapshot()).toMatchObject({ pending: 1, streams: 1 });
    metrics.ingest(answer(call, 5));
    expect(metrics.snapshot()).toMatchObject({ pending: 0, streams: 1 });
    metrics.ingest(answer(listen, 60_000));
    const done = metrics.snapshot();
    expect(done.pending).toBe(0);
    expect(done.streams).toBeUndefined();
  });
});

describe('HTTP phases, whichever comes first: the exchange or the answer', () => {
  function exchange(of: MessageEntry, headersAfterMs: number, phase: 'headers' | 'complete'): TraceEntry {
    seq += 1;
    return {
      seq, connectionId: 'c', wallTime: of.wallTime, monoTime: of.monoTime + headersAfterMs, type: 'http', exchangeId: `x${of.seq}`, phase,
      method: 'POST', url: 'http://127.0.0.1/mcp', status: 200, requestHeaders: {}, messageSeq: of.seq,
      timings: { sent: of.monoTime, headers: of.monoTime + headersAfterMs, ...(phase === 'complete' ? { done: of.monoTime + headersAfterMs } : {}) },
    };
  }
  const phasesOf = (metrics: RequestMetrics) => metrics.snapshot().rows.find((r) => r.name === 'echo')?.phases;

  it('an event stream (headers before the answer) and a JSON answer (its exchange recorded just after it) both count', () => {
    const metrics = new RequestMetrics();
    const streamed = request('tools/call', { name: 'echo' }, 1_000);
    metrics.ingest(streamed);
    metrics.ingest(exchange(streamed, 4, 'headers'));
    metrics.ingest(answer(streamed, 10));
    const json = request('tools/call', { name: 'echo' }, 2_000);
    metrics.ingest(json);
    metrics.ingest(answer(json, 10));
    expect(phasesOf(metrics)).toMatchObject({ count: 1 });
    metrics.ingest(exchange(json, 6, 'complete'));
    expect(phasesOf(metrics)).toMatchObject({ count: 2 });
    close(phasesOf(metrics)!.headersP50!, 4);
  });

  it('answers that never get an exchange (stdio, WebSocket) are forgotten past a few hundred, and a late exchange of one counts nothing', () => {
    const metrics = new RequestMetrics();
    const first = request('tools/call', { name: 'echo' }, 0);
    metrics.ingest(first);
    metrics.ingest(answer(first, 1));
    feed(metrics, Array.from({ length: 1_000 }, () => 1));
    metrics.ingest(exchange(first, 1, 'complete'));
    expect(phasesOf(metrics)).toBeUndefined();
    expect(metrics.snapshot().rows.find((r) => r.name === 'echo')?.answered).toBe(1_001);
  });
});
