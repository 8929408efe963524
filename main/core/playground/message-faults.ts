import type { JSONRPCMessage, MessageExtraInfo, Transport, TransportSendOptions } from '@modelcontextprotocol/server';
import type { FaultOptions } from './playground-options';
import { BROKEN_JSON, DROP_AFTER_MESSAGES } from './response-faults';

/** What a message-framed transport (WebSocket, stdio) can do beyond the SDK interface, for faults. */
export interface RawMessageChannel {
  sendText(text: string): Promise<void>;
  /** Cuts the connection without a clean close. */
  terminate(): void;
}

/**
 * Fault injection for message-framed transports (WebSocket, stdio), where there are no HTTP
 * responses to tamper with. Works the same for both protocol eras, as it sits below the era
 * decision (serveStdio owns this transport):
 * - latencyMs delays each incoming message before the server sees it (order kept), so every
 *   answer arrives at least that much later;
 * - malformedJson sends broken JSON in place of every outgoing message (needs a raw channel);
 * - dropStream cuts the connection after the DROP_AFTER_MESSAGES-th progress notification, i.e. in
 *   the middle of a streaming tool call such as slow_operation (needs a raw channel).
 *
 * `closed` resolves once the inner transport has closed, because the serving entry takes over
 * `onclose` and the endpoint still needs to forget the connection.
 */
export class MessageFaultTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;
  readonly closed: Promise<void>;

  private readonly timers = new Set<NodeJS.Timeout>();
  private progressSent = 0;
  private markClosed!: () => void;

  constructor(
    private readonly inner: Transport,
    private readonly faults: FaultOptions,
    private readonly raw?: RawMessageChannel,
  ) {
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
  }

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  async start(): Promise<void> {
    this.inner.onmessage = (message, extra) => this.deliver(message, extra);
    this.inner.onerror = (error) => this.onerror?.(error);
    this.inner.onclose = () => {
      for (const timer of this.timers) clearTimeout(timer);
      this.timers.clear();
      try {
        this.onclose?.();
      } finally {
        this.markClosed();
      }
    };
    await this.inner.start();
  }

  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (this.faults.malformedJson && this.raw) return this.raw.sendText(BROKEN_JSON);
    await this.inner.send(message, options);
    if (this.faults.dropStream && this.raw && 'method' in message && message.method === 'notifications/progress') {
      if (++this.progressSent === DROP_AFTER_MESSAGES) this.raw.terminate();
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private deliver(message: JSONRPCMessage, extra?: MessageExtraInfo): void {
    const latency = this.faults.latencyMs ?? 0;
    if (latency <= 0) {
      this.onmessage?.(message, extra);
      return;
    }
    // Same delay for every message, and node fires equal timers in the order they were set, so
    // a later message never overtakes an earlier one while pipelined messages stay concurrent.
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.onmessage?.(message, extra);
    }, latency);
    this.timers.add(timer);
  }
}
