import { LOG_LEVEL_META_KEY } from '@modelcontextprotocol/client';
import type { LogLevel } from '../../../shared/model/log-message';
import type { LiveSession } from './connection-attempt';

type Client = LiveSession['client'];

/**
 * The log level a connection asks the server for (MCP server/utilities/logging), and where it
 * holds: 2025 era, on the session that was sent logging/setLevel; 2026-07-28 era, on every later
 * request, in its `_meta`.
 */
export class LogLevelSetting {
  /** The log level last set; in the 2026-07-28 era it rides in every later request's _meta. */
  private level?: LogLevel;
  /** 2025 era: the client whose session got logging/setLevel (a new session has not heard it). */
  private levelClient?: Client;

  /** Notes the level set: `sentTo` is the client sent logging/setLevel (2025 era), else undefined. */
  set(level: LogLevel, sentTo: Client | undefined): void {
    this.level = level;
    this.levelClient = sentTo;
  }

  /**
   * The log level in force, given the live session's client now (undefined when there is none):
   * in the 2025 era, only while the session that was sent logging/setLevel lives.
   */
  inForce(liveClient: Client | undefined): LogLevel | undefined {
    if (!this.levelClient) return this.level;
    return liveClient === this.levelClient ? this.level : undefined;
  }

  /** A list request's params: none, unless the log level must ride along (2026-07-28). */
  listParams(client: Client): { _meta?: Record<string, unknown> } | undefined {
    const meta = this.meta(client);
    return meta._meta ? meta : undefined;
  }

  /** The params' `_meta` with the log level added, on a 2026-07-28 connection that has one set. */
  meta(client: Client): { _meta?: Record<string, unknown> } {
    return this.level && client.getProtocolEra() === 'modern' ? { _meta: { [LOG_LEVEL_META_KEY]: this.level } } : {};
  }
}
