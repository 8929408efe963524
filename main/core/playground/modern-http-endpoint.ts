import type { IncomingMessage, ServerResponse } from 'node:http';
import { toNodeHandler, type NodeMcpRequestHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, type McpHttpHandler, type McpServer } from '@modelcontextprotocol/server';
import type { ResourceChangeFeed } from './resource-change-feed';

/**
 * The 2026-07-28 leg of /mcp (spec 2026-07-28, transports: Streamable HTTP without sessions):
 * the SDK's createMcpHandler with `legacy: 'reject'`, since 2025-era traffic never reaches it (the
 * router in front sends that to the sessionful leg). Each request gets a fresh server instance;
 * `server/discover`, the per-request `_meta` envelope, `subscriptions/listen` streams, the
 * Mcp-Method / Mcp-Name header checks and cache fields are the handler's.
 *
 * Resource changes on the playground's feed are published to the open listen streams through
 * the handler's `notify.resourceUpdated`, as the per-request instances live too briefly to do it.
 */
export class ModernHttpEndpoint {
  private readonly handler: McpHttpHandler;
  private readonly serveNode: NodeMcpRequestHandler;
  private readonly stopFeed: () => void;

  /** @param createServer builds the 2026-07-28 instance for one request. */
  constructor(createServer: () => McpServer, changes: ResourceChangeFeed) {
    this.handler = createMcpHandler(() => createServer(), { legacy: 'reject' });
    this.serveNode = toNodeHandler(this.handler);
    this.stopFeed = changes.subscribe((uri) => this.handler.notify.resourceUpdated(uri));
  }

  /** Serves one modern POST; `body` is its parsed JSON, already read from `req`. */
  handle(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    return this.serveNode(req, res, body);
  }

  /** Ends in-flight exchanges; open listen streams get their graceful-close result first. */
  async close(): Promise<void> {
    this.stopFeed();
    await this.handler.close();
  }
}
