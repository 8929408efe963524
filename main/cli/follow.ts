import { Option } from 'commander';
import { LOG_LEVELS, type LogLevel, type LogMessage } from '../../shared/model/log-message';
import { PeriscopeError } from '../core/diagnostics/periscope-error';
import type { McpConnection } from '../core/connections/mcp-connection';

/**
 * Keeps a streaming command (subscribe, logs) running until the user stops it (Ctrl-C or SIGTERM:
 * resolves, the command ends with exit 0) or the connection ends under it (rejects with the
 * connection's own error: the server went away, the session expired...), whichever comes first.
 */
export function followUntilInterrupted(connection: McpConnection, interrupted: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const stop = connection.bus.subscribe((entry) => {
      if (entry.type !== 'lifecycle' || entry.state !== 'error' || !entry.error) return;
      finish();
      // The engine names a stream that gave up reconnecting 'internal'; here it is plainly the
      // server gone from under a follow, which the 'closed' kind (exit 24) says.
      const error = entry.error.kind === 'internal' ? { ...entry.error, kind: 'closed' as const, hint: 'The server went away or ended the stream; run the command again once it is back (--trace shows the last exchanges).' } : entry.error;
      reject(new PeriscopeError(error));
    });
    const finish = () => {
      stop();
      interrupted.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      resolve();
    };
    if (interrupted.aborted) return onAbort();
    interrupted.addEventListener('abort', onAbort, { once: true });
  });
}

/** `--level` / `--log-level`: one of the eight syslog levels MCP uses. */
export function logLevelOption(flags: string, description: string): Option {
  return new Option(flags, description).choices(LOG_LEVELS);
}

export type { LogLevel };

/** A log message as one terminal line: ISO time, level, [logger], then the data (text as is, other JSON compact). */
export function formatLogLine(message: LogMessage): string {
  const data = typeof message.data === 'string' ? message.data : JSON.stringify(message.data) ?? 'undefined';
  return `${new Date(message.at).toISOString()} ${message.level}${message.logger ? ` [${message.logger}]` : ''} ${data}`;
}

/** A log message as its --json record. */
export function logRecord(message: LogMessage): Record<string, unknown> {
  return { type: 'log', at: new Date(message.at).toISOString(), level: message.level, ...(message.logger ? { logger: message.logger } : {}), data: message.data, ...(message.truncated ? { truncated: message.truncated } : {}) };
}
