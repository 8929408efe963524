import type { ConnectionInfo, ConnectionTargetInput } from '../../shared/model';
import { monoNow } from '../core/capture/clock';
import { redactorForHeaders } from '../core/capture/redaction';
import { formatTraceLine } from '../core/capture/trace-format';
import { ConnectionManager } from '../core/connections/connection-manager';
import type { McpConnection } from '../core/connections/mcp-connection';
import type { CliContext } from './cli-context';
import type { ConnectionOptions } from './connection-options';
import type { CommandOutput } from './output';
import { resolveTarget } from './target';
import { CLIENT_INFO } from './version';

/**
 * Opens one connection for one command: resolves the target, masks its secrets in all output,
 * prints the live trace (--trace), records the session file (--record), and always closes the
 * connection (which flushes the file), whatever the command did.
 */
export async function withConnection<T>(
  ctx: CliContext,
  out: CommandOutput,
  targetArg: string | undefined,
  options: ConnectionOptions,
  run: (connection: McpConnection, info: ConnectionInfo) => Promise<T>,
): Promise<T> {
  const { target, label } = await resolveTarget(targetArg, options, ctx);
  out.addMasker(redactorForHeaders(target.headers ?? []));
  return withTarget(out, target, label, options, run);
}

export async function withTarget<T>(
  out: CommandOutput,
  target: ConnectionTargetInput,
  label: string,
  options: Pick<ConnectionOptions, 'trace' | 'record'> & { traceTo?: (line: string) => void },
  run: (connection: McpConnection, info: ConnectionInfo) => Promise<T>,
): Promise<T> {
  const manager = new ConnectionManager({ clientInfo: CLIENT_INFO });
  // The connection records its own session file (opened before its first entry, closed with it).
  const connection = manager.create(target, { label, recordTo: options.record });
  const stops: Array<() => unknown> = [];
  if (options.trace) {
    const start = monoNow();
    const print = options.traceTo ?? ((line: string) => out.note(line));
    stops.push(connection.bus.subscribe((entry) => print(formatTraceLine(entry, start))));
  }
  try {
    const info = await connection.connect();
    for (const warning of info.warnings ?? []) out.note(`warning: ${warning}`);
    return await run(connection, info);
  } finally {
    // Close first so the closing exchange (e.g. the session DELETE) is traced and recorded too.
    await manager.closeAll().catch(() => undefined);
    for (const stop of stops) stop();
  }
}
