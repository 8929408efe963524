import { randomUUID } from 'node:crypto';
import {
  parseJSONRPCMessage,
  type JSONRPCMessage,
  type MessageExtraInfo,
  type Transport,
  type TransportSendOptions,
} from '@modelcontextprotocol/server';
import WebSocket from 'ws';

export const MCP_WEBSOCKET_SUBPROTOCOL = 'mcp';

/** RFC 6455 close codes this transport uses. */
export const CLOSE_CODES = {
  normal: 1000,
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
} as const;

/** How long close() waits for the peer's close frame before cutting the socket. */
const CLOSE_HANDSHAKE_TIMEOUT_MS = 1_000;

/**
 * SDK (v2) server Transport over one `ws` WebSocket: one JSON-RPC message per text frame,
 * subprotocol `mcp`. Binary frames are refused with 1003 and unparsable text with a JSON-RPC parse
 * error (the connection stays up, as one bad message should not end a session). Era-neutral: the
 * serving entry on top (serveStdio) decides per connection whether it speaks 2025 or 2026-07-28.
 * WebSocket is not a spec transport; it is framed like stdio, one message per frame.
 */
export class WebSocketServerTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;
  readonly sessionId: string;
  /** Close code and reason once the socket has closed (1005 = none given, 1006 = no close frame). */
  closeCode?: number;
  closeReason?: string;

  private started = false;
  private closed = false;
  private readonly pending: Array<{ data: WebSocket.RawData; isBinary: boolean }> = [];

  constructor(private readonly socket: WebSocket) {
    this.sessionId = randomUUID();
    // Listen at once so nothing that arrives before start() is lost; deliver it on start().
    socket.on('message', (data, isBinary) => {
      if (this.started) this.receive(data, isBinary);
      else this.pending.push({ data, isBinary });
    });
    socket.on('close', (code, reason) => this.handleClose(code, reason.toString('utf8')));
    socket.on('error', (error) => this.onerror?.(error));
  }

  async start(): Promise<void> {
    if (this.started) throw new Error('WebSocketServerTransport already started');
    this.started = true;
    for (const { data, isBinary } of this.pending.splice(0)) this.receive(data, isBinary);
    if (this.socket.readyState === WebSocket.CLOSED) this.handleClose(1006, 'closed before start');
  }

  async send(message: JSONRPCMessage, _options?: TransportSendOptions): Promise<void> {
    await this.sendText(JSON.stringify(message));
  }

  /** Sends a text frame as is (the fault modes use it to send broken JSON). */
  sendText(text: string): Promise<void> {
    if (this.socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new Error(`WebSocket is not open (state ${this.socket.readyState}); message not sent`));
    }
    return new Promise((resolve, reject) => this.socket.send(text, { binary: false }, (error) => (error ? reject(error) : resolve())));
  }

  /** Cuts the connection without a close frame; the peer sees close code 1006. */
  terminate(): void {
    this.socket.terminate();
  }

  async close(code: number = CLOSE_CODES.normal, reason = 'server closed the session'): Promise<void> {
    if (this.closed) return;
    if (this.socket.readyState === WebSocket.CLOSED) return this.handleClose(this.closeCode ?? 1006, this.closeReason ?? '');
    const closedEvent = new Promise<void>((resolve) => this.socket.once('close', () => resolve()));
    const timer = setTimeout(() => this.socket.terminate(), CLOSE_HANDSHAKE_TIMEOUT_MS);
    this.socket.close(code, reason);
    await closedEvent;
    clearTimeout(timer);
  }

  private receive(data: WebSocket.RawData, isBinary: boolean): void {
    if (isBinary) {
      this.onerror?.(new Error('Binary WebSocket frame received; MCP over WebSocket uses text frames'));
      this.socket.close(CLOSE_CODES.unsupportedData, 'binary frames are not supported; send JSON-RPC as text');
      return;
    }
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    let message: JSONRPCMessage;
    try {
      message = parseJSONRPCMessage(JSON.parse(text));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.onerror?.(new Error(`Invalid JSON-RPC message on WebSocket: ${detail}`));
      // JSON-RPC 2.0 answers an unparsable message with id null, which the SDK types cannot express.
      const reply = JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: `Parse error: ${detail}` } });
      void this.sendText(reply).catch(() => undefined);
      return;
    }
    this.onmessage?.(message);
  }

  private handleClose(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.closeCode = code;
    this.closeReason = reason;
    this.onclose?.();
  }
}
