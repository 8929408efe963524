import * as z from 'zod';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { statusHistory, TASK_HISTORY_CAP } from './status-history';

import { TASK_STATUSES, type TaskStatus, type TaskStatusUpdate } from '../../../shared/model/task';

export { TASK_STATUSES, type TaskStatus, type TaskStatusUpdate };
export const TERMINAL: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled']);

const Task = z.looseObject({
  taskId: z.string().min(1).max(1000),
  status: z.string(),
  statusMessage: z.string().optional(),
  pollInterval: z.number().optional(),
  ttl: z.number().nullable().optional(),
});
const CreateTaskResult = z.looseObject({ task: Task });
const CallToolResult = z.looseObject({ content: z.array(z.unknown()).optional(), isError: z.boolean().optional() });
const Anything = z.looseObject({});

export interface ToolTaskOutcome {
  taskId: string;
  status: TaskStatus;
  /** The tool's result (2025: tasks/result; 2026-07-28: the completed task's `result`); none when cancelled. */
  result?: Record<string, unknown>;
  history: TaskStatusUpdate[];
  /**
   * 2026-07-28 only: the server answered the tools/call with the tool's result at once, without
   * making a task (the extension lets it choose); `taskId` is then '' and `history` empty.
   */
  immediate?: boolean;
  /** 2026-07-28 only: the JSON-RPC error a `failed` task carries (that era's failed tasks have no result). */
  error?: { code: number; message: string; data?: unknown };
}

/** Sends one request of the connection (its timeouts, error classification and redaction apply). */
export type TaskSend = <T>(method: string, params: Record<string, unknown>, schema: z.ZodType<T>) => Promise<T>;

export interface ToolTaskOptions {
  onStatus?: (update: TaskStatusUpdate) => void;
  /** Aborting it sends tasks/cancel; the outcome then ends 'cancelled' (or as the server says). */
  signal?: AbortSignal;
  /** How long the server should keep the task and its result, in ms (the request's `task.ttl`). */
  ttlMs?: number;
}

/** Polls no faster than 50 ms and no slower than 10 s, whatever the server suggests. */
export const POLL_FLOOR_MS = 50;
export const POLL_CEILING_MS = 10_000;
const DEFAULT_POLL_MS = 1000;
export { TASK_HISTORY_CAP };

/**
 * Runs a tool as a task (MCP 2025-11-25 basic/utilities/tasks, task-augmented `tools/call`):
 * sends `tools/call` with `task: { ttl }`, then polls `tasks/get` at the server's `pollInterval`
 * (clamped to 50 ms–10 s), reporting each change of status or status message; on
 * `input_required` it asks `tasks/result`, which carries the server's requests (answered by the
 * connection's handlers) and ends when the task does. A completed or failed task's result comes
 * from `tasks/result`. Aborting `signal` sends `tasks/cancel`. Rejects with a PeriscopeError
 * (`protocol`) when the server answers outside the spec (no task, an unknown status).
 */
export async function runToolTask(send: TaskSend, name: string, args: Record<string, unknown>, opts: ToolTaskOptions = {}): Promise<ToolTaskOutcome> {
  const { history, seen: record } = statusHistory(opts.onStatus);
  const seen = (task: z.infer<typeof Task>): TaskStatusUpdate => record(toUpdate(task));
  const created = await send('tools/call', { name, arguments: args, task: { ttl: opts.ttlMs ?? 300_000 } }, CreateTaskResult);
  const taskId = created.task.taskId;
  let current = seen(created.task);
  let cancelSent = false;
  while (!TERMINAL.has(current.status)) {
    if (opts.signal?.aborted && !cancelSent) {
      cancelSent = true;
      current = seen(await send('tasks/cancel', { taskId }, Task));
      continue;
    }
    if (current.status === 'input_required') {
      // tasks/result relays the server's input requests and returns once the task is done.
      await send('tasks/result', { taskId }, Anything);
    } else {
      await sleep(clampPoll(current.pollInterval), opts.signal);
      if (opts.signal?.aborted) continue;
    }
    current = seen(await send('tasks/get', { taskId }, Task));
  }
  const result = current.status === 'cancelled' ? undefined : await send('tasks/result', { taskId }, CallToolResult);
  return { taskId, status: current.status, history, ...(result ? { result } : {}) };
}

function toUpdate(task: z.infer<typeof Task>): TaskStatusUpdate {
  if (!(TASK_STATUSES as readonly string[]).includes(task.status)) {
    throw new PeriscopeError({
      kind: 'protocol',
      message: `The server reported task status "${task.status.slice(0, 100)}", which MCP 2025-11-25 does not define.`,
      hint: `A task is one of ${TASK_STATUSES.join(', ')}; this is the server's bug to fix.`,
    });
  }
  return {
    taskId: task.taskId,
    status: task.status as TaskStatus,
    ...(task.statusMessage !== undefined ? { statusMessage: task.statusMessage } : {}),
    ...(task.pollInterval !== undefined ? { pollInterval: task.pollInterval } : {}),
    at: Date.now(),
  };
}

/** The wait before the next tasks/get, in ms. */
export function clampPoll(suggested: number | undefined): number {
  if (suggested === undefined || !Number.isFinite(suggested)) return DEFAULT_POLL_MS;
  return Math.min(POLL_CEILING_MS, Math.max(POLL_FLOOR_MS, suggested));
}

/** Waits `ms`, or less when `signal` aborts first; never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
