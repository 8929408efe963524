import { ProtocolError, type Client, type RequestOptions, type Tool } from '@modelcontextprotocol/client';
import * as z from 'zod';
import { isPeriscopeError, PeriscopeError } from '../diagnostics/periscope-error';
import { runModernToolTask } from '../tasks/modern-tool-task';
import { taskRefusal } from '../tasks/task-support';
import { runToolTask, type TaskStatusUpdate, type ToolTaskOptions, type ToolTaskOutcome } from '../tasks/tool-task';
import { modernTaskPort, type RunRequest } from './era/modern-task-port';

/** What a task run needs of its connection (ConnectionRequests hands over its own). */
export interface TaskCallDeps {
  /** RequestRunner.run: one request on the live session, failures as PeriscopeErrors, results redacted. */
  run: RunRequest;
  client(): Client;
  /** The `_meta` that carries the log level the connection asks for (2026-07-28), if any. */
  logMeta(client: Client): Record<string, unknown> | undefined;
  /** The tool as last listed, if it was. */
  listed(name: string): Tool | undefined;
  redacted<T>(value: T): T;
  /** A failure in words, classified as any request's. */
  failure(error: unknown): Promise<PeriscopeError>;
}

/**
 * Runs a tool as a task in the connection's era: MCP 2025-11-25 tasks (runToolTask) or the
 * 2026-07-28 tasks extension, SEP-2663 (runModernToolTask). Refused first, with an
 * `invalid-input` error, when the server does not offer tasks in that era or the listed tool
 * forbids them (a tool not listed yet is left to the server). Status updates leave redacted. A
 * 2026-07-28 task that fails carries a JSON-RPC error, not a result: it rejects with that error,
 * classified as a plain call's would be, its task and history in `detail`.
 */
export async function callToolAsTask(deps: TaskCallDeps, name: string, args: Record<string, unknown>, opts: ToolTaskOptions): Promise<ToolTaskOutcome> {
  const { era, capabilities } = await deps.run(async (client) => ({ era: client.getProtocolEra(), capabilities: client.getServerCapabilities() }));
  const modern = era === 'modern';
  const listed = deps.listed(name);
  const refusal = taskRefusal(name, capabilities as Record<string, unknown> | undefined, listed ?? { execution: { taskSupport: 'optional' } }, modern ? 'modern' : 'legacy');
  if (refusal) throw refusal;
  const onStatus = opts.onStatus;
  const options = onStatus ? { ...opts, onStatus: (update: TaskStatusUpdate) => onStatus(deps.redacted(update)) } : opts;
  if (!modern) {
    const send = <T>(method: string, params: Record<string, unknown>, schema: z.ZodType<T>) =>
      deps.run((client, o: RequestOptions) => client.request({ method, params } as never, schema, o), method === 'tools/call' ? `tools/call "${name}" as a task` : undefined);
    return runToolTask(send, name, args, options);
  }
  // An answer that could not be given (sampling not configured, a rejected request) is said as in a multi-round call.
  const outcome = await runModernToolTask(modernTaskPort(deps.run, deps.client, deps.logMeta), name, args, options).catch(async (error: unknown) => {
    throw isPeriscopeError(error) ? error : await deps.failure(error);
  });
  if (outcome.status !== 'failed' || !outcome.error) return outcome;
  const { code, message, data } = outcome.error;
  const failure = await deps.failure(new ProtocolError(code, message, data));
  throw new PeriscopeError(
    {
      ...failure.info,
      message: `The task ${outcome.taskId} of ${name} failed: ${failure.info.message}`,
      detail: { taskId: outcome.taskId, status: outcome.status, error: outcome.error, history: outcome.history },
    },
    { cause: failure },
  );
}
