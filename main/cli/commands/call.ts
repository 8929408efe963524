import type { Command } from 'commander';
import { PeriscopeError } from '../../core/diagnostics/periscope-error';
import type { McpConnection } from '../../core/connections/mcp-connection';
import { withConnection } from '../cli-session';
import { actionCommand, connectingArgs, requireArg, TARGET_HELP, type CommandContext } from '../command-context';
import { connectingUsage, withConnectionOptions } from '../connection-options';
import { toolErrorOutcome } from '../error-report';
import { formatToolResult, type ToolResultLike } from '../format/content';
import { markRoundedNumbers, roundedNumbersWarning } from '../format/rounded-numbers';
import type { ToolLike } from '../format/listings';
import type { InvalidListItem } from '../../../shared/model/invalid-list-item';
import { buildToolArguments, checkArgsJson, splitPair } from '../tool-arguments';
import { logMessageFrom } from '../../core/logging/log-message-entry';
import { formatLogLine, logLevelOption, type LogLevel } from '../follow';
import { callAsTask } from './call-task';

interface CallOptions {
  args?: string;
  logLevel?: LogLevel;
  task?: boolean;
}

/**
 * `periscope call <target> <tool> [--args JSON | key=value ...]`. The tool list is fetched first
 * so key=value pairs are typed by the tool's input schema. Progress goes to stderr; Ctrl-C
 * cancels the request (notifications/cancelled) and the connection closes cleanly. A result with
 * `isError: true` is printed like any other, then ends with the `tool-error` exit code (37).
 */
export function registerCallCommand(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program
      .command('call')
      .argument('[target]', TARGET_HELP)
      .argument('[tool]', 'tool name')
      .argument('[arguments...]', 'tool arguments as key=value (typed by the input schema: n=3, flag=true, list=\'[1,2]\')')
      .usage(connectingUsage('<tool> [key=value ...]'))
      .option('--args <json>', 'all tool arguments as one JSON object, sent as written (key=value pairs override its fields; a number JSON cannot carry exactly, e.g. beyond 2^53, is refused)')
      .option('--task', 'run the tool as a task (MCP 2025-11-25 tasks, or the 2026-07-28 tasks extension, SEP-2663): status changes on stderr, Ctrl-C sends tasks/cancel; --json gives the result and the status history')
      .addOption(logLevelOption('--log-level <level>', "ask for the server's log messages from this level up and print them on stderr (logging/setLevel; in the 2026-07-28 era the level travels in the request's _meta)"))
      .description('call a tool and show its result; progress is shown on stderr, Ctrl-C cancels; a result with isError exits 37 (tool-error)'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target, rest } = connectingArgs(cmd, cctx);
    const [toolName, ...pairs] = rest;
    requireArg(toolName, 'tool name', cmd);
    const { args: argsJson, logLevel, task } = cmd.opts() as CallOptions;
    pairs.forEach(splitPair); // reject malformed pairs before any network traffic
    if (argsJson !== undefined) checkArgsJson(argsJson);

    await withConnection(
      cctx,
      cctx.out,
      target,
      options,
      async (connection, info, interrupted) => {
        const tool = await findTool(connection, toolName);
        const args = buildToolArguments(argsJson, pairs, tool.inputSchema);
        const stopLogs = logLevel ? printLogMessages(cctx, connection) : undefined;
        if (logLevel) await connection.setLogLevel(logLevel);
        const running = task ? callAsTask(cctx, connection, info, tool, args, interrupted) : callCancellable(cctx, connection, toolName, args, interrupted);
        const result = await running.finally(() => stopLogs?.());
        if (!task) cctx.out.data(result);
        if (!cctx.out.json) {
          // The same marking data() applies, for the human form of structured content.
          const { value: shown, paths } = markRoundedNumbers(result);
          if (paths.length > 0) cctx.out.note(roundedNumbersWarning(paths));
          for (const line of formatToolResult(shown as ToolResultLike)) cctx.out.line(line);
        }
        // Printed first, then the exit code says it (tool-error, 36), so scripts see the failure.
        if (result.isError === true) throw toolErrorOutcome(toolName, result);
      },
      { bodyHandlesInterrupt: true },
    );
  });
}

/** Log messages go to stderr as `log <time> <level> [logger] <data>`, so stdout stays the result. */
function printLogMessages(cctx: CommandContext, connection: McpConnection): () => void {
  return connection.bus.subscribe((entry) => {
    const message = logMessageFrom(entry);
    if (message) cctx.out.note(`log ${formatLogLine(message)}`);
  });
}

/**
 * The tool named `name` as tools/list gives it; `not-found` (exit 12) listing the ones there are, or
 * `protocol` (exit 33) naming what is wrong when the server's definition of it breaks the MCP schema.
 */
export async function findTool(connection: McpConnection, name: string): Promise<ToolLike> {
  const { tools, invalid } = (await connection.listTools()) as { tools: ToolLike[]; invalid?: InvalidListItem[] };
  const tool = tools.find((t) => t.name === name);
  const broken = tool ? undefined : invalid?.find((item) => item.name === name);
  if (broken) {
    throw new PeriscopeError({
      kind: 'protocol',
      message: `The server's definition of the tool "${name}" breaks the MCP schema: ${broken.problems.join('; ')}.`,
      hint: "Fix the tool's definition on the server (the trace shows tools/list as the server sent it); its other tools can be called.",
      detail: { tool: name, problems: broken.problems },
    });
  }
  if (!tool) {
    const names = tools.map((t) => t.name);
    throw new PeriscopeError({
      kind: 'not-found',
      message: `The server has no tool called "${name}".`,
      hint: `${names.length > 0 ? `Available tools: ${names.join(', ')}.` : invalid?.length ? 'This server lists no valid tools.' : 'This server lists no tools at all.'}${
        invalid?.length ? ` ${invalid.length} more ${invalid.length === 1 ? 'is' : 'are'} left out: ${invalid.length === 1 ? 'it breaks' : 'they break'} the MCP schema (see \`periscope tools\`).` : ''
      }`,
      detail: { tool: name, available: names },
    });
  }
  return tool;
}

async function callCancellable(
  cctx: CommandContext,
  connection: McpConnection,
  name: string,
  args: Record<string, unknown>,
  interrupted: AbortSignal,
): Promise<ToolResultLike> {
  const controller = new AbortController();
  const cancelled = new PeriscopeError({
    kind: 'cancelled',
    message: `The call of ${name} was cancelled (Ctrl-C); the server was told with notifications/cancelled.`,
    hint: 'Nothing to fix: it was stopped on purpose. Run it again with a larger --timeout if it was only slow.',
  });
  const cancel = () => {
    cctx.out.note(`cancelling ${name}...`);
    controller.abort(cancelled.message);
  };
  if (interrupted.aborted) throw cancelled;
  interrupted.addEventListener('abort', cancel, { once: true });
  try {
    return (await connection.callTool(name, args, {
      signal: controller.signal,
      onProgress: (p: { progress: number; total?: number; message?: string }) => cctx.out.note(formatProgress(name, p)),
    })) as ToolResultLike;
  } catch (error) {
    // The SDK reports every aborted request like a timeout; here we know the user stopped it.
    throw controller.signal.aborted ? cancelled : error;
  } finally {
    interrupted.removeEventListener('abort', cancel);
  }
}

export function formatProgress(tool: string, p: { progress: number; total?: number; message?: string }): string {
  const amount = p.total !== undefined ? `${p.progress}/${p.total}` : String(p.progress);
  const percent = p.total ? ` (${Math.round((p.progress / p.total) * 100)}%)` : '';
  return `progress ${tool}: ${amount}${percent}${p.message ? ` ${p.message}` : ''}`;
}
