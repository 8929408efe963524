import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isJsonContentType, parseJSONRPCMessage, type JSONRPCMessage, type MessageExtraInfo, type Transport } from '@modelcontextprotocol/server';
import { readJsonBody, writeJsonRpcError } from './http-body';

/**
 * Server side of the legacy HTTP+SSE transport (spec 2024-11-05, "HTTP with SSE"), on the v2
 * SDK's Transport interface. The v2 server SDK ships no SSE server transport; this one is ours
 * because the playground exists to exercise transports, and the frozen v1 copy in
 * `@modelcontextprotocol/server-legacy` pins an older core and pulls in express.
 *
 * Wire shape: the GET response is an event stream that first announces `endpoint` (the URL to
 * POST to, carrying this session's id), then carries one `message` event per server message. The
 * client POSTs each of its messages to that URL and gets 202 Accepted; answers come on the stream.
 * It is a 2025-era transport: the server on top is connected directly, never era-negotiated.
 */
export class SseServerTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;
  readonly sessionId = randomUUID();

  private started = false;
  private closed = false;

  /**
   * @param messagesPath where clients POST, e.g. `/messages`; `?sessionId=<id>` is appended.
   * @param stream the GET response that becomes the event stream.
   */
  constructor(
    private readonly messagesPath: string,
    private readonly stream: ServerResponse,
  ) {
    stream.on('close', () => this.handleClose());
  }

  /** Opens the event stream and announces the POST endpoint. */
  async start(): Promise<void> {
    if (this.started) throw new Error('SseServerTransport already started');
    this.started = true;
    this.stream.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive' });
    const endpoint = `${this.messagesPath}?sessionId=${encodeURIComponent(this.sessionId)}`;
    this.stream.write(`event: endpoint\ndata: ${endpoint}\n\n`);
  }

  /**
   * Takes one client POST: 202 once the JSON-RPC message is accepted; 400 (with a JSON-RPC error)
   * for a body that is not JSON, not application/json or not a JSON-RPC message; 500 when the
   * stream is gone. Each message event is written in one piece, so faults can rewrite it whole.
   */
  async handlePostMessage(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.started || this.closed) return writeJsonRpcError(res, 500, -32603, 'The SSE stream of this session is not open.');
    if (!isJsonContentType(req.headers['content-type'] ?? '')) {
      return writeJsonRpcError(res, 400, -32600, `Unsupported Content-Type "${req.headers['content-type'] ?? ''}"; POST application/json.`);
    }
    const body = await readJsonBody(req, res);
    if (body === undefined) return; // readJsonBody already answered
    let message: JSONRPCMessage;
    try {
      message = parseJSONRPCMessage(body);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.onerror?.(new Error(`Invalid JSON-RPC message on POST: ${detail}`));
      return writeJsonRpcError(res, 400, -32600, `Invalid JSON-RPC message: ${detail}`);
    }
    res.writeHead(202, { 'Content-Type': 'text/plain' }).end('Accepted');
    this.onmessage?.(message);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.closed || this.stream.writableEnded) throw new Error('SSE stream is closed; message not sent');
    this.stream.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
  }

  async close(): Promise<void> {
    if (!this.stream.writableEnded) this.stream.end();
    this.handleClose();
  }

  private handleClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
  }
}
