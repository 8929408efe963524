import { describe, expect, it } from 'vitest';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { LoadRunRegistry, type LoadRunEvent } from '../../../main/core/load/load-run-registry';
import { SampleReservoir } from '../../../main/core/load/sample-reservoir';
import type { ConnectionPort } from '../../../main/core/service/ports';
import { MAX_PROGRESS_SAMPLES, MAX_RUN_SAMPLES, type LoadPlan, type LoadRequest } from '../../../shared/model/load-run';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A connection whose every request answers after `ms` (0: at once), recording what was sent. */
function connection(ms = 0) {
  const sent: unknown[][] = [];
  const answer = async (...call: unknown[]) => {
    sent.push(call);
    if (ms > 0) await wait(ms);
    return { content: [] };
  };
  const port = {
    callTool: (name: string, args: unknown) => answer('tools/call', name, args),
    readResource: (uri: string) => answer('resources/read', uri),
    getPrompt: (name: string, args: unknown) => answer('prompts/get', name, args),
    sendRequest: (method: string, params: unknown) => answer(method, params),
  } as unknown as ConnectionPort;
  return { port, sent };
}

function registry(progressEveryMs = 100) {
  const events: LoadRunEvent[] = [];
  const runs = new LoadRunRegistry({ emit: (e) => events.push(e), progressEveryMs });
  const progress = () => events.filter((e) => e.type === 'load-progress');
  const ended = () => events.filter((e) => e.type === 'load-ended');
  return { runs, events, progress, ended };
}

const echo: LoadRequest = { kind: 'tool', name: 'echo', argumentsJson: '{"text": "hi"}' };

describe('the load run registry', () => {
  it('returns a run id before anything is sent, reports throttled progress, then the result with a sample per request', async () => {
    const { port, sent } = connection(1);
    const { runs, progress, ended } = registry(50);
    const { runId } = runs.start('c1', port, echo, { count: 200, concurrency: 4 });
    expect(runId).toMatch(/[0-9a-f-]{36}/);
    expect(sent).toHaveLength(0);
    const result = await runs.ended(runId);
    expect(result).toMatchObject({ count: 200, ok: 200, cancelled: false });
    expect(sent[0]).toEqual(['tools/call', 'echo', { text: 'hi' }]);
    // At most one event per 50 ms of the run, plus the last one; far fewer than one per request.
    const events = progress();
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThanOrEqual(Math.ceil(result!.durationMs / 50) + 2);
    expect(events.at(-1)).toMatchObject({ runId, connectionId: 'c1', done: 200, failed: 0, planned: 200 });
    expect(events.reduce((n, e) => n + (e.type === 'load-progress' ? e.latest.at.length : 0), 0)).toBe(200);
    const [end] = ended();
    expect(end).toMatchObject({ type: 'load-ended', runId, result: { count: 200 } });
    expect(end!.samples.latencyMs).toHaveLength(200);
    expect(runs.running).toBe(0);
  });

  it('cancels on request: nothing more is sent and the partial result comes marked cancelled', async () => {
    const { port, sent } = connection(2);
    const { runs, ended } = registry();
    const { runId } = runs.start('c1', port, echo, { durationMs: 10_000, concurrency: 2 });
    await wait(60);
    expect(runs.cancel(runId)).toBe(true);
    const result = await runs.ended(runId);
    const after = sent.length;
    await wait(20);
    expect(sent.length).toBe(after);
    expect(result!.cancelled).toBe(true);
    expect(result!.count).toBeGreaterThan(0);
    expect(ended()[0]!.result).toMatchObject({ cancelled: true, count: result!.count });
    expect(runs.cancel(runId)).toBe(false);
  });

  it('cancels every run of a connection that went away, and only those', async () => {
    const { port } = connection(2);
    const { runs } = registry();
    const a = runs.start('c1', port, echo, { durationMs: 10_000, concurrency: 1 });
    const b = runs.start('c2', port, echo, { count: 5, concurrency: 1 });
    runs.cancelAll('c1');
    expect((await runs.ended(a.runId))!.cancelled).toBe(true);
    expect((await runs.ended(b.runId))!).toMatchObject({ cancelled: false, count: 5 });
  });

  it('refuses a second run on a connection while its first is going (a double click on Start), sending nothing for it', async () => {
    const { port, sent } = connection(2);
    const { runs } = registry();
    const first = runs.start('c1', port, echo, { durationMs: 10_000, concurrency: 1 });
    let refused: unknown;
    try {
      runs.start('c1', port, echo, { count: 1_000, concurrency: 8 });
    } catch (error) {
      refused = error;
    }
    expect(isPeriscopeError(refused) && refused.info).toMatchObject({ kind: 'invalid-input', message: 'A load run is already going on this connection: cancel it or wait for its end, then start again.' });
    expect(runs.running).toBe(1);
    runs.cancelAll('c1');
    await runs.ended(first.runId);
    expect(sent.length).toBeLessThan(1_000);
    // Once it has ended, the connection takes a new run.
    expect((await runs.ended(runs.start('c1', port, echo, { count: 2, concurrency: 1 }).runId))!.count).toBe(2);
  });

  const bad: Array<[string, LoadPlan, string, RegExp]> = [
    ['neither count nor duration', { concurrency: 1 }, 'count', /needs a request count or a duration/],
    ['a concurrency of 0', { count: 10, concurrency: 0 }, 'concurrency', /concurrency must be a whole number of at least 1/],
    ['a concurrency beyond the window limit', { count: 10, concurrency: 5000 }, 'concurrency', /at most 256/],
    ['a fractional count', { count: 2.5, concurrency: 1 }, 'count', /whole number/],
    ['a negative rate', { count: 10, concurrency: 1, ratePerS: -3 }, 'ratePerS', /rate must be above 0/],
    ['a duration over an hour', { durationMs: 7_200_000, concurrency: 1 }, 'durationMs', /at most an hour/],
    ['a negative warm-up', { count: 10, concurrency: 1, warmup: -1 }, 'warmup', /warm-up/],
  ];
  it.each(bad)('refuses %s with an invalid-input error naming the field, sending nothing', (_what, plan, field, message) => {
    const { port, sent } = connection();
    const { runs, events } = registry();
    let thrown: unknown;
    try {
      runs.start('c1', port, echo, plan);
    } catch (error) {
      thrown = error;
    }
    expect(isPeriscopeError(thrown)).toBe(true);
    const info = (thrown as { info: { kind: string; message: string; detail?: { field?: string } } }).info;
    expect(info.kind).toBe('invalid-input');
    expect(info.message).toMatch(message);
    expect(info.detail?.field).toBe(field);
    expect(sent).toHaveLength(0);
    expect(events).toHaveLength(0);
  });

  it('refuses arguments that are not a JSON object before the run starts', () => {
    const { port } = connection();
    const { runs } = registry();
    expect(() => runs.start('c1', port, { kind: 'tool', name: 'echo', argumentsJson: '[1]' }, { count: 1, concurrency: 1 })).toThrow(/must be a JSON object/);
    expect(() => runs.start('c1', port, { kind: 'method', method: 'x/y', paramsJson: '{oops' }, { count: 1, concurrency: 1 })).toThrow(/The params are not valid JSON/);
    expect(runs.running).toBe(0);
  });

  it('sends a resource read, a prompt get or any method as asked', async () => {
    const { port, sent } = connection();
    const { runs } = registry();
    const plan = { count: 1, concurrency: 1 };
    await runs.ended(runs.start('c1', port, { kind: 'resource', uri: 'demo://a' }, plan).runId);
    await runs.ended(runs.start('c1', port, { kind: 'prompt', name: 'greet', arguments: { who: 'x' } }, plan).runId);
    await runs.ended(runs.start('c1', port, { kind: 'method', method: 'tools/list', paramsJson: '{"cursor": "a"}' }, plan).runId);
    expect(sent).toEqual([['resources/read', 'demo://a'], ['prompts/get', 'greet', { who: 'x' }], ['tools/list', { cursor: 'a' }]]);
  });

  it('keeps what it sends the window bounded on a long run: per progress event and at the end', async () => {
    const { port } = connection();
    const { runs, progress, ended } = registry(10);
    const count = 3 * MAX_RUN_SAMPLES;
    await runs.ended(runs.start('c1', port, echo, { count, concurrency: 8 }).runId);
    for (const e of progress()) if (e.type === 'load-progress') expect(e.latest.at.length).toBeLessThanOrEqual(MAX_PROGRESS_SAMPLES);
    const end = ended()[0]!;
    expect(end.result!.count).toBe(count);
    expect(end.samples.at.length).toBeLessThanOrEqual(MAX_RUN_SAMPLES);
    expect(end.samples.at.length).toBeGreaterThan(MAX_RUN_SAMPLES / 4);
  });

  it('reports a run that fails to run at all as ended with its error', async () => {
    const port = { callTool: () => Promise.reject(new Error('boom')) } as unknown as ConnectionPort;
    const { runs, ended } = registry();
    const result = await runs.ended(runs.start('c1', port, echo, { count: 3, concurrency: 1 }).runId);
    // A failing request is a measured failure, not a failed run.
    expect(result).toMatchObject({ count: 3, ok: 0, errors: { error: { count: 3, example: 'boom' } } });
    expect(ended()[0]!.error).toBeUndefined();
  });
});

describe('the sample reservoir', () => {
  it('keeps every sample up to its capacity, then an even spread over the whole run', () => {
    const reservoir = new SampleReservoir(100);
    for (let i = 0; i < 99; i++) reservoir.add(i, i);
    expect(reservoir.samples().at).toHaveLength(99);
    for (let i = 99; i < 1000; i++) reservoir.add(i, i);
    const { at } = reservoir.samples();
    expect(at.length).toBeLessThanOrEqual(100);
    expect(at.length).toBeGreaterThanOrEqual(50);
    expect(at[0]).toBe(0);
    expect(at.at(-1)!).toBeGreaterThan(900);
    // Evenly spaced: one stride between neighbours.
    const gaps = new Set(at.slice(1).map((t, i) => t - at[i]!));
    expect(gaps.size).toBe(1);
  });
});
