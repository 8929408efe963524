import type { ConnectionInfo } from '../../../shared/model';
import { PeriscopeError } from '../../core/diagnostics/periscope-error';
import type { McpConnection } from '../../core/connections/mcp-connection';
import { taskRefusal } from '../../core/tasks/task-support';
import type { TaskStatusUpdate } from '../../core/tasks/tool-task';
import type { CommandContext } from '../command-context';
import type { ToolResultLike } from '../format/content';
import type { ToolLike } from '../format/listings';

/**
 * `periscope call ... --task`: runs the tool as a task (MCP 2025-11-25 tasks, or in the 2026-07-28
 * era the tasks extension, SEP-2663) and prints each status change on stderr
 * (`task <id>: working, step 2 of 3 (polling every 100 ms)`); Ctrl-C sends tasks/cancel. Resolves
 * with the tool's result for the caller to print like any call's; with --json, stdout gets
 * `{ result, task: { taskId, status }, history }` (`task: null` when a 2026-07-28 server answered
 * at once, without a task). A cancelled task ends with the `cancelled` error (exit 41), its
 * history in the error's detail; a failed 2026-07-28 task, with its JSON-RPC error.
 */
export async function callAsTask(
  cctx: CommandContext,
  connection: McpConnection,
  info: ConnectionInfo,
  tool: ToolLike,
  args: Record<string, unknown>,
  interrupted: AbortSignal,
): Promise<ToolResultLike> {
  const refusal = taskRefusal(tool.name, info.capabilities, tool as { execution?: { taskSupport?: string } }, info.era === 'modern' ? 'modern' : 'legacy');
  if (refusal) throw refusal;
  const onAbort = () => cctx.out.note(`cancelling the task of ${tool.name} (tasks/cancel)...`);
  interrupted.addEventListener('abort', onAbort, { once: true });
  try {
    const outcome = await connection.callToolAsTask(tool.name, args, { signal: interrupted, onStatus: (update) => cctx.out.note(formatTaskStatus(update)) });
    if (outcome.status === 'cancelled') {
      // The error is the command's one output (with --json, its detail holds the history).
      throw new PeriscopeError({
        kind: 'cancelled',
        message: `The task ${outcome.taskId} of ${tool.name} was cancelled${interrupted.aborted ? ' (Ctrl-C; tasks/cancel sent)' : ' by the server'}.`,
        hint: interrupted.aborted ? 'Nothing to fix: it was stopped on purpose.' : 'The server gave up on it; its status history (--json) may say why.',
        detail: { taskId: outcome.taskId, status: outcome.status, history: outcome.history },
      });
    }
    if (outcome.immediate) {
      cctx.out.note(`${tool.name}: the server answered at once, without making a task (the tasks extension lets it choose)`);
      cctx.out.data({ result: outcome.result ?? null, task: null, history: [] });
      return (outcome.result ?? { content: [] }) as ToolResultLike;
    }
    cctx.out.data({ result: outcome.result ?? null, task: { taskId: outcome.taskId, status: outcome.status }, history: outcome.history });
    return (outcome.result ?? { content: [] }) as ToolResultLike;
  } finally {
    interrupted.removeEventListener('abort', onAbort);
  }
}

/** `task <id>: <status>[, <message>] (polling every <n> ms)` */
export function formatTaskStatus(update: TaskStatusUpdate): string {
  const poll = update.pollInterval !== undefined ? ` (server suggests polling every ${update.pollInterval} ms)` : '';
  return `task ${update.taskId}: ${update.status}${update.statusMessage ? `, ${update.statusMessage}` : ''}${poll}`;
}
