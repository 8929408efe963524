import type { LogMessage } from '../../../shared/model/log-message';
import type { TraceEntry } from '../../../shared/model/trace';

/**
 * The log message a trace entry carries, if it is an incoming `notifications/message` (MCP
 * server/utilities/logging); undefined for any other entry. The entry is the bus's held copy,
 * already redacted; a message cut to fit memory keeps its level and logger when they could be
 * read, and says it was cut. A hostile shape (params not an object, level not a string) still
 * gives a message, with what could be read, so nothing the server sent goes unseen.
 */
export function logMessageFrom(entry: TraceEntry): LogMessage | undefined {
  if (entry.type !== 'message' || entry.direction !== 'incoming' || entry.method !== 'notifications/message') return undefined;
  const base = { seq: entry.seq, connectionId: entry.connectionId, at: entry.wallTime };
  if (entry.truncated) {
    return { ...base, level: 'unknown', data: entry.truncated.note, truncated: entry.truncated.note };
  }
  const params = (entry.message as { params?: unknown } | undefined)?.params;
  if (typeof params !== 'object' || params === null) return { ...base, level: 'unknown', data: params };
  const { level, logger, data } = params as { level?: unknown; logger?: unknown; data?: unknown };
  return {
    ...base,
    level: typeof level === 'string' ? level : 'unknown',
    ...(typeof logger === 'string' ? { logger } : {}),
    data,
  };
}
