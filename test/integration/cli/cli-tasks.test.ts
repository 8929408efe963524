import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { startStreamableFixture, type StreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { createTaskFixtureServer } from '../../fixtures/sdk-servers/v1-task-server';
import { startModernTaskServer, type ModernTaskServer } from '../../fixtures/sdk-servers/modern-task-server';
import { buildCli, periscope } from './support/bundled-cli';

/**
 * `periscope call --task`, run as the bundled binary: the tool runs as an MCP 2025-11-25 task on
 * a 1.x SDK server (the 2.x SDK has no task runtime), and as a 2026-07-28 task (the tasks
 * extension, SEP-2663) on a hand-built server; its status changes on stderr, its result on
 * stdout, the history in --json, tasks/cancel on SIGTERM; refused plainly where tasks are not
 * offered (the playground, in either era).
 */
let tasks: StreamableFixture;
let modern: ModernTaskServer;
let playground: RunningPlayground;

beforeAll(async () => {
  await buildCli();
  [tasks, modern, playground] = await Promise.all([startStreamableFixture(createTaskFixtureServer), startModernTaskServer(), startPlayground({ port: 0 })]);
}, 60_000);
afterAll(async () => {
  await Promise.all([tasks?.close(), modern?.close(), playground?.close()]);
});

interface TaskJson {
  result: { content: Array<{ text: string }>; isError?: boolean } | null;
  task: { taskId: string; status: string };
  history: Array<{ taskId: string; status: string; statusMessage?: string; pollInterval?: number; at: number }>;
}

describe('call --task', () => {
  it('prints each status change on stderr and the result on stdout', async () => {
    // Each step lasts six poll intervals, so a loaded machine cannot poll past one unseen.
    const run = await periscope(['call', tasks.url, 'slow_report', 'steps=3', 'stepMs=300', '--task']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^task [0-9a-f]+: working \(server suggests polling every 50 ms\)$/m);
    expect(run.stderr).toMatch(/^task [0-9a-f]+: working, step 1 of 3 /m);
    expect(run.stderr).toMatch(/^task [0-9a-f]+: completed, step 3 of 3 /m);
    expect(run.stdout.trim()).toBe('report of 3 steps ready');
  });

  it('--json gives the result, the task and its status history', async () => {
    const run = await periscope(['call', tasks.url, 'slow_report', 'steps=2', 'stepMs=60', '--task', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as TaskJson;
    expect(out.task.status).toBe('completed');
    expect(out.result?.content[0].text).toBe('report of 2 steps ready');
    expect(out.history[0]).toMatchObject({ taskId: out.task.taskId, status: 'working', pollInterval: 50 });
    expect(out.history.at(-1)).toMatchObject({ status: 'completed', statusMessage: 'step 2 of 2' });
    expect(out.history.map((h) => h.at)).toEqual([...out.history.map((h) => h.at)].sort((a, b) => a - b));
  });

  it('a failed task prints its error result and exits 37 (tool-error)', async () => {
    const run = await periscope(['call', tasks.url, 'slow_report', 'steps=1', 'stepMs=10', 'fail=true', '--task']);
    expect(run.code).toBe(37);
    expect(run.stderr).toMatch(/^task [0-9a-f]+: failed/m);
    expect(run.stdout).toContain('the report could not be built');
  });

  it('SIGTERM sends tasks/cancel: the task ends cancelled and the command exits 41', async () => {
    // Any step seen will do: under load a 50 ms poll can miss a 100 ms step (and waiting for step 1 alone then never stopped the command).
    const run = await periscope(['call', tasks.url, 'slow_report', 'steps=50', 'stepMs=100', '--task', '--json'], { stopWhen: ({ stderr }) => /step \d+ of 50/.test(stderr) });
    expect(run.code).toBe(41);
    expect(run.stderr).toContain('cancelling the task of slow_report (tasks/cancel)...');
    expect(run.stderr).toMatch(/^error: The task [0-9a-f]+ of slow_report was cancelled \(Ctrl-C; tasks\/cancel sent\)\.$/m);
    const out = JSON.parse(run.stdout) as { error: { kind: string; detail: { status: string; history: TaskJson['history'] } } };
    expect(out.error).toMatchObject({ kind: 'cancelled', detail: { status: 'cancelled' } });
    expect(out.error.detail.history.map((h) => h.status)).toEqual(expect.arrayContaining(['working', 'cancelled']));
    // The last status is the server's own answer to tasks/cancel.
    expect(out.error.detail.history.at(-1)?.status).toBe('cancelled');
  });

  it('refuses, before calling, a tool without task support and a server without tasks in either era (exit 11)', async () => {
    const quick = await periscope(['call', tasks.url, 'quick', '--task']);
    expect(quick.code).toBe(11);
    expect(quick.stderr).toMatch(/^error: The tool quick does not run as a task/m);
    const noTasks = await periscope(['call', playground.urls.streamable, 'echo', 'message=x', '--task', '--protocol-era', 'legacy']);
    expect(noTasks.code).toBe(11);
    expect(noTasks.stderr).toMatch(/^error: This server does not run tools as tasks/m);
    const noExtension = await periscope(['call', playground.urls.streamable, 'echo', 'message=x', '--task']);
    expect(noExtension.code).toBe(11);
    expect(noExtension.stderr).toMatch(/^error: This server does not run tools as tasks \(its server\/discover capabilities have no extensions\["io\.modelcontextprotocol\/tasks"\]/m);
  });
});

describe('call --task in the 2026-07-28 era (tasks extension, SEP-2663)', () => {
  it('prints each status change on stderr and the completed task\'s result on stdout', async () => {
    const run = await periscope(['call', modern.url, 'slow_report', 'steps=3', '--task']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^task [0-9a-f-]+: working, started \(server suggests polling every 50 ms\)$/m);
    expect(run.stderr).toMatch(/^task [0-9a-f-]+: working, step 2 of 3 /m);
    expect(run.stderr).toMatch(/^task [0-9a-f-]+: completed, step 3 of 3 /m);
    expect(run.stdout.trim()).toBe('report of 3 steps ready');
  });

  it('--json gives the result, the task and its history; input_required is answered as --elicitation says', async () => {
    const run = await periscope(['call', modern.url, 'ask_name', '--task', '--json', '--elicitation', 'decline']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as TaskJson;
    expect(out.task.status).toBe('completed');
    expect(out.result?.content[0].text).toBe('No name given.');
    expect(out.history.map((h) => h.status)).toEqual(['working', 'input_required', 'completed']);
    expect(out.history[1]).toMatchObject({ taskId: out.task.taskId, statusMessage: 'waiting for a name', pollInterval: 50 });
    const update = modern.requests.find((r) => r.body?.method === 'tasks/update' && r.body.params?.taskId === out.task.taskId);
    expect(update?.body?.params?.inputResponses).toEqual({ 'name-1': { action: 'decline' } });
  });

  it('a sampling request inside the task: answered by --sampling reply:TEXT; without it, the task is cancelled and the command says why', async () => {
    const replied = await periscope(['call', modern.url, 'ask_model', '--task', '--sampling', 'reply:pong']);
    expect(replied.code, replied.stderr).toBe(0);
    expect(replied.stdout.trim()).toBe('Model said: pong');
    const refused = await periscope(['call', modern.url, 'ask_model', '--task', '--json']);
    expect(refused.code).toBe(11);
    const out = JSON.parse(refused.stdout) as { error: { kind: string; message: string } };
    expect(out.error.message).toMatch(/sampling/i);
    const lastTask = [...modern.tasks.values()].filter((t) => t.tool === 'ask_model').at(-1)!;
    expect(lastTask.cancelRequested).toBe(true);
  });

  it('a server that answers without a task: the result on stdout, a note on stderr, task null in --json', async () => {
    const run = await periscope(['call', modern.url, 'quick', '--task', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('quick: the server answered at once, without making a task');
    expect(JSON.parse(run.stdout)).toEqual({ result: { content: [{ type: 'text', text: 'quick answer, no task' }] }, task: null, history: [] });
  });

  it('a failed task exits with its JSON-RPC error, as a plain call answered with it would (33)', async () => {
    const run = await periscope(['call', modern.url, 'broken', '--task']);
    expect(run.code).toBe(33);
    expect(run.stderr).toMatch(/^task [0-9a-f-]+: failed, gave up/m);
    expect(run.stderr).toMatch(/^error: The task [0-9a-f-]+ of broken failed: .*the report could not be built/m);
  });

  it('SIGTERM sends tasks/cancel: the task ends cancelled and the command exits 41', async () => {
    // Tick 2 or any later one: a poll can miss one tick.
    const run = await periscope(['call', modern.url, 'forever', '--task', '--json'], { stopWhen: ({ stderr }) => /tick (?:[2-9]|\d{2,})\b/.test(stderr) });
    expect(run.code).toBe(41);
    expect(run.stderr).toContain('cancelling the task of forever (tasks/cancel)...');
    const out = JSON.parse(run.stdout) as { error: { kind: string; detail: { taskId: string; status: string; history: TaskJson['history'] } } };
    expect(out.error).toMatchObject({ kind: 'cancelled', detail: { status: 'cancelled' } });
    expect(out.error.detail.history.at(-1)).toMatchObject({ status: 'cancelled', statusMessage: 'cancelled by the client' });
    const cancel = modern.requests.find((r) => r.body?.method === 'tasks/cancel' && r.body.params?.taskId === out.error.detail.taskId);
    expect(cancel?.headers['mcp-name']).toBe(out.error.detail.taskId);
  });
});
