import type { JSONRPCMessage, MessageExtraInfo, Transport, TransportSendOptions } from '@modelcontextprotocol/client';
import type { ProtocolEra } from '../../../shared/model/protocol-era';
import type { Direction, MessageEntry, MessageKind, TraceDraft } from '../../../shared/model/trace';
import { monoNow } from './clock';
import { envelopeOf, isObject, nameOf, resultFields } from './envelope';
import { eraWarnings } from './era-warnings';
import { MultiRoundCalls } from './multi-round-calls';
import type { TraceBus } from './trace-bus';

type RpcId = string | number;

interface OpenRequest {
  seq: number;
  monoTime: number;
  method: string;
  /** The logical call this request is a round of (2026-07-28 multi-round requests). */
  call?: NonNullable<MessageEntry['call']>;
  /** `params.name` / `params.uri`: matches a retry to its call when the server keeps no state. */
  name?: string;
}

/** How many given-up requests are remembered for pairing a late answer. */
const MAX_ENDED_REMEMBERED = 256;

/** The SDK's timeout reason reads "Request timed out" (or "Maximum total timeout exceeded"). */
const TIMEOUT_REASON = /timed? ?out|timeout|-32001/i;

export interface TracedTransportOptions {
  /** The connection's negotiated era, once known: era-specific checks run only then. */
  era?: () => ProtocolEra | undefined;
}

/**
 * A Transport that records every JSON-RPC message passing through it, in both directions, then
 * hands it on unchanged. It sits between the SDK Client (which installs onmessage/onclose/onerror
 * on us) and the real transport (on which we install ours), so the SDK never knows it is there:
 * every optional member of the v2 `Transport` (per-request streams, protocol version hooks, the
 * stdio process identity the SDK uses to pick its probe strategy) is passed through.
 *
 * Cost matters (every message of every connection passes here): each message is serialized once,
 * for its byte size. The message itself is stored as it is: the trace bus redacts every entry.
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
  private readonly calls = new MultiRoundCalls();

  constructor(
    readonly inner: Transport,
    private readonly bus: TraceBus,
    private readonly options: TracedTransportOptions = {},
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
      this.calls.clear();
      this.onclose?.();
    };
    inner.onerror = (error: Error) => this.onerror?.(error);
    // The SDK decides how to probe a stdio server by looking for these (a child process).
    if ('stderr' in inner && 'pid' in inner) {
      Object.defineProperty(this, 'stderr', { get: () => (inner as unknown as { stderr: unknown }).stderr, enumerable: true });
      Object.defineProperty(this, 'pid', { get: () => (inner as unknown as { pid: unknown }).pid, enumerable: true });
    }
  }

  get hasPerRequestStream(): boolean | undefined {
    return this.inner.hasPerRequestStream;
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

  setSupportedProtocolVersions(versions: string[]): void {
    this.inner.setSupportedProtocolVersions?.(versions);
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
    const m = isObject(message) ? message : {};
    const id = m.id as RpcId | undefined;
    const method = typeof m.method === 'string' ? m.method : undefined;
    const messageKind: MessageKind =
      method !== undefined ? (id !== undefined ? 'request' : 'notification') : 'error' in m ? 'error' : 'response';

    const draft: Omit<MessageEntry, 'seq' | 'connectionId' | 'wallTime'> = {
      type: 'message',
      direction,
      messageKind,
      size: Buffer.byteLength(json, 'utf8'),
      message,
      monoTime,
    };
    if (id !== undefined) draft.rpcId = id;
    if (method !== undefined) draft.method = method;
    let call: OpenRequest['call'];

    if (messageKind === 'request' || messageKind === 'notification') {
      const envelope = envelopeOf(m);
      if (envelope) draft.envelope = envelope;
      if (messageKind === 'request' && direction === 'outgoing') call = this.calls.roundOf(m, method!);
      if (call) draft.call = call;
    } else {
      // A response answers a request that went the other way.
      const open = id !== undefined ? this.take(opposite(direction), id) ?? this.takeEnded(opposite(direction), id) : undefined;
      if (open) {
        draft.requestSeq = open.seq;
        draft.latencyMs = monoTime - open.monoTime;
        draft.method = open.method;
      }
      this.annotateResult(draft, m, open);
    }
    if (method === 'notifications/cancelled') this.markCancelled(direction, m, draft);

    const warnings = eraWarnings(this.options.era?.(), direction, draft, m);
    if (warnings.length) draft.warnings = warnings;

    const entry = this.bus.emit(draft as TraceDraft);
    if (messageKind === 'request' && id !== undefined) {
      const name = nameOf(m);
      this.openRequests[direction].set(id, { seq: entry.seq, monoTime, method: method!, ...(name !== undefined ? { name } : {}), ...(call ? { call } : {}) });
    }
  }

  /** `resultType`, cache hints, and the link from an `input_required` round to the call's retry. */
  private annotateResult(draft: Omit<MessageEntry, 'seq' | 'connectionId' | 'wallTime'>, m: Record<string, unknown>, open: OpenRequest | undefined): void {
    const fields = resultFields(m);
    if (fields.resultType !== undefined) draft.resultType = fields.resultType;
    if (fields.cache) draft.cache = fields.cache;
    if (!open) return;
    const call = open.call ?? (fields.resultType === 'input_required' ? { rootSeq: open.seq, round: 1 } : undefined);
    if (call) draft.call = call;
    if (fields.resultType === 'input_required') this.calls.awaitRetry(call!, open.method, open.name, fields.requestState);
  }

  /** The side that sent a request is the one that gives up on it. */
  private markCancelled(direction: Direction, m: Record<string, unknown>, draft: Omit<MessageEntry, 'seq' | 'connectionId' | 'wallTime'>): void {
    const params = (isObject(m.params) ? m.params : {}) as { requestId?: RpcId; reason?: unknown };
    const open = params.requestId !== undefined ? this.take(direction, params.requestId) : undefined;
    if (open) {
      draft.endsRequestSeq = open.seq;
      this.rememberEnded(direction, params.requestId!, open);
    }
    draft.outcome = TIMEOUT_REASON.test(String(params.reason ?? '')) ? 'timeout' : 'cancelled';
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

export function traceTransport(inner: Transport, bus: TraceBus, options?: TracedTransportOptions): Transport {
  return new TracedTransport(inner, bus, options);
}
