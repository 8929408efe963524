import * as z from 'zod';

/**
 * The five task states: MCP 2025-11-25 (basic/utilities/tasks) and the 2026-07-28 tasks extension
 * (io.modelcontextprotocol/tasks, SEP-2663) define the same five.
 */
export const TASK_STATUSES = ['working', 'input_required', 'completed', 'failed', 'cancelled'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** The identifier of the 2026-07-28 tasks extension (SEP-2663), in `capabilities.extensions`. */
export const TASKS_EXTENSION = 'io.modelcontextprotocol/tasks';

/** One status a task was seen in (the first, then every change of status or status message). */
export const TaskStatusUpdate = z.object({
  taskId: z.string(),
  status: TaskStatus,
  statusMessage: z.string().optional(),
  /** The server's suggested poll interval, in ms, as it said it (2025: `pollInterval`; 2026-07-28: `pollIntervalMs`). */
  pollInterval: z.number().optional(),
  /** Wall clock when Periscope saw it, ms since the epoch. */
  at: z.number(),
});
export type TaskStatusUpdate = z.infer<typeof TaskStatusUpdate>;

/** What a tool and its server say about running it as a task. */
export type TaskSupport = 'required' | 'optional' | 'forbidden';

/**
 * Whether a tool can run as a task.
 * - 2025 era (MCP 2025-11-25): the server declares `capabilities.tasks.requests.tools.call` and the
 *   tool's `execution.taskSupport` is 'optional' or 'required' (absent means 'forbidden').
 * - 2026-07-28 era (`era: 'modern'`): the server declares the tasks extension in
 *   `capabilities.extensions["io.modelcontextprotocol/tasks"]` (its server/discover answer). The
 *   extension has no per-tool flag (the server decides per request whether to make a task), so an
 *   absent `execution.taskSupport` means 'optional'; one the server still sends is honoured.
 */
export function toolTaskSupport(
  capabilities: Record<string, unknown> | undefined,
  tool: { execution?: { taskSupport?: string } } | undefined,
  era?: 'legacy' | 'modern',
): { support: TaskSupport; serverOffers: boolean } {
  const declared = tool?.execution?.taskSupport;
  if (era === 'modern') {
    const extensions = capabilities?.extensions as Record<string, unknown> | undefined;
    const serverOffers = typeof extensions?.[TASKS_EXTENSION] === 'object' && extensions[TASKS_EXTENSION] !== null;
    return { support: declared === 'required' || declared === 'forbidden' ? declared : 'optional', serverOffers };
  }
  const tasks = capabilities?.tasks as { requests?: { tools?: { call?: unknown } } } | undefined;
  const serverOffers = tasks?.requests?.tools?.call !== undefined;
  const support: TaskSupport = declared === 'required' || declared === 'optional' ? declared : 'forbidden';
  return { support, serverOffers };
}
