import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import WebSocket from 'ws';

/**
 * A deliberately small client Transport on `ws` for these tests: the SDK's WebSocketClientTransport
 * cannot send headers, and the product's own client transport must not be what tests the server.
 */
export class TestWsClientTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  closeCode?: number;
  readonly rawFrames: string[] = [];
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
        this.rawFrames.push(text);
        try {
          this.onmessage?.(JSONRPCMessageSchema.parse(JSON.parse(text)));
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
    this.socket?.send(JSON.stringify(message));
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
