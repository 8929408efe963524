import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MainEvent, ToolCallOutcome } from '../../../shared/ipc/contract';
import { startPlayground } from '../../../main/core/playground/playground-server';
import { startStreamableFixture, type StreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { createTaskFixtureServer } from '../../fixtures/sdk-servers/v1-task-server';
import { startTestCore, type TestCore } from '../hostile/app-core-support';

/**
 * Tools run as tasks through the app core and the contract's validation: a 1.x SDK server with
 * MCP 2025-11-25 tasks (the 2.x SDK has no task runtime), each status change a 'task-status'
 * event, the outcome's history, cancel as tasks/cancel; refused where tasks are not offered.
 * The 2026-07-28 era's tasks (the extension) are in modern-tool-tasks.test.ts.
 */
let test: TestCore;
let fixture: StreamableFixture;
let playground: Awaited<ReturnType<typeof startPlayground>>;

beforeAll(async () => {
  test = await startTestCore();
  fixture = await startStreamableFixture(createTaskFixtureServer);
  playground = await startPlayground();
});
afterAll(async () => {
  await test?.close();
  await fixture?.close();
  await playground?.close();
});

type Answer<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };

let remotes = 0;
async function connect(url: string, era?: 'legacy' | 'modern'): Promise<string> {
  const { remote } = await test.core.remotes.create({ name: `tasks ${++remotes}`, transport: 'streamable', url, headers: [], ...(era ? { protocolEra: era } : {}) });
  const opened = (await test.call('connections:open', { remoteId: remote.id })) as Answer<{ connectionId: string }>;
  return (opened as { value: { connectionId: string } }).value.connectionId;
}
const statuses = (callId: string) =>
  test.events.filter((e): e is Extract<MainEvent, { type: 'task-status' }> => e.type === 'task-status' && e.callId === callId).map((e) => `${e.update.status}${e.update.statusMessage ? `:${e.update.statusMessage}` : ''}`);

describe('tools run as tasks', () => {
  it('reports each status as an event and ends with the result and the history', async () => {
    const connectionId = await connect(fixture.url);
    const called = (await test.call('connections:call-tool', { connectionId, name: 'slow_report', argumentsJson: '{"steps":2,"stepMs":60}', callId: 'task-1', asTask: true })) as Answer<ToolCallOutcome>;
    expect(called).toMatchObject({ ok: true, value: { result: { content: [{ type: 'text', text: 'report of 2 steps ready' }] }, task: { status: 'completed' } } });
    const outcome = (called as { value: ToolCallOutcome }).value;
    expect(outcome.task?.history[0]).toMatchObject({ status: 'working', pollInterval: 50 });
    expect(outcome.task?.history.at(-1)).toMatchObject({ status: 'completed', statusMessage: 'step 2 of 2' });
    expect(statuses('task-1')[0]).toBe('working');
    expect(statuses('task-1').at(-1)).toBe('completed:step 2 of 2');
  });

  it('cancel sends tasks/cancel and the call ends as cancelled', async () => {
    const connectionId = await connect(fixture.url);
    const calling = test.call('connections:call-tool', { connectionId, name: 'slow_report', argumentsJson: '{"steps":50,"stepMs":100}', callId: 'task-2', asTask: true });
    const deadline = Date.now() + 5000;
    // Any step: a poll can miss one (see cli-tasks.test.ts).
    while (!statuses('task-2').some((s) => /step \d+ of 50/.test(s)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await test.call('connections:cancel-call', { connectionId, callId: 'task-2' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await calling).toMatchObject({ ok: false, error: { kind: 'cancelled', message: expect.stringContaining('(tasks/cancel sent)') } });
    expect(statuses('task-2').at(-1)).toMatch(/^cancelled/);
  });

  it('is refused for a listed tool without task support, and a server without tasks in either era', async () => {
    const withTasks = await connect(fixture.url);
    await test.call('connections:list-tools', { connectionId: withTasks });
    expect(await test.call('connections:call-tool', { connectionId: withTasks, name: 'quick', argumentsJson: '{}', asTask: true })).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('quick does not run as a task') } });
    const legacy = await connect(playground.urls.streamable, 'legacy');
    expect(await test.call('connections:call-tool', { connectionId: legacy, name: 'echo', argumentsJson: '{"message":"x"}', asTask: true })).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('does not run tools as tasks') } });
    const connectionId = await connect(playground.urls.streamable, 'modern');
    // The playground does not declare the 2026-07-28 tasks extension (SEP-2663).
    expect(await test.call('connections:call-tool', { connectionId, name: 'echo', argumentsJson: '{"message":"x"}', asTask: true })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input', message: expect.stringContaining('io.modelcontextprotocol/tasks') },
    });
  });
});
