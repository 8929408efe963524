import type { ConnectionInfo } from '../../../shared/model/connection';
import type { ConnectionOAuth } from '../auth/connection-oauth';
import type { ConnectionTraceOptions } from './connection-trace';
import type { ClientInputHandlers } from './input/client-input';

/** How one McpConnection is set up: identity, how it answers the server, where it records. */
export interface McpConnectionOptions extends ConnectionTraceOptions {
  id?: string;
  label?: string;
  clientInfo?: { name: string; version: string };
  handlers?: ClientInputHandlers;
  /** Without recordTo: a folder to record into, under a name made from the (redacted) label. */
  recordDir?: string;
  /** Keep-alive for WebSocket connections (tests shorten it). */
  webSocket?: { pingIntervalMs?: number; pongTimeoutMs?: number };
  onStateChange?: (info: ConnectionInfo) => void;
  /**
   * Break each connect into DNS, TCP, TLS, first byte and handshake (ConnectionInfo.setup). HTTP
   * connections then use a private undici agent, whose connector sees each socket's phases; the
   * CLI leaves it off where start-up time matters more.
   */
  measureSetup?: boolean;
  /** OAuth for HTTP transports: started by the SDK on a 401 challenge (main/core/auth). */
  oauth?: ConnectionOAuth;
}

/** The clientInfo sent in the handshake (2025) or every request's _meta (2026-07-28). */
export const DEFAULT_CLIENT_INFO = { name: 'mcp-periscope', version: '0.1.0' };
