import type { IncomingMessage } from 'node:http';
import type { JSONRPCMessage, Transport, TransportSendOptions } from '@modelcontextprotocol/client';
import WebSocket from 'ws';
import type { Redactor } from '../capture/redaction';
import type { TraceBus } from '../capture/trace-bus';
import { parseIncoming } from '../capture/unparsed-message';
import { formatLimit } from '../diagnostics/wire-errors';

export const MCP_SUBPROTOCOL = 'mcp';
export const DEFAULT_PING_INTERVAL_MS = 25_000;
export const DEFAULT_PONG_TIMEOUT_MS = 10_000;
const CLOSE_HANDSHAKE_MS = 1_000;
const UPGRADE_BODY_CAP = 8 * 1024;
/** The largest message accepted by default: 100 MiB, the `ws` library's own default. */
export const DEFAULT_MAX_MESSAGE_BYTES = 100 * 1024 * 1024;

export interface WebSocketClientOptions {
  headers?: Record<string, string>;
  bus: TraceBus;
  redactor: Redactor;
  tls?: { ca?: Buffer[]; rejectUnauthorized?: boolean };
  /** 0 turns keep-alive pings off. */
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
  /** The largest message accepted from the server, in bytes (default DEFAULT_MAX_MESSAGE_BYTES). */
  maxMessageBytes?: number;
}

/**
 * The server sent a message over the size limit; `ws` refused it and closed the socket with 1009.
 * Carries the limit so the error can name it (the classifier reads `code` and `limitBytes`).
 */
export class WebSocketMessageTooLargeError extends Error {
  override readonly name = 'WebSocketMessageTooLargeError';
  readonly code = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
  constructor(readonly limitBytes: number) {
    super(`The server sent a WebSocket message larger than the ${formatLimit(limitBytes)} limit`);
  }
}

/** An upgrade the server refused: carries what the diagnostics need to explain it. */
export class WebSocketUpgradeError extends Error {
  override readonly name = 'WebSocketUpgradeError';
  constructor(
    readonly status: number,
    readonly headers: Record<string, string>,
    readonly body: string,
  ) {
    // The wording `ws` itself uses, which the error classifier recognises.
    super(`Unexpected server response: ${status}`);
  }
}

/**
 * SDK client Transport over `ws`. The SDK's own WebSocket transport cannot send headers, so this
 * one exists: subprotocol `mcp`, the connection's headers on the upgrade request, keep-alive pings
 * with a pong deadline, TLS options, and every socket event recorded as a `websocket` trace entry
 * (upgrade, open, frames, ping/pong, close code and reason, errors).
 */
export class WebSocketClientTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  /** Set once the socket closed: 1000 normal, 1006 dropped without a close frame, ... */
  closeCode?: number;
  closeReason?: string;

  private socket?: WebSocket;
  private pingTimer?: NodeJS.Timeout;
  private pongTimer: NodeJS.Timeout | undefined;
  private closedReported = false;

  constructor(
    private readonly url: URL,
    private readonly options: WebSocketClientOptions,
  ) {}

  start(): Promise<void> {
    if (this.socket) throw new Error('WebSocketClientTransport already started');
    const { bus, redactor } = this.options;
    const url = this.url.href;
    const requestHeaders = redactor.headers(this.options.headers ?? {});
    const maxPayload = this.options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    const socket = new WebSocket(url, [MCP_SUBPROTOCOL], {
      headers: this.options.headers,
      maxPayload,
      ...(this.options.tls ?? {}),
    });
    this.socket = socket;

    return new Promise<void>((resolve, reject) => {
      let opened = false;
      let refused = false;
      socket.on('upgrade', (res: IncomingMessage) => {
        bus.emit({ type: 'websocket', event: 'upgrade', url, status: res.statusCode, requestHeaders, responseHeaders: redactor.headers(flatHeaders(res)) });
      });
      socket.on('unexpected-response', (_req, res: IncomingMessage) => {
        refused = true;
        void readCapped(res).then((body) => {
          const headers = flatHeaders(res);
          const status = res.statusCode ?? 0;
          bus.emit({ type: 'websocket', event: 'upgrade', url, status, requestHeaders, responseHeaders: redactor.headers(headers) });
          reject(new WebSocketUpgradeError(status, redactor.headers(headers), redactor.text(body)));
          // The socket never opened: no close frame to report, the upgrade entry says it all.
          this.closedReported = true;
          this.closeCode = 1006;
          this.closeReason = `upgrade refused with HTTP ${status}`;
          socket.terminate();
        });
      });
      socket.on('open', () => {
        opened = true;
        bus.emit({ type: 'websocket', event: 'open', url, protocol: socket.protocol });
        this.startKeepAlive();
        resolve();
      });
      socket.on('message', (data, isBinary) => this.receive(data, isBinary));
      // A ping from the server (ws answers it with a pong by itself).
      socket.on('ping', () => bus.emit({ type: 'websocket', event: 'ping', url }));
      socket.on('pong', () => {
        clearTimeout(this.pongTimer);
        this.pongTimer = undefined;
        bus.emit({ type: 'websocket', event: 'pong' });
      });
      socket.on('error', (raw) => {
        if (refused) return;
        // ws says only "Max payload size exceeded"; say which limit, in the trace and the error.
        const tooLarge = (raw as { code?: unknown }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
        const error = tooLarge ? new WebSocketMessageTooLargeError(maxPayload) : raw;
        if (tooLarge) this.closeReason = `message larger than the ${formatLimit(maxPayload)} limit`;
        bus.emit({ type: 'websocket', event: 'error', url, closeReason: redactor.text(error.message) });
        if (!opened) reject(error);
        else this.onerror?.(error);
      });
      socket.on('close', (code, reason) => {
        this.reportClosed(code, reason.toString('utf8'), true);
        if (!opened) reject(new Error(`WebSocket closed before the connection was established (code ${code})`));
      });
    });
  }

  async send(message: JSONRPCMessage, _options?: TransportSendOptions): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      throw new Error(`WebSocket is not open (close code ${this.closeCode ?? 'none'}); message not sent`);
    }
    const text = JSON.stringify(message);
    await new Promise<void>((resolve, reject) => socket.send(text, { binary: false }, (error) => (error ? reject(error) : resolve())));
    this.options.bus.emit({ type: 'websocket', event: 'frame-out', size: Buffer.byteLength(text) });
  }

  async close(): Promise<void> {
    const socket = this.socket;
    this.stopKeepAlive();
    if (!socket || socket.readyState === WebSocket.CLOSED) {
      this.reportClosed(this.closeCode ?? 1005, this.closeReason ?? '', true);
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const closed = new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      // A peer that never answers the close frame is cut off; and never wait forever on a socket
      // whose handshake was aborted (it may never emit 'close').
      timer = setTimeout(() => {
        socket.terminate();
        setTimeout(resolve, 200);
      }, CLOSE_HANDSHAKE_MS);
    });
    if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
    else socket.close(1000, 'client closed the connection');
    await closed;
    clearTimeout(timer);
    this.reportClosed(this.closeCode ?? 1006, this.closeReason ?? '', true);
  }

  private receive(data: WebSocket.RawData, isBinary: boolean): void {
    const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    this.options.bus.emit({ type: 'websocket', event: 'frame-in', size: buffer.byteLength });
    if (isBinary) {
      this.onerror?.(new Error('The server sent a binary WebSocket frame; MCP over WebSocket uses text frames'));
      return;
    }
    const text = buffer.toString('utf8');
    const parsed = parseIncoming(text);
    if (parsed === undefined) {
      this.onerror?.(new SyntaxError(`The server sent a WebSocket text frame that is not JSON: ${text.slice(0, 120)}`));
      return;
    }
    // JSON but not JSON-RPC (an error with "id": null): the traced transport records it and may pair it.
    if ('unparsed' in parsed) this.onerror?.(parsed.unparsed);
    else this.onmessage?.(parsed.message);
  }

  private startKeepAlive(): void {
    const interval = this.options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS;
    if (interval <= 0) return;
    const pongTimeout = this.options.pongTimeoutMs ?? DEFAULT_PONG_TIMEOUT_MS;
    this.pingTimer = setInterval(() => {
      const socket = this.socket;
      if (!socket || socket.readyState !== WebSocket.OPEN) return;
      socket.ping();
      this.options.bus.emit({ type: 'websocket', event: 'ping' });
      // The deadline runs from the first unanswered ping; later pings do not push it back.
      if (this.pongTimer) return;
      this.pongTimer = setTimeout(() => {
        // A peer that stops answering pings is gone even if TCP has not noticed yet.
        this.closeReason = `no pong within ${pongTimeout} ms`;
        this.options.bus.emit({ type: 'websocket', event: 'error', closeReason: this.closeReason });
        socket.terminate();
      }, pongTimeout);
      this.pongTimer.unref();
    }, interval);
    this.pingTimer.unref();
  }

  private stopKeepAlive(): void {
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
  }

  private reportClosed(code: number, reason: string, notify: boolean): void {
    if (this.closedReported) return;
    this.closedReported = true;
    this.stopKeepAlive();
    this.closeCode = code;
    this.closeReason = reason || this.closeReason || '';
    this.options.bus.emit({ type: 'websocket', event: 'close', url: this.url.href, closeCode: code, closeReason: this.options.redactor.text(this.closeReason) });
    if (notify) this.onclose?.();
  }
}

function flatHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function readCapped(res: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).toString('utf8'));
    res.on('data', (chunk: Buffer) => {
      if (size < UPGRADE_BODY_CAP) chunks.push(chunk);
      size += chunk.byteLength;
    });
    res.on('end', done);
    res.on('error', done);
    res.on('close', done);
  });
}
