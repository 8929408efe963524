import * as z from 'zod';

/**
 * The syslog severities MCP log messages use (RFC 5424 section 6.2.1; MCP server/utilities/logging),
 * from the least to the most severe.
 */
export const LOG_LEVELS = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'] as const;
export const LogLevel = z.enum(LOG_LEVELS);
export type LogLevel = z.infer<typeof LogLevel>;

/**
 * One `notifications/message` a server sent, as Periscope keeps it. Taken from the connection's
 * trace, so it is already redacted; `data` is whatever JSON the server sent, or (for a message too
 * big or too deep to keep whole) the trace's note of what was cut, with `truncated` set.
 */
export const LogMessage = z.object({
  /** The trace entry's seq: unique and increasing per connection. */
  seq: z.number().int(),
  connectionId: z.string(),
  /** Wall clock when it arrived, milliseconds since the epoch. */
  at: z.number(),
  /** The server's level; a level outside the spec's eight is kept as sent and shown as such. */
  level: z.string(),
  logger: z.string().optional(),
  data: z.unknown(),
  /** The message was cut to fit memory: `data` is the note saying what and where the whole is. */
  truncated: z.string().optional(),
});
export type LogMessage = z.infer<typeof LogMessage>;

/** The severity rank of a level (0 = debug ... 7 = emergency), or -1 for one outside the spec. */
export function levelRank(level: string): number {
  return (LOG_LEVELS as readonly string[]).indexOf(level);
}

/** Whether a message of `level` passes a "from `minimum` up" filter; unknown levels always pass. */
export function atLeast(level: string, minimum: LogLevel): boolean {
  const rank = levelRank(level);
  return rank === -1 || rank >= levelRank(minimum);
}
