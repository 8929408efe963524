import { describe, expect, it, vi } from 'vitest';
import { clampPoll, POLL_CEILING_MS, POLL_FLOOR_MS, runToolTask, TASK_HISTORY_CAP, type TaskSend } from '../../../main/core/tasks/tool-task';
import { taskRefusal, toolTaskSupport } from '../../../main/core/tasks/task-support';

/** A scripted server: each tasks/get answers the next status; records every request. */
function scripted(statuses: Array<{ status: string; statusMessage?: string }>) {
  const sent: Array<{ method: string; params: Record<string, unknown> }> = [];
  let i = 0;
  const send: TaskSend = async (method, params, schema) => {
    sent.push({ method, params });
    const answer =
      method === 'tools/call'
        ? { task: { taskId: 't1', status: 'working', pollInterval: 0 } }
        : method === 'tasks/result'
          ? { content: [{ type: 'text', text: 'done' }] }
          : method === 'tasks/cancel'
            ? { taskId: 't1', status: 'cancelled' }
            : { taskId: 't1', pollInterval: 0, ...statuses[Math.min(i++, statuses.length - 1)] };
    return schema.parse(answer);
  };
  return { send, sent };
}

describe('running a tool as a task', () => {
  it('polls tasks/get until a terminal status, reports each change once, then fetches tasks/result', async () => {
    const { send, sent } = scripted([{ status: 'working' }, { status: 'working', statusMessage: 'half' }, { status: 'working', statusMessage: 'half' }, { status: 'completed' }]);
    const seen: string[] = [];
    const outcome = await runToolTask(send, 'slow', { n: 1 }, { onStatus: (u) => seen.push(`${u.status}:${u.statusMessage ?? ''}`), ttlMs: 1000 });
    expect(sent[0]).toEqual({ method: 'tools/call', params: { name: 'slow', arguments: { n: 1 }, task: { ttl: 1000 } } });
    expect(seen).toEqual(['working:', 'working:half', 'completed:']);
    expect(outcome).toMatchObject({ taskId: 't1', status: 'completed', result: { content: [{ type: 'text', text: 'done' }] } });
    expect(sent.at(-1)?.method).toBe('tasks/result');
  });

  it('on input_required asks tasks/result (which relays the server\'s requests), then reads the status again', async () => {
    const { send, sent } = scripted([{ status: 'input_required' }, { status: 'completed' }]);
    await runToolTask(send, 'ask', {});
    expect(sent.map((s) => s.method)).toEqual(['tools/call', 'tasks/get', 'tasks/result', 'tasks/get', 'tasks/result']);
  });

  it('an aborted signal sends tasks/cancel and ends without a result', async () => {
    const { send, sent } = scripted([{ status: 'working' }]);
    const controller = new AbortController();
    controller.abort();
    const outcome = await runToolTask(send, 'slow', {}, { signal: controller.signal });
    expect(outcome).toMatchObject({ status: 'cancelled' });
    expect(outcome.result).toBeUndefined();
    expect(sent.map((s) => s.method)).toEqual(['tools/call', 'tasks/cancel']);
  });

  it('refuses a status the spec does not define, naming it', async () => {
    const { send } = scripted([{ status: 'sleeping' }]);
    await expect(runToolTask(send, 'odd', {})).rejects.toMatchObject({ kind: 'protocol', message: expect.stringContaining('"sleeping"') });
  });

  it('keeps a bounded history when the status message changes forever', async () => {
    const flips = Array.from({ length: TASK_HISTORY_CAP * 2 }, (_, n) => ({ status: 'working', statusMessage: `m${n}` }));
    const { send } = scripted([...flips, { status: 'completed' }]);
    vi.useFakeTimers();
    const running = runToolTask(send, 'chatty', {});
    await vi.runAllTimersAsync();
    const outcome = await running;
    vi.useRealTimers();
    expect(outcome.history.length).toBeLessThanOrEqual(TASK_HISTORY_CAP);
    expect(outcome.history[0].status).toBe('working');
    expect(outcome.history.at(-1)?.status).toBe('completed');
  });

  it('clamps the poll interval the server suggests', () => {
    expect(clampPoll(0)).toBe(POLL_FLOOR_MS);
    expect(clampPoll(1e12)).toBe(POLL_CEILING_MS);
    expect(clampPoll(Number.NaN)).toBe(1000);
    expect(clampPoll(250)).toBe(250);
  });

  it('tells whether a tool may run as a task from the server capability and the tool\'s execution.taskSupport', () => {
    const caps = { tasks: { requests: { tools: { call: {} } } } };
    expect(toolTaskSupport(caps, { execution: { taskSupport: 'optional' } })).toEqual({ support: 'optional', serverOffers: true });
    expect(toolTaskSupport({}, { execution: { taskSupport: 'required' } })).toEqual({ support: 'required', serverOffers: false });
    expect(toolTaskSupport(caps, {}).support).toBe('forbidden');
    expect(taskRefusal('x', caps, { execution: { taskSupport: 'optional' } })).toBeUndefined();
    expect(taskRefusal('x', caps, {})?.kind).toBe('invalid-input');
  });
});
