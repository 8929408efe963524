import type { IncomingMessage, ServerResponse } from 'node:http';
import { toWebRequest } from '@modelcontextprotocol/node';
import { isJsonContentType, isLegacyRequest, type McpServer } from '@modelcontextprotocol/server';
import { readJsonBody, writeJsonRpcError } from './http-body';
import { LegacyStreamableSessions, type SessionLimits } from './legacy-streamable-sessions';
import { ModernHttpEndpoint } from './modern-http-endpoint';
import type { ResourceChangeFeed } from './resource-change-feed';

export interface StreamableEndpointOptions {
  /** Builds the 2025-era instance of one session. */
  createLegacyServer: () => McpServer;
  /** Builds the 2026-07-28 instance of one request. */
  createModernServer: () => McpServer;
  /** The playground's resource changes, published to the modern leg's listen streams. */
  changes: ResourceChangeFeed;
  /** Bounds on the 2025-era sessions (idle expiry, most sessions kept). */
  sessions?: SessionLimits;
}

/**
 * Streamable HTTP at /mcp, both protocol eras on one URL, decided per request: a POST that carries
 * no 2026-07-28 `_meta` envelope claim (isLegacyRequest, the SDK's own classification) goes to the
 * sessionful 2025-era leg, as do GET (the session's event stream, resumption with Last-Event-ID)
 * and DELETE; every other POST goes to the stateless 2026-07-28 leg.
 */
export class StreamableEndpoint {
  private readonly legacy: LegacyStreamableSessions;
  private readonly modern: ModernHttpEndpoint;

  constructor(opts: StreamableEndpointOptions) {
    this.legacy = new LegacyStreamableSessions(opts.createLegacyServer, opts.sessions);
    this.modern = new ModernHttpEndpoint(opts.createModernServer, opts.changes);
  }

  /** Open 2025-era sessions; the 2026-07-28 era has none. */
  get sessionCount(): number {
    return this.legacy.sessionCount;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return this.legacy.handle(req, res, undefined);
    // Both legs take JSON only; a router in front of the SDK's entries owes the 415 (isLegacyRequest docs).
    if (!isJsonContentType(req.headers['content-type'] ?? '')) {
      return writeJsonRpcError(res, 415, -32000, 'Unsupported Media Type: POST a JSON-RPC message as application/json.');
    }
    const body = await readJsonBody(req, res);
    if (body === undefined) return; // readJsonBody already answered (400 or 413)
    // The body is passed along parsed, so isLegacyRequest classifies without reading the stream again.
    const legacy = await isLegacyRequest(await toWebRequest(req, body), body);
    return legacy ? this.legacy.handle(req, res, body) : this.modern.handle(req, res, body);
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([this.legacy.closeAll(), this.modern.close()]);
  }
}
