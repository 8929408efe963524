import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MainEvent } from '../../../shared/ipc/contract';
import type { MetricsSnapshot } from '../../../shared/model/metrics';
import { startPlayground } from '../../../main/core/playground/playground-server';
import { startTestCore, type TestCore } from '../hostile/app-core-support';
import { openRemote, until, valueOf, type Answer } from '../workbench/core-calls';

/**
 * Load runs from the window through the real core and the contract's validation (load:start,
 * load:cancel, 'load-progress' and 'load-ended' events), against the built-in playground on
 * 127.0.0.1: the runs' requests are traced like any other, a cancelled run ends with its partial
 * result, a plan that cannot run is refused naming its field.
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

type Progress = Extract<MainEvent, { type: 'load-progress' }>;
type Ended = Extract<MainEvent, { type: 'load-ended' }>;
const progressOf = (runId: string) => test.events.filter((e): e is Progress => e.type === 'load-progress' && e.runId === runId);
const endOf = (runId: string) => test.events.find((e): e is Ended => e.type === 'load-ended' && e.runId === runId);
async function ended(runId: string, ms = 20_000): Promise<Ended> {
  await until(() => endOf(runId) !== undefined, `the end of run ${runId}`, ms);
  return endOf(runId)!;
}

describe('load runs through the core', () => {
  it("runs 300 echo calls at concurrency 8: every one traced and counted in the connection's figures, progress throttled", async () => {
    const { connectionId } = await openRemote(test, playground.urls.streamable);
    const { runId } = valueOf<{ runId: string }>(await test.call('load:start', { connectionId, request: { kind: 'tool', name: 'echo', argumentsJson: '{"message": "hi"}' }, plan: { count: 300, concurrency: 8, warmup: 5 } }));
    const end = await ended(runId);
    expect(end.error).toBeUndefined();
    expect(end.result).toMatchObject({ count: 300, ok: 300, errors: {}, cancelled: false });
    expect(end.result!.latency!.p50).toBeGreaterThan(0);
    expect(end.samples.latencyMs).toHaveLength(300);
    const progress = progressOf(runId);
    expect(progress.at(-1)).toMatchObject({ done: 300, planned: 300 });
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(end.result!.durationMs / 100) + 2);
    const metrics = valueOf<MetricsSnapshot>(await test.call('connections:metrics', { connectionId }));
    const echo = metrics.rows.find((r) => r.method === 'tools/call' && r.name === 'echo');
    // The warm-up's 5 went over the wire too.
    expect(echo?.count).toBe(305);
  });

  it('cancels a run on request: the partial result, marked cancelled, then nothing more is sent', async () => {
    const { connectionId } = await openRemote(test, playground.urls.streamable);
    const { runId } = valueOf<{ runId: string }>(await test.call('load:start', { connectionId, request: { kind: 'method', method: 'tools/list' }, plan: { durationMs: 60_000, concurrency: 2 } }));
    await until(() => progressOf(runId).length >= 2, 'two progress events');
    expect(valueOf(await test.call('load:cancel', { runId }))).toEqual({ cancelled: true });
    const end = await ended(runId);
    expect(end.result!.cancelled).toBe(true);
    expect(end.result!.count).toBeGreaterThan(0);
    expect(end.result!.ok).toBe(end.result!.count);
    const sent = async () => valueOf<MetricsSnapshot>(await test.call('connections:metrics', { connectionId }));
    const before = (await sent()).rows.find((r) => r.method === 'tools/list')!.count;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await sent()).rows.find((r) => r.method === 'tools/list')!.count).toBe(before);
  });

  it('reads a resource and gets a prompt under load; a closed connection ends its run', async () => {
    const { connectionId } = await openRemote(test, playground.urls.streamable);
    const read = valueOf<{ runId: string }>(await test.call('load:start', { connectionId, request: { kind: 'resource', uri: 'playground://readme' }, plan: { count: 20, concurrency: 2 } }));
    expect((await ended(read.runId)).result).toMatchObject({ count: 20, ok: 20 });
    const prompt = valueOf<{ runId: string }>(await test.call('load:start', { connectionId, request: { kind: 'prompt', name: 'greeting' }, plan: { count: 10, concurrency: 1 } }));
    expect((await ended(prompt.runId)).result).toMatchObject({ count: 10, ok: 10 });
    const long = valueOf<{ runId: string }>(await test.call('load:start', { connectionId, request: { kind: 'tool', name: 'echo', argumentsJson: '{"message": "x"}' }, plan: { durationMs: 60_000, concurrency: 1, ratePerS: 50 } }));
    await until(() => progressOf(long.runId).length >= 1, 'progress');
    valueOf(await test.call('connections:close', { connectionId }));
    expect((await ended(long.runId, 5000)).result!.cancelled).toBe(true);
  });

  it('refuses a plan that cannot run, naming the field, and a plan the contract does not accept', async () => {
    const { connectionId } = await openRemote(test, playground.urls.streamable);
    const request = { kind: 'tool', name: 'echo', argumentsJson: '{"message": "x"}' };
    const zero = (await test.call('load:start', { connectionId, request, plan: { count: 10, concurrency: 0 } })) as Answer<unknown>;
    expect(zero).toMatchObject({ ok: false, error: { kind: 'invalid-input', detail: { field: 'concurrency' } } });
    const neither = (await test.call('load:start', { connectionId, request, plan: { concurrency: 1 } })) as Answer<unknown>;
    expect(neither).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: 'The plan cannot run: a load run needs a request count or a duration.' } });
    const malformed = (await test.call('load:start', { connectionId, request: { kind: 'shell', command: 'rm' }, plan: { count: 1, concurrency: 1 } })) as Answer<unknown>;
    expect(malformed).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    const unknown = (await test.call('load:start', { connectionId: 'nope', request, plan: { count: 1, concurrency: 1 } })) as Answer<unknown>;
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(test.events.some((e) => e.type === 'load-ended' && e.connectionId === 'nope')).toBe(false);
  });

  it('exports a run as an Artillery scenario where the user picks, secrets as environment references', async () => {
    // A credential in the URL's query: masked wherever it shows, so the scenario must not hold it.
    const { connectionId } = await openRemote(test, `${playground.urls.streamable}?api_key=k-export-77d1`);
    const request = { kind: 'tool', name: 'echo', argumentsJson: '{"message": "hi"}' } as const;
    const plan = { count: 20, concurrency: 4 };
    const { runId } = valueOf<{ runId: string }>(await test.call('load:start', { connectionId, request, plan }));
    await ended(runId);
    const path = join(test.dir, 'echo.artillery.yml');
    test.dialogAnswer.path = path;
    expect(valueOf(await test.call('load:export-artillery', { connectionId, request, plan }))).toEqual({ cancelled: false, path, env: ['PERISCOPE_URL_SECRET'] });
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain('k-export-77d1');
    expect(text).toContain('url: "/mcp?api_key={{ $env.PERISCOPE_URL_SECRET }}"');
    expect(text).toMatch(/arrivalCount: 4[\s\S]*count: 5/);

    test.dialogAnswer.path = undefined;
    expect(valueOf(await test.call('load:export-artillery', { connectionId, request, plan }))).toEqual({ cancelled: true });
    // Refused before any dialog: a request this connection never sent, and a plan Artillery cannot express.
    test.dialogAnswer.path = join(test.dir, 'never.yml');
    const never = await test.call('load:export-artillery', { connectionId, request: { kind: 'tool', name: 'add', argumentsJson: '{}' }, plan });
    expect(never).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(/No tools\/call request/) } });
    const duration = await test.call('load:export-artillery', { connectionId, request, plan: { durationMs: 5000, concurrency: 2 } });
    expect(duration).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(/no Artillery equivalent/) } });
  });
});
