import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, MessageExtraInfo } from '@modelcontextprotocol/sdk/types.js';
import type { Direction, MessageEntry, MessageKind, TraceDraft } from '../../../shared/model/trace';
import { monoNow } from './clock';
import type { Redactor } from './redaction';
import type { TraceBus } from './trace-bus';

type RpcId = string | number;

interface OpenRequest {
  seq: number;
  monoTime: number;
  method: string;
}

/** How many given-up requests are remembered for pairing a late answer. */
const MAX_ENDED_REMEMBERED = 256;

/** The SDK's timeout reason reads "McpError: MCP error -32001: Request timed out" (or "Maximum total timeout exceeded"). */
const TIMEOUT_REASON = /timed? ?out|timeout|-32001/i;

/**
 * A Transport that records every JSON-RPC message passing through it, in both directions, then
 * hands it on unchanged. It sits between the SDK Client (which installs onmessage/onclose/onerror
 * on us) and the real transport (on which we install ours), so the SDK never knows it is there.
 *
 * Cost matters (every message of every connection passes here): each message is serialized once,
 * and that one string gives both the byte size and, only when secrets exist, the scrubbed copy.
 */
export class TracedTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;

  /** Requests awaiting an answer, keyed by id, per side that sent them. */
  private readonly openRequests: Record<Direction, Map<RpcId, OpenRequest>> = {
    outgoing: new Map(),
    incoming: new Map(),
  };

  /**
   * Requests given up on (cancelled, timed out), most recent last: a server may still answer
   * one, and that late answer is paired too. Bounded, so it cannot grow with the session.
   */
  private readonly endedRequests = new Map<string, OpenRequest>();

  constructor(
    readonly inner: Transport,
    private readonly bus: TraceBus,
    private readonly redactor: Redactor,
  ) {
    inner.onmessage = (message: JSONRPCMessage, extra?: MessageExtraInfo) => {
      this.recordSafely('incoming', message);
      this.onmessage?.(message, extra);
    };
    inner.onclose = () => {
      // Nothing will answer now; dropping them keeps a long-lived app from leaking.
      this.openRequests.outgoing.clear();
      this.openRequests.incoming.clear();
      this.endedRequests.clear();
      this.onclose?.();
    };
    inner.onerror = (error: Error) => this.onerror?.(error);
  }

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  set sessionId(value: string | undefined) {
    this.inner.sessionId = value;
  }

  setProtocolVersion(version: string): void {
    this.inner.setProtocolVersion?.(version);
  }

  start(): Promise<void> {
    return this.inner.start();
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    this.recordSafely('outgoing', message);
    const sending = this.inner.send(message, options);
    const id = (message as { id?: RpcId }).id;
    if (id === undefined || !('method' in message)) return sending;
    // A request that never left will never be answered: do not keep it open.
    return sending.catch((error: unknown) => {
      this.openRequests.outgoing.delete(id);
      throw error;
    });
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private recordSafely(direction: Direction, message: unknown): void {
    try {
      // Old protocol versions allowed JSON-RPC batches: one entry per element, so pairing works.
      if (Array.isArray(message)) for (const element of message) this.record(direction, element);
      else this.record(direction, message);
    } catch {
      // Capture must never break the conversation it observes.
    }
  }

  private record(direction: Direction, message: unknown): void {
    const monoTime = monoNow();
    const json = JSON.stringify(message) ?? 'null';
    const m = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>;
    const id = m.id as RpcId | undefined;
    const method = typeof m.method === 'string' ? m.method : undefined;
    const messageKind: MessageKind =
      method !== undefined ? (id !== undefined ? 'request' : 'notification') : 'error' in m ? 'error' : 'response';

    const draft: Omit<MessageEntry, 'seq' | 'connectionId' | 'wallTime'> = {
      type: 'message',
      direction,
      messageKind,
      size: Buffer.byteLength(json, 'utf8'),
      message: this.redacted(json, message),
      monoTime,
    };
    if (id !== undefined) draft.rpcId = id;
    if (method !== undefined) draft.method = method;

    if (messageKind === 'response' || messageKind === 'error') {
      // A response answers a request that went the other way.
      const open = id !== undefined ? this.take(opposite(direction), id) ?? this.takeEnded(opposite(direction), id) : undefined;
      if (open) {
        draft.requestSeq = open.seq;
        draft.latencyMs = monoTime - open.monoTime;
        draft.method = open.method;
      }
    } else if (method === 'notifications/cancelled') {
      // The side that sent a request is the one that gives up on it.
      const params = (m.params ?? {}) as { requestId?: RpcId; reason?: unknown };
      const open = params.requestId !== undefined ? this.take(direction, params.requestId) : undefined;
      if (open) {
        draft.endsRequestSeq = open.seq;
        this.rememberEnded(direction, params.requestId!, open);
      }
      draft.outcome = TIMEOUT_REASON.test(String(params.reason ?? '')) ? 'timeout' : 'cancelled';
    }

    const entry = this.bus.emit(draft as TraceDraft);
    if (messageKind === 'request' && id !== undefined) {
      this.openRequests[direction].set(id, { seq: entry.seq, monoTime, method: method! });
    }
  }

  /** With no secrets registered the message itself is stored; otherwise a scrubbed copy. */
  private redacted(json: string, message: unknown): unknown {
    if (!this.redactor.hasSecretValues) return message;
    const scrubbed = this.redactor.text(json);
    return scrubbed === json ? message : JSON.parse(scrubbed);
  }

  private rememberEnded(direction: Direction, id: RpcId, request: OpenRequest): void {
    this.endedRequests.set(endedKey(direction, id), request);
    if (this.endedRequests.size > MAX_ENDED_REMEMBERED) {
      this.endedRequests.delete(this.endedRequests.keys().next().value!);
    }
  }

  private takeEnded(direction: Direction, id: RpcId): OpenRequest | undefined {
    const key = endedKey(direction, id);
    const ended = this.endedRequests.get(key);
    if (ended) this.endedRequests.delete(key);
    return ended;
  }

  private take(direction: Direction, id: RpcId): OpenRequest | undefined {
    const requests = this.openRequests[direction];
    const open = requests.get(id);
    if (open) requests.delete(id);
    return open;
  }
}

/** Typed, so request id 1 and id "1" stay distinct as JSON-RPC says they are. */
function endedKey(direction: Direction, id: RpcId): string {
  return `${direction}:${typeof id}:${id}`;
}

function opposite(direction: Direction): Direction {
  return direction === 'outgoing' ? 'incoming' : 'outgoing';
}

export function traceTransport(inner: Transport, bus: TraceBus, redactor: Redactor): Transport {
  return new TracedTransport(inner, bus, redactor);
}
