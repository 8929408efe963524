import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsSnapshot } from '../../../shared/model/metrics';
import type { HttpEntry, MessageEntry, TraceEntry } from '../../../shared/model/trace';
import { startPlayground } from '../../../main/core/playground/playground-server';
import { startTestCore, type TestCore } from '../hostile/app-core-support';
import { type Answer, openRemote, valueOf } from '../workbench/core-calls';

/**
 * The analytics through the app core: computed from the trace bus as the playground answers
 * (both eras), and again from a saved session file read back whole.
 */
let test: TestCore;
let playground: Awaited<ReturnType<typeof startPlayground>>;

beforeAll(async () => {
  test = await startTestCore();
  playground = await startPlayground();
});
afterAll(async () => {
  await test?.close();
  await playground?.close();
});


async function exercise(era: 'legacy' | 'modern'): Promise<string> {
  const { connectionId } = await openRemote(test, playground.urls.streamable, era);
  for (let i = 0; i < 5; i++) await test.call('connections:call-tool', { connectionId, name: 'echo', argumentsJson: `{"message":"m${i}"}` });
  await test.call('connections:call-tool', { connectionId, name: 'add', argumentsJson: '{"a":1,"b":2}' });
  await test.call('connections:call-tool', { connectionId, name: 'fail', argumentsJson: '{}' });
  await test.call('connections:read-resource', { connectionId, uri: 'playground://readme' });
  return connectionId;
}

describe.each(['legacy', 'modern'] as const)('live analytics, %s era', (era) => {
  it('counts each method and each tool and resource by name, with failures by kind and latency figures', async () => {
    const connectionId = await exercise(era);
    const snapshot = valueOf<MetricsSnapshot>(await test.call('connections:metrics', { connectionId }));
    const row = (method: string, name?: string) => snapshot.rows.find((r) => r.method === method && r.name === name);
    expect(row('tools/call')).toMatchObject({ count: 7, answered: 7, errors: { 'tool-error': 1 } });
    expect(row('tools/call', 'echo')).toMatchObject({ count: 5, answered: 5, errors: {} });
    expect(row('tools/call', 'fail')).toMatchObject({ count: 1, errors: { 'tool-error': 1 } });
    expect(row('resources/read', 'playground://readme')).toMatchObject({ count: 1, answered: 1 });
    const echo = row('tools/call', 'echo')!.latency!;
    expect(echo.min).toBeGreaterThan(0);
    expect(echo.min).toBeLessThanOrEqual(echo.p50);
    expect(echo.p50).toBeLessThanOrEqual(echo.p99);
    expect(echo.p99).toBeLessThanOrEqual(echo.max);
    expect(snapshot.total.count).toBeGreaterThanOrEqual(8);
    // Nothing is waiting; on 2026-07-28 the subscriptions/listen stream the app keeps open for list
    // changes is counted as an open stream, not as a request waiting for its answer.
    expect(snapshot.pending).toBe(0);
    expect(snapshot.streams).toBe(era === 'modern' ? 1 : undefined);
    expect(row('subscriptions/listen')?.answered ?? 0).toBe(0);
    // Modern connections have no initialize; legacy ones have exactly one.
    expect(row('initialize')?.count ?? 0).toBe(era === 'legacy' ? 1 : 0);
  });
});

describe.each(['legacy', 'modern'] as const)('HTTP phases, %s era', (era) => {
  it('links each POST to the request it carried, and gives each tool its median time to headers and to the first event', async () => {
    const connectionId = await exercise(era);
    const { entries } = valueOf<{ entries: TraceEntry[] }>(await test.call('trace:snapshot', { connectionId }));
    const bySeq = new Map(entries.map((e) => [e.seq, e]));
    const requests = entries.filter((e): e is MessageEntry => e.type === 'message' && e.direction === 'outgoing' && e.messageKind === 'request');
    const posts = entries.filter((e): e is HttpEntry => e.type === 'http' && e.method === 'POST');
    // Every request went out in a POST of its own, and that POST names it.
    for (const request of requests) {
      const post = posts.find((p) => p.messageSeq === request.seq);
      expect(post, `the POST of ${request.method} #${request.seq}`).toBeDefined();
      expect(JSON.parse(post!.requestBody!)).toMatchObject({ id: request.rpcId, method: request.method });
    }
    for (const post of posts.filter((p) => p.messageSeq !== undefined)) expect(bySeq.get(post.messageSeq!)?.type).toBe('message');
    const snapshot = valueOf<MetricsSnapshot>(await test.call('connections:metrics', { connectionId }));
    const echo = snapshot.rows.find((r) => r.method === 'tools/call' && r.name === 'echo')!;
    expect(echo.phases!.count).toBeGreaterThanOrEqual(5);
    expect(echo.phases!.headersP50).toBeGreaterThan(0);
    expect(echo.phases!.headersP50).toBeLessThanOrEqual(echo.latency!.max);
    // A first event only where the tools/call POSTs were answered with an event stream; after the headers.
    const streamed = posts.some((p) => p.streaming && (bySeq.get(p.messageSeq ?? -1) as MessageEntry | undefined)?.method === 'tools/call');
    expect(streamed).toBe(era === 'legacy');
    if (streamed) expect(echo.phases!.firstEventP50).toBeGreaterThanOrEqual(echo.phases!.headersP50! * 0.99);
    else expect(echo.phases!.firstEventP50).toBeUndefined();
  });
});

describe('analytics of a saved session file', () => {
  it('come with the opened file, computed over every entry in it', async () => {
    const connectionId = await exercise('legacy');
    const live = valueOf<MetricsSnapshot>(await test.call('connections:metrics', { connectionId }));
    const path = join(test.dir, 'metrics-session.ndjson');
    test.dialogAnswer.path = path;
    valueOf(await test.call('session:save', { connectionId }));
    const opened = valueOf<{ metrics?: MetricsSnapshot }>(await test.call('session:open', undefined));
    const fromFile = opened.metrics!;
    const counts = (s: MetricsSnapshot) => s.rows.map((r) => [r.method, r.name, r.count, r.answered, r.errors]);
    expect(counts(fromFile)).toEqual(counts(live));
    // Latencies are what capture measured, stored with each answer: the same figures offline.
    expect(fromFile.rows.find((r) => r.name === 'echo')!.latency).toEqual(live.rows.find((r) => r.name === 'echo')!.latency);
  });

  it('an unknown connection is an error, not empty figures', async () => {
    const answer = (await test.call('connections:metrics', { connectionId: 'no-such-connection' })) as Answer<unknown>;
    expect(answer.ok).toBe(false);
  });
});
