import { parseJSONRPCMessage, type JSONRPCMessage, type Transport } from '@modelcontextprotocol/client';
import WebSocket from 'ws';

/**
 * A deliberately small v2 client Transport on `ws` for these tests (subprotocol `mcp`, one JSON-RPC
 * message per text frame). The product's own WebSocket client transport is not what tests the
 * server, and the v2 SDK has no WebSocket transport. Every frame is kept, in both directions, so
 * tests can check what was on the wire.
 */
export class ModernWsClientTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  closeCode?: number;
  /** Frames as sent and received, in order. */
  readonly frames: Array<{ direction: 'sent' | 'received'; text: string }> = [];
  private socket?: WebSocket;

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url, 'mcp', { headers: this.headers });
      this.socket = socket;
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_req, res) => reject(new Error(`WebSocket upgrade refused: HTTP ${res.statusCode}`)));
      socket.on('error', (error) => {
        reject(error);
        this.onerror?.(error);
      });
      socket.on('message', (data) => {
        const text = Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
        this.frames.push({ direction: 'received', text });
        try {
          this.onmessage?.(parseJSONRPCMessage(JSON.parse(text)));
        } catch (error) {
          this.onerror?.(error as Error);
        }
      });
      socket.on('close', (code) => {
        this.closeCode = code;
        this.onclose?.();
      });
    });
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const text = JSON.stringify(message);
    this.frames.push({ direction: 'sent', text });
    this.socket?.send(text);
  }

  /** Every received frame that parses, as objects. */
  receivedMessages(): Array<Record<string, unknown>> {
    return this.frames.filter((f) => f.direction === 'received').flatMap((f) => {
      try {
        return [JSON.parse(f.text) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  async close(): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.close(1000, 'client done');
    });
  }
}
