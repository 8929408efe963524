import { afterEach, describe, expect, it, vi } from 'vitest';
import { CANCEL_GRACE_MS, runModernToolTask, type ModernTaskPort } from '../../../main/core/tasks/modern-tool-task';
import { POLL_CEILING_MS, POLL_FLOOR_MS } from '../../../main/core/tasks/tool-task';
import { taskRefusal, toolTaskSupport } from '../../../main/core/tasks/task-support';

/**
 * The 2026-07-28 task runner (tasks extension, SEP-2663) against a scripted port: the answers a
 * server gives, as ext-tasks specification/2026-07-28/tasks.md shapes them.
 */
const STAMPS = { createdAt: '2026-12-01T10:00:00Z', lastUpdatedAt: '2026-12-01T10:00:00Z', ttlMs: 60_000 };
const task = (status: string, extra: Record<string, unknown> = {}) => ({ taskId: 't1', status, ...STAMPS, pollIntervalMs: 0, ...extra });

function scripted(gets: Array<Record<string, unknown>>, opts: { first?: Record<string, unknown>; answer?: ModernTaskPort['answer'] } = {}) {
  const sent: Array<{ method: string; params: Record<string, unknown>; at: number }> = [];
  let i = 0;
  const port: ModernTaskPort = {
    call: async (name, args) => {
      sent.push({ method: 'tools/call', params: { name, arguments: args }, at: Date.now() });
      return opts.first ?? { resultType: 'task', ...task('working') };
    },
    send: async (method, params) => {
      sent.push({ method, params, at: Date.now() });
      if (method === 'tasks/get') return gets[Math.min(i++, gets.length - 1)];
      return {};
    },
    answer: opts.answer ?? (async () => ({ action: 'accept', content: { name: 'Ada' } })),
  };
  return { port, sent, methods: () => sent.map((s) => s.method) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('running a tool as a 2026-07-28 task', () => {
  it('polls tasks/get until a terminal status, reports each change once, and takes the completed task\'s result', async () => {
    const result = { content: [{ type: 'text', text: 'done' }] };
    const { port, methods } = scripted([task('working'), task('working', { statusMessage: 'half' }), task('working', { statusMessage: 'half' }), task('completed', { result })]);
    const seen: string[] = [];
    const outcome = await runModernToolTask(port, 'slow', { n: 1 }, { onStatus: (u) => seen.push(`${u.status}:${u.statusMessage ?? ''}:${u.pollInterval}`) });
    expect(seen).toEqual(['working::0', 'working:half:0', 'completed::0']);
    expect(outcome).toMatchObject({ taskId: 't1', status: 'completed', result });
    expect(outcome.immediate).toBeUndefined();
    // No tasks/result: the extension removed it; the result rides on tasks/get.
    expect(methods()).toEqual(['tools/call', 'tasks/get', 'tasks/get', 'tasks/get', 'tasks/get']);
  });

  it('waits the suggested interval between polls, clamped to 50 ms–10 s', async () => {
    vi.useFakeTimers();
    const { port, sent } = scripted([task('working', { pollIntervalMs: 1 }), task('working', { pollIntervalMs: 1e9, statusMessage: 'x' }), task('completed', { result: { content: [] } })], {
      first: { resultType: 'task', ...task('working', { pollIntervalMs: 200 }) },
    });
    const running = runModernToolTask(port, 'slow', {});
    await vi.runAllTimersAsync();
    await running;
    const gaps = sent.slice(1).map((s, n) => s.at - sent[n]!.at);
    expect(gaps).toEqual([200, POLL_FLOOR_MS, POLL_CEILING_MS]);
  });

  it('a plain answer to tools/call is the result: no task, no polling', async () => {
    const { port, methods } = scripted([], { first: { content: [{ type: 'text', text: 'at once' }] } });
    const outcome = await runModernToolTask(port, 'quick', {});
    expect(outcome).toEqual({ taskId: '', status: 'completed', result: { content: [{ type: 'text', text: 'at once' }] }, history: [], immediate: true });
    expect(methods()).toEqual(['tools/call']);
  });

  it('answers input_required through the port and sends the answers with tasks/update, each key once', async () => {
    const ask = { method: 'elicitation/create', params: { mode: 'form', message: 'Your name?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } } } } };
    const answer = vi.fn(async () => ({ action: 'accept', content: { name: 'Ada' } }));
    const { port, sent, methods } = scripted(
      [task('input_required', { inputRequests: { 'name-1': ask } }), task('input_required', { inputRequests: { 'name-1': ask } }), task('completed', { result: { content: [] } })],
      { answer },
    );
    const outcome = await runModernToolTask(port, 'ask', {});
    expect(outcome.status).toBe('completed');
    expect(answer).toHaveBeenCalledTimes(1);
    expect(answer).toHaveBeenCalledWith('name-1', ask, expect.any(AbortSignal));
    expect(methods()).toEqual(['tools/call', 'tasks/get', 'tasks/update', 'tasks/get', 'tasks/get']);
    expect(sent[2]!.params).toEqual({ taskId: 't1', inputResponses: { 'name-1': { action: 'accept', content: { name: 'Ada' } } } });
  });

  it('an answer that cannot be given cancels the task and ends with that failure', async () => {
    const refused = new Error('Sampling is not configured');
    const { port, methods } = scripted([task('input_required', { inputRequests: { s: { method: 'sampling/createMessage', params: { messages: [], maxTokens: 5 } } } })], {
      answer: async () => {
        throw refused;
      },
    });
    await expect(runModernToolTask(port, 'ask', {})).rejects.toBe(refused);
    expect(methods()).toEqual(['tools/call', 'tasks/get', 'tasks/cancel']);
  });

  it('aborting sends tasks/cancel, then reads how the server ended the task', async () => {
    const controller = new AbortController();
    const { port, methods } = scripted([task('working'), task('cancelled', { statusMessage: 'stopped' })]);
    controller.abort();
    const outcome = await runModernToolTask(port, 'slow', {}, { signal: controller.signal });
    expect(outcome.status).toBe('cancelled');
    expect(outcome.result).toBeUndefined();
    expect(outcome.history.at(-1)).toMatchObject({ status: 'cancelled', statusMessage: 'stopped' });
    expect(methods()).toEqual(['tools/call', 'tasks/cancel', 'tasks/get', 'tasks/get']);
  });

  it('after tasks/cancel, a server that keeps working is left after the grace period, and the run ends cancelled', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const { port, methods } = scripted([task('working', { pollIntervalMs: 1000 })]);
    controller.abort();
    const running = runModernToolTask(port, 'stubborn', {}, { signal: controller.signal });
    await vi.runAllTimersAsync();
    const outcome = await running;
    expect(outcome.status).toBe('cancelled');
    expect(methods().filter((m) => m === 'tasks/cancel')).toHaveLength(1);
    expect(methods().filter((m) => m === 'tasks/get').length).toBeLessThanOrEqual(CANCEL_GRACE_MS / 1000 + 1);
  });

  it('a failed task gives its JSON-RPC error, no result', async () => {
    const { port } = scripted([task('failed', { error: { code: -32603, message: 'rate limit' } })]);
    const outcome = await runModernToolTask(port, 'broken', {});
    expect(outcome).toMatchObject({ status: 'failed', error: { code: -32603, message: 'rate limit' } });
    expect(outcome.result).toBeUndefined();
  });

  it('answers outside the extension are protocol errors that say what is wrong', async () => {
    const run = (gets: Array<Record<string, unknown>>, first?: Record<string, unknown>) => runModernToolTask(scripted(gets, first ? { first } : {}).port, 'odd', {});
    await expect(run([task('sleeping')])).rejects.toMatchObject({ kind: 'protocol', message: expect.stringContaining('"sleeping"') });
    await expect(run([task('completed')])).rejects.toMatchObject({ kind: 'protocol', message: expect.stringContaining('gave no result') });
    await expect(run([task('failed')])).rejects.toMatchObject({ kind: 'protocol', message: expect.stringContaining('gave no error') });
    await expect(run([task('input_required')])).rejects.toMatchObject({ kind: 'protocol', message: expect.stringContaining('listed no inputRequests') });
    await expect(run([task('input_required', { inputRequests: { k: { method: 'tools/call' } } })])).rejects.toMatchObject({ kind: 'protocol', message: expect.stringContaining('input request "k"') });
    await expect(run([{ ...task('working'), taskId: 'other' }])).rejects.toMatchObject({ kind: 'protocol', message: expect.stringContaining('another task') });
    await expect(run([], { resultType: 'task', taskId: 't1', status: 'working' })).rejects.toMatchObject({ kind: 'protocol', message: expect.stringContaining('CreateTaskResult') });
    const draft = run([], { resultType: 'task', taskId: 't1', status: 'working', createdAt: 'x', lastUpdatedAt: 'x', ttlSeconds: 60 });
    await expect(draft).rejects.toMatchObject({ kind: 'protocol', info: { hint: expect.stringContaining('earlier SEP-2663 draft') } });
    await expect(run([], { content: 'not a list' })).rejects.toMatchObject({ kind: 'protocol', message: expect.stringContaining('tools/call') });
  });
});

describe('task support in the 2026-07-28 era', () => {
  const offers = { tools: {}, extensions: { 'io.modelcontextprotocol/tasks': {} } };
  it('comes from the tasks extension in the server\'s capabilities; a tool may still forbid it', () => {
    expect(toolTaskSupport(offers, {}, 'modern')).toEqual({ support: 'optional', serverOffers: true });
    expect(toolTaskSupport(offers, { execution: { taskSupport: 'required' } }, 'modern').support).toBe('required');
    expect(toolTaskSupport(offers, { execution: { taskSupport: 'forbidden' } }, 'modern').support).toBe('forbidden');
    expect(toolTaskSupport({ tools: {} }, {}, 'modern').serverOffers).toBe(false);
    // The 2025 capability does not count in the 2026-07-28 era, nor the extension in 2025.
    expect(toolTaskSupport({ tasks: { requests: { tools: { call: {} } } } }, {}, 'modern').serverOffers).toBe(false);
    expect(toolTaskSupport(offers, { execution: { taskSupport: 'optional' } }, 'legacy').serverOffers).toBe(false);
  });

  it('is refused in words that name the extension', () => {
    expect(taskRefusal('slow', { tools: {} }, {}, 'modern')).toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('io.modelcontextprotocol/tasks') });
    expect(taskRefusal('slow', offers, {}, 'modern')).toBeUndefined();
  });
});
