/**
 * Public shapes of the playground server: how it is started, which faults it injects, and what it
 * tells a test about the requests it saw.
 */

export interface FaultOptions {
  /** Milliseconds added before every response (HTTP requests, WebSocket and stdio messages). */
  latencyMs?: number;
  /** Milliseconds the first byte of every HTTP response is held back (time to first byte). */
  firstByteDelayMs?: number;
  /** Destroys the socket in the middle of streamed responses (see response-faults.ts for when). */
  dropStream?: boolean;
  /** Answers with broken JSON instead of real JSON-RPC messages. */
  malformedJson?: boolean;
}

export interface PlaygroundOptions {
  /** Port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** Every MCP endpoint answers 401 unless `Authorization: Bearer <requireBearer>` is sent. */
  requireBearer?: string;
  /** Every MCP endpoint answers 401 unless this header carries exactly this value. */
  requireHeader?: { name: string; value: string };
  faults?: FaultOptions;
  /**
   * Bounds on 2025-era Streamable HTTP sessions: an idle one expires (default after 30 minutes)
   * and past `maxSessions` (default 100) the least recently used is closed; either answers 404 after.
   */
  sessions?: { idleTimeoutMs?: number; maxSessions?: number };
  /** How many of the latest requests `seenRequests` keeps (default 1,000). */
  seenRequestLimit?: number;
}

export type PlaygroundTransport = 'streamable' | 'sse' | 'websocket' | 'http';

/** One HTTP request (or WebSocket upgrade) as it arrived, before any auth check. */
export interface SeenRequest {
  method: string;
  /** Path without the query string, e.g. `/messages`. */
  path: string;
  /** Path with the query string, e.g. `/messages?sessionId=...`. */
  url: string;
  /** Header names lower-cased; repeated headers joined with `, `. */
  headers: Record<string, string>;
  transport: PlaygroundTransport;
  /** Wall-clock time of arrival (ms since epoch). */
  at: number;
}

export interface PlaygroundUrls {
  /** http://127.0.0.1:PORT/mcp */
  streamable: string;
  /** http://127.0.0.1:PORT/sse */
  sse: string;
  /** ws://127.0.0.1:PORT/ws */
  websocket: string;
}

export interface RunningPlayground {
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  urls: PlaygroundUrls;
  port: number;
  /** The latest requests, oldest first (at most `seenRequestLimit`); tests may clear it with `seenRequests.length = 0`. */
  seenRequests: SeenRequest[];
  /** Closes every session, WebSocket and socket, then the listener. */
  close(): Promise<void>;
}

export const PLAYGROUND_SERVER_INFO = { name: 'periscope-playground', version: '1.0.0' } as const;
export const PLAYGROUND_REALM = 'periscope-playground';
