import { z } from 'zod';

/** The five task states of MCP 2025-11-25 (basic/utilities/tasks). */
export const TASK_STATUSES = ['working', 'input_required', 'completed', 'failed', 'cancelled'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** One status a task was seen in (the first, then every change of status or status message). */
export const TaskStatusUpdate = z.object({
  taskId: z.string(),
  status: TaskStatus,
  statusMessage: z.string().optional(),
  /** The server's suggested poll interval, in ms, as it said it. */
  pollInterval: z.number().optional(),
  /** Wall clock when Periscope saw it, ms since the epoch. */
  at: z.number(),
});
export type TaskStatusUpdate = z.infer<typeof TaskStatusUpdate>;

/** What a tool and its server say about running it as a task. */
export type TaskSupport = 'required' | 'optional' | 'forbidden';

/**
 * Whether a tool can run as a task: the server declares `capabilities.tasks.requests.tools.call`
 * and the tool's `execution.taskSupport` is 'optional' or 'required' (absent means 'forbidden').
 * A 2026-07-28 connection never shows either: that era has tasks only as an extension (SEP-2663).
 */
export function toolTaskSupport(capabilities: Record<string, unknown> | undefined, tool: { execution?: { taskSupport?: string } } | undefined): { support: TaskSupport; serverOffers: boolean } {
  const tasks = capabilities?.tasks as { requests?: { tools?: { call?: unknown } } } | undefined;
  const serverOffers = tasks?.requests?.tools?.call !== undefined;
  const declared = tool?.execution?.taskSupport;
  const support: TaskSupport = declared === 'required' || declared === 'optional' ? declared : 'forbidden';
  return { support, serverOffers };
}
