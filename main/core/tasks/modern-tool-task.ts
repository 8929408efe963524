import type { TaskStatusUpdate } from '../../../shared/model/task';
import { Ack, EmbeddedRequest, knownStatus, outOfSpec, parseAnswer, StatusPayload, ToolResult, WireTask } from './modern-task-wire';
import { statusHistory } from './status-history';
import { clampPoll, sleep, TERMINAL, type ToolTaskOptions, type ToolTaskOutcome } from './tool-task';

/** What the runner needs of a 2026-07-28 connection (the real one is built in connections/modern-task-port.ts). */
export interface ModernTaskPort {
  /**
   * `tools/call` with the tasks extension declared in the request's client capabilities. Resolves
   * with the server's result as sent when it is a CreateTaskResult (`resultType: "task"` kept), or
   * the tool's plain result (the SDK has read `resultType: "complete"` off it).
   */
  call(name: string, args: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** `tasks/get`, `tasks/update` or `tasks/cancel`, also declaring the extension; the result, `resultType` read off. */
  send(method: 'tasks/get' | 'tasks/update' | 'tasks/cancel', params: Record<string, unknown>): Promise<unknown>;
  /** Answers one embedded request through the connection's handlers (the user, an option, a default). */
  answer(key: string, request: EmbeddedRequest, signal: AbortSignal): Promise<Record<string, unknown>>;
}

/** After tasks/cancel, how long the runner keeps polling for the server to say how the task ended. */
export const CANCEL_GRACE_MS = 5_000;

/**
 * Runs a tool as a task in the 2026-07-28 era, by the tasks extension (io.modelcontextprotocol/tasks,
 * SEP-2663; text followed: modelcontextprotocol/ext-tasks specification/2026-07-28/tasks.md):
 * 1. `tools/call` declaring the extension (the client's only task marker: the server alone decides
 *    whether to make a task). A plain result ends the run at once (`immediate: true`).
 * 2. A CreateTaskResult (`resultType: "task"`) seeds the status; `tasks/get` is polled at its
 *    `pollIntervalMs`, clamped to 50 ms–10 s, each change of status or message reported once.
 * 3. `input_required`: each new key of `inputRequests` is answered by `port.answer` (the same
 *    handlers as a multi-round call), and the answers go back in one `tasks/update`; keys already
 *    answered are not asked again (the server repeats them until it has read the update).
 * 4. `completed` carries the tool's `result`; `failed` carries a JSON-RPC `error` (no result).
 * 5. Aborting `signal` sends `tasks/cancel` (an ack), then polls up to CANCEL_GRACE_MS for the end
 *    the server reports; cancellation is cooperative, so a task may still complete.
 * Rejects with a PeriscopeError (`protocol`) for an answer outside the extension: a malformed task,
 * an unknown status, input_required without inputRequests, completed without result, failed
 * without error. An answer that cannot be given (sampling not configured, a rejected request)
 * sends tasks/cancel and rejects with that failure.
 */
export async function runModernToolTask(port: ModernTaskPort, name: string, args: Record<string, unknown>, opts: ToolTaskOptions = {}): Promise<ToolTaskOutcome> {
  const first = await port.call(name, args);
  if (first.resultType !== 'task') {
    return { taskId: '', status: 'completed', result: parseAnswer(ToolResult, first, 'answer to tools/call'), history: [], immediate: true };
  }
  const { history, seen: record } = statusHistory(opts.onStatus);
  const seen = (task: WireTask): TaskStatusUpdate => record(toUpdate(task));
  const created = parseAnswer(WireTask, first, 'CreateTaskResult (its answer to tools/call)');
  const taskId = created.taskId;
  const get = async () => {
    const answer = await port.send('tasks/get', { taskId });
    const task = parseAnswer(WireTask, answer, 'answer to tasks/get');
    if (task.taskId !== taskId) throw outOfSpec(`The server answered tasks/get for task ${taskId} with another task, ${task.taskId.slice(0, 100)}.`);
    return { task, payload: parseAnswer(StatusPayload, answer, 'answer to tasks/get') };
  };
  const answered = new Set<string>();
  let current = seen(created);
  let latest: Awaited<ReturnType<typeof get>> | undefined;
  let cancelledAt: number | undefined;

  for (;;) {
    if (latest && TERMINAL.has(current.status)) break;
    if (opts.signal?.aborted && cancelledAt === undefined) {
      parseAnswer(Ack, await port.send('tasks/cancel', { taskId }), 'answer to tasks/cancel');
      cancelledAt = Date.now();
    }
    if (cancelledAt !== undefined && Date.now() - cancelledAt > CANCEL_GRACE_MS) break;
    // A CreateTaskResult carries no result or error: a terminal seed is read with tasks/get at once.
    if (latest || !TERMINAL.has(current.status)) await sleep(clampPoll(current.pollInterval), cancelledAt === undefined ? opts.signal : undefined);
    if (opts.signal?.aborted && cancelledAt === undefined) continue;
    // A server may forget a task once asked to cancel it (tasks/get then fails): the task is over.
    latest = cancelledAt === undefined ? await get() : await get().catch(() => undefined);
    if (!latest) break;
    current = seen(latest.task);
    if (current.status === 'input_required' && cancelledAt === undefined) {
      await answerInputs(port, taskId, latest.payload.inputRequests, answered, opts.signal);
    }
  }

  if (!latest || !TERMINAL.has(current.status)) return { taskId, status: 'cancelled', history };
  if (current.status === 'completed') {
    if (!latest.payload.result) throw outOfSpec(`The server said task ${taskId} completed but gave no result (a completed task MUST carry the tool's result).`);
    return { taskId, status: 'completed', result: parseAnswer(ToolResult, latest.payload.result, "completed task's result"), history };
  }
  if (current.status === 'failed') {
    const error = latest.payload.error;
    if (!error) throw outOfSpec(`The server said task ${taskId} failed but gave no error (a failed task MUST carry the JSON-RPC error).`);
    return { taskId, status: 'failed', error: { code: error.code, message: error.message, ...(error.data !== undefined ? { data: error.data } : {}) }, history };
  }
  return { taskId, status: 'cancelled', history };
}

/**
 * Answers the keys of `inputRequests` not answered yet and sends them in one tasks/update. An
 * answer that cannot be given sends tasks/cancel (best effort) and rethrows; one withdrawn because
 * the run was cancelled just returns (the loop then cancels).
 */
async function answerInputs(port: ModernTaskPort, taskId: string, inputRequests: Record<string, unknown> | undefined, answered: Set<string>, signal?: AbortSignal): Promise<void> {
  if (!inputRequests || Object.keys(inputRequests).length === 0) {
    throw outOfSpec(`The server said task ${taskId} needs input but listed no inputRequests (an input_required task MUST carry every outstanding request).`);
  }
  const fresh = Object.entries(inputRequests).filter(([key]) => !answered.has(key));
  if (fresh.length === 0) return;
  const requests = fresh.map(([key, value]) => [key, parseAnswer(EmbeddedRequest, value, `input request "${key.slice(0, 100)}" of task ${taskId}`)] as const);
  const inputResponses: Record<string, unknown> = {};
  const asking = new AbortController();
  const stop = () => asking.abort(signal?.reason);
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for (const [key, request] of requests) inputResponses[key] = await port.answer(key, request, asking.signal);
  } catch (error) {
    if (signal?.aborted) return;
    await port.send('tasks/cancel', { taskId }).catch(() => undefined);
    throw error;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  parseAnswer(Ack, await port.send('tasks/update', { taskId, inputResponses }), 'answer to tasks/update');
  for (const [key] of requests) answered.add(key);
}

function toUpdate(task: WireTask): TaskStatusUpdate {
  return {
    taskId: task.taskId,
    status: knownStatus(task.status),
    ...(task.statusMessage !== undefined ? { statusMessage: task.statusMessage } : {}),
    ...(task.pollIntervalMs !== undefined ? { pollInterval: task.pollIntervalMs } : {}),
    at: Date.now(),
  };
}
