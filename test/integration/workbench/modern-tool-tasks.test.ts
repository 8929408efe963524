import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MainEvent, ToolCallOutcome } from '../../../shared/ipc/contract';
import type { PendingServerRequest } from '../../../shared/model/server-request';
import { startModernTaskServer, TASKS_EXTENSION, type ModernTaskServer } from '../../fixtures/sdk-servers/modern-task-server';
import { startTestCore, type TestCore } from '../hostile/app-core-support';

/**
 * Tools run as tasks in the 2026-07-28 era (the tasks extension, SEP-2663) through the app core and
 * the contract, against a hand-built server that speaks the extension: status events, the result
 * of a completed task, input_required answered in the Requests section and sent with
 * tasks/update, Cancel as tasks/cancel, a failed task's JSON-RPC error, a server that answers
 * without a task, and one that makes up a status.
 */
let test: TestCore;
let server: ModernTaskServer;

beforeAll(async () => {
  test = await startTestCore();
  server = await startModernTaskServer();
});
afterAll(async () => {
  await test?.close();
  await server?.close();
});

type Answer<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string; detail?: unknown } };

let remotes = 0;
async function connect(): Promise<string> {
  const { remote } = await test.core.remotes.create({ name: `modern tasks ${++remotes}`, transport: 'streamable', url: server.url, headers: [], protocolEra: 'modern' });
  const opened = (await test.call('connections:open', { remoteId: remote.id })) as Answer<{ connectionId: string; era?: string; capabilities?: Record<string, unknown> }>;
  expect(opened).toMatchObject({ ok: true, value: { era: 'modern', capabilities: { extensions: { [TASKS_EXTENSION]: {} } } } });
  return (opened as { value: { connectionId: string } }).value.connectionId;
}
const callAsTask = (connectionId: string, name: string, callId: string, args: Record<string, unknown> = {}) =>
  test.call('connections:call-tool', { connectionId, name, argumentsJson: JSON.stringify(args), callId, asTask: true }) as Promise<Answer<ToolCallOutcome>>;
const statuses = (callId: string) =>
  test.events.filter((e): e is Extract<MainEvent, { type: 'task-status' }> => e.type === 'task-status' && e.callId === callId).map((e) => `${e.update.status}${e.update.statusMessage ? `:${e.update.statusMessage}` : ''}`);
async function until<T>(find: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 8000;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`waited 8 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const sent = (method: string) => server.requests.filter((r) => r.body?.method === method);

describe('tools run as tasks in the 2026-07-28 era', () => {
  it('declares the extension, polls tasks/get with Mcp-Name, reports each status and ends with the result and the history', async () => {
    const connectionId = await connect();
    const called = await callAsTask(connectionId, 'slow_report', 'm-1', { steps: 3 });
    expect(called).toMatchObject({ ok: true, value: { result: { content: [{ type: 'text', text: 'report of 3 steps ready' }] }, task: { status: 'completed' } } });
    const outcome = (called as { value: ToolCallOutcome }).value;
    expect(outcome.task?.history.map((h) => `${h.status}:${h.statusMessage}`)).toEqual(['working:started', 'working:step 1 of 3', 'working:step 2 of 3', 'completed:step 3 of 3']);
    expect(outcome.task?.history[0]).toMatchObject({ pollInterval: 50 });
    expect(statuses('m-1')).toEqual(['working:started', 'working:step 1 of 3', 'working:step 2 of 3', 'completed:step 3 of 3']);
    const call = sent('tools/call').at(-1)!;
    expect(call.body?.params?._meta?.['io.modelcontextprotocol/clientCapabilities']).toMatchObject({ extensions: { [TASKS_EXTENSION]: {} }, elicitation: {} });
    const gets = sent('tasks/get').filter((r) => r.body?.params?.taskId === outcome.task?.taskId);
    expect(gets).toHaveLength(3);
    for (const get of gets) expect(get.headers).toMatchObject({ 'mcp-method': 'tasks/get', 'mcp-name': outcome.task?.taskId });
  });

  it('input_required waits in the Requests section; the answer goes back with tasks/update', async () => {
    const connectionId = await connect();
    const before = test.events.length;
    const calling = callAsTask(connectionId, 'ask_name', 'm-2');
    const pending = await until(
      () => test.events.slice(before).find((e): e is Extract<MainEvent, { type: 'server-request' }> => e.type === 'server-request' && e.request.connectionId === connectionId)?.request,
      'the question',
    );
    expect(pending).toMatchObject({ method: 'elicitation/create', era: 'modern', params: { message: 'Whom should I greet?' } });
    expect(pending.round).toMatchObject({ method: 'tools/call', name: 'ask_name', key: 'name-1', round: 1, taskId: expect.any(String) });
    await test.call('server-requests:answer', { connectionId, requestId: (pending as PendingServerRequest).id, answer: { action: 'accept', content: { name: 'Ada' } } });
    expect(await calling).toMatchObject({ ok: true, value: { result: { content: [{ text: 'Hello, Ada!' }] }, task: { status: 'completed' } } });
    expect(statuses('m-2')).toEqual(['working:started', 'input_required:waiting for a name', 'completed:greeted']);
    const update = sent('tasks/update').at(-1)!;
    expect(update.body?.params).toMatchObject({ inputResponses: { 'name-1': { action: 'accept', content: { name: 'Ada' } } } });
    expect(update.headers['mcp-name']).toBe(update.body?.params?.taskId);
  });

  it('Cancel sends tasks/cancel and the call ends cancelled, as the server then says', async () => {
    const connectionId = await connect();
    const calling = callAsTask(connectionId, 'forever', 'm-3');
    // Tick 2 or any later one: a poll can miss one tick.
    await until(() => (statuses('m-3').some((s) => /tick (?:[2-9]|\d{2,})\b/.test(s)) ? true : undefined), 'two ticks');
    expect(await test.call('connections:cancel-call', { connectionId, callId: 'm-3' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await calling).toMatchObject({ ok: false, error: { kind: 'cancelled', message: expect.stringContaining('(tasks/cancel sent)') } });
    expect(statuses('m-3').at(-1)).toBe('cancelled:cancelled by the client');
    expect(sent('tasks/cancel').at(-1)?.headers['mcp-name']).toBe(sent('tasks/cancel').at(-1)?.body?.params?.taskId);
  });

  it('a failed task ends with its JSON-RPC error, its history in the detail', async () => {
    const connectionId = await connect();
    const outcome = await callAsTask(connectionId, 'broken', 'm-4');
    expect(outcome).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^The task \S+ of broken failed: .*the report could not be built/), detail: { status: 'failed', error: { code: -32603 } } },
    });
    expect(statuses('m-4').at(-1)).toBe('failed:gave up');
  });

  it('a server that answers at once gives a plain result, without a task', async () => {
    const connectionId = await connect();
    const outcome = await callAsTask(connectionId, 'quick', 'm-5');
    expect(outcome).toMatchObject({ ok: true, value: { result: { content: [{ text: 'quick answer, no task' }] } } });
    expect((outcome as { value: ToolCallOutcome }).value.task).toBeUndefined();
    expect(statuses('m-5')).toEqual([]);
  });

  it('a status the extension does not define is a protocol error; a plain call of a task-only tool gets the server\'s -32021', async () => {
    const connectionId = await connect();
    expect(await callAsTask(connectionId, 'bad_status', 'm-6')).toMatchObject({ ok: false, error: { kind: 'protocol', message: expect.stringContaining('"sleeping"') } });
    const plain = await test.call('connections:call-tool', { connectionId, name: 'slow_report', argumentsJson: '{}' });
    expect(plain).toMatchObject({ ok: false });
    expect(sent('tools/call').at(-1)?.body?.params?._meta?.['io.modelcontextprotocol/clientCapabilities']).not.toHaveProperty(['extensions', TASKS_EXTENSION]);
  });
});
