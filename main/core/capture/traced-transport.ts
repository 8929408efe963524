import type { JSONRPCMessage, MessageExtraInfo, Transport, TransportSendOptions } from '@modelcontextprotocol/client';
import type { Direction, MessageEntry, MessageKind, TraceDraft } from '../../../shared/model/trace';
import { monoNow } from './clock';
import { deliverShallow, measureMessage, tooDeepToSend, tooDeepWarning } from './depth-guard';
import { envelopeOf, isObject, nameOf, resultFields } from './envelope';
import { eraWarnings } from './era-warnings';
import { ListenStreams } from './listen-streams';
import { MultiRoundCalls } from './multi-round-calls';
import { withPlainNumbers } from './raw-json-numbers';
import { OpenRequests, type OpenRequest, type RpcId } from './open-requests';
import { InFlightSends } from './in-flight-sends';
import { RequestStreams } from './request-streams';
import { whileOffering } from './message-json';
import { existingPostBodyLinks } from './post-body-links';
import { ssePayloadLinks, type SsePayloadLinks } from './sse-payload-links';
import type { TraceBus } from './trace-bus';
import { isSchemaRefusal, parseIncoming, refusalWords, unparsedMessageOf } from './unparsed-message';
import type { OrphanResponse, TracedTransportOptions } from './traced-transport-options';

export type { OrphanResponse, TracedTransportOptions } from './traced-transport-options';

/** The SDK's timeout reason reads "Request timed out" (or "Maximum total timeout exceeded"). */
const TIMEOUT_REASON = /timed? ?out|timeout|-32001/i;

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

  private readonly requests = new OpenRequests();
  private readonly calls = new MultiRoundCalls();
  private readonly listens = new ListenStreams();
  private readonly links: SsePayloadLinks;
  private readonly streams: RequestStreams;
  /** Notifications and answers on their way (see InFlightSends): a close lets them land first. */
  readonly notifications = new InFlightSends();
  /** The method a too-deep answer answered, until the stand-in error is handed over. */
  private readonly answeredMethod = new Map<RpcId, string>();

  constructor(
    readonly inner: Transport,
    private readonly bus: TraceBus,
    private readonly options: TracedTransportOptions = {},
  ) {
    this.links = ssePayloadLinks(bus);
    this.streams = new RequestStreams(this.requests, bus, (m) => this.onmessage?.(m), inner);
    inner.onmessage = (message: JSONRPCMessage, extra?: MessageExtraInfo) => {
      const { reassigned, tooDeep } = this.recordSafely('incoming', message);
      if (tooDeep) {
        return deliverShallow(message, tooDeep, {
          deliver: (m) => this.onmessage?.(m, extra),
          answerServer: (m) => void this.send(m).catch(() => undefined),
          methodAnswered: (id) => this.answeredMethod.get(id),
          forget: (id) => this.answeredMethod.delete(id),
        });
      }
      // An error without an id, paired with the only waiting request: the SDK gets it with that
      // id, so the request fails now with the server's code and message instead of timing out.
      this.onmessage?.(reassigned === undefined ? message : ({ ...message, id: reassigned } as JSONRPCMessage), extra);
    };
    inner.onclose = () => {
      // Nothing will answer now; dropping them keeps a long-lived app from leaking.
      this.requests.clear();
      this.streams.close();
      this.calls.clear();
      this.listens.clear();
      this.links.clear();
      this.onclose?.();
    };
    inner.onerror = (error: Error) => {
      if (!this.receiveUnparsed(error)) this.onerror?.(error);
    };
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
    const { tooDeep } = this.recordSafely('outgoing', message);
    // The SDK would overflow the stack serializing it: refuse it here, by name.
    if (tooDeep) return Promise.reject(tooDeepToSend(tooDeep.values().next().value!, (message as { method?: string }).method));
    const id = (message as { id?: RpcId }).id;
    if (id === undefined || !('method' in message)) return this.notifications.track(this.inner.send(message, options));
    const sending = this.inner.send(message, this.streams.optionsFor(id, message.method, options));
    // A request that never left will never be answered: do not keep it open.
    return sending.catch((error: unknown) => {
      this.requests.delete('outgoing', id);
      throw error;
    });
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /**
   * Records a message (one entry per element of an old-style JSON-RPC batch, so pairing works).
   * Returns the id an id-less error was paired with, and the elements nested deeper than
   * Periscope handles with their depth, if any.
   */
  private recordSafely(direction: Direction, message: unknown, refusal?: string): { reassigned?: RpcId; tooDeep?: Map<unknown, number> } {
    const out: { reassigned?: RpcId; tooDeep?: Map<unknown, number> } = {};
    for (const element of Array.isArray(message) ? message : [message]) {
      try {
        const { depth, reassigned } = this.record(direction, element, refusal);
        if (depth !== undefined) (out.tooDeep ??= new Map()).set(element, depth);
        if (reassigned !== undefined && !Array.isArray(message)) out.reassigned = reassigned;
      } catch (error) {
        // Capture must never break the conversation it observes, nor lose a message silently.
        this.noteUnrecorded(direction, error);
      }
    }
    return out;
  }

  private noteUnrecorded(direction: Direction, error: unknown): void {
    try {
      const why = error instanceof Error ? error.message : String(error);
      this.bus.emit({ type: 'lifecycle', state: 'info', text: `An ${direction} message could not be recorded (${why.slice(0, 200)}); it was passed on unchanged` });
    } catch {
      // nothing more to do
    }
  }

  /**
   * A message the transport refused as invalid JSON-RPC (reported through onerror): recorded, so
   * it is not lost; an answer is matched like any other, and an error whose id the server could
   * not fill in (`"id": null`, which the MCP schema refuses) goes to the SDK under its request's
   * id. True when handled; other refusals go on to the SDK's onerror as before.
   */
  private receiveUnparsed(error: Error): boolean {
    let raw = unparsedMessageOf(error)?.raw;
    if (raw === undefined && isSchemaRefusal(error)) {
      const data = this.options.takeEventData?.();
      const recovered = data === undefined ? undefined : parseIncoming(data);
      if (recovered && 'unparsed' in recovered) raw = recovered.unparsed.raw;
    }
    if (!isObject(raw) || 'method' in raw || !('error' in raw || 'result' in raw)) {
      if (isObject(raw)) this.recordSafely('incoming', raw, refusalWords(raw));
      return false;
    }
    const { reassigned } = this.recordSafely('incoming', raw, refusalWords(raw));
    const rpcError = raw.error as { code?: unknown; message?: unknown; data?: unknown } | undefined;
    if (reassigned !== undefined && isObject(rpcError) && Number.isInteger(rpcError.code) && typeof rpcError.message === 'string') {
      const error = { code: rpcError.code as number, message: rpcError.message, ...(rpcError.data !== undefined ? { data: rpcError.data } : {}) };
      this.onmessage?.({ jsonrpc: '2.0', id: reassigned, error } as JSONRPCMessage);
      return true;
    }
    // An orphan (noted for the timeout's error) or a malformed answer to a known request.
    return reassigned === undefined;
  }

  /** Records one message; returns its depth when it nests deeper than Periscope handles, and the id an id-less error was paired with. */
  private record(direction: Direction, message: unknown, refusal?: string): { depth?: number; reassigned?: RpcId } {
    const monoTime = monoNow();
    const { json, depth } = measureMessage(message);
    const m = isObject(message) ? message : {};
    const id = typeof m.id === 'string' || typeof m.id === 'number' ? m.id : undefined;
    const method = typeof m.method === 'string' ? m.method : undefined;
    const messageKind: MessageKind =
      method !== undefined ? (id !== undefined ? 'request' : 'notification') : 'error' in m ? 'error' : 'response';

    const draft: Omit<MessageEntry, 'seq' | 'connectionId' | 'wallTime'> = {
      type: 'message',
      direction,
      messageKind,
      size: Buffer.byteLength(json, 'utf8'),
      message: direction === 'outgoing' ? withPlainNumbers(message) : message,
      monoTime,
    };
    if (id !== undefined) draft.rpcId = id;
    if (method !== undefined) draft.method = method;
    if (depth !== undefined) draft.depth = depth;
    if (direction === 'incoming') {
      const sseEventSeq = this.links.claim(json);
      if (sseEventSeq !== undefined) draft.sseEventSeq = sseEventSeq;
    }
    let call: OpenRequest['call'];
    let reassigned: RpcId | undefined;
    let orphanWaiting: RpcId[] | undefined;
    // Allocated only when there is something to say: every message passes here.
    let warnings: string[] | undefined = refusal ? [refusal] : undefined;
    let orphanWarning: string | undefined;

    if (messageKind === 'request' || messageKind === 'notification') {
      const envelope = envelopeOf(m);
      if (envelope) draft.envelope = envelope;
      if (messageKind === 'request' && direction === 'outgoing') call = this.calls.roundOf(m, method!);
      if (call) draft.call = call;
      if (messageKind === 'notification' && direction === 'incoming') {
        const listen = this.listens.incoming(method!, m);
        if (listen) draft.listen = listen;
      }
    } else {
      // A response answers a request that went the other way.
      const match = this.requests.match(direction, m.id, messageKind === 'error');
      const open = 'open' in match ? match.open : undefined;
      if (open) {
        draft.requestSeq = open.seq;
        draft.latencyMs = monoTime - open.monoTime;
        draft.method = open.method;
      }
      if (match.warning) (warnings ??= []).push(match.warning);
      if ('orphan' in match) orphanWarning = match.warning;
      if ('reassigned' in match && match.reassigned) reassigned = match.id;
      this.annotateResult(draft, m, open);
      if (open?.method === 'subscriptions/listen') this.listens.ended(id!);
      if ('orphan' in match) orphanWaiting = match.waiting;
    }
    if (method === 'notifications/cancelled') this.markCancelled(direction, m, draft);

    const era = eraWarnings(this.options.era?.(), direction, draft, m);
    if (era.length) (warnings ??= []).push(...era);
    if (depth !== undefined) (warnings ??= []).push(tooDeepWarning(m, depth, direction));
    if (warnings) draft.warnings = warnings;
    // A too-deep answer is replaced for the SDK by an error naming its request's method.
    if (depth !== undefined && direction === 'incoming' && id !== undefined && draft.method !== undefined && method === undefined) this.answeredMethod.set(id, draft.method);

    if (method === 'subscriptions/listen' && messageKind === 'request' && direction === 'outgoing' && id !== undefined) {
      draft.listen = this.listens.requested(id, this.bus.peekNextSeq(), m);
    }
    // The session file can use the text measured above instead of serializing the message again.
    const entry = whileOffering(draft.message === message ? message : undefined, json, () => this.bus.emit(draft as TraceDraft));
    // Over HTTP the POST that carries this message claims it (its http entry gets `messageSeq`).
    if (direction === 'outgoing') existingPostBodyLinks(this.bus)?.offer(entry.seq, json, m);
    // A too-deep outgoing request is refused before the wire: nothing will answer it.
    if (messageKind === 'request' && id !== undefined && !(depth !== undefined && direction === 'outgoing')) {
      const name = nameOf(m);
      this.requests.add(direction, id, { seq: entry.seq, monoTime, method: method!, ...(name !== undefined ? { name } : {}), ...(call ? { call } : {}) });
    }
    if (orphanWaiting) this.reportOrphan(entry.seq, m, orphanWaiting, orphanWarning!);
    return { ...(depth !== undefined ? { depth } : {}), ...(reassigned !== undefined ? { reassigned } : {}) };
  }

  /** An answer nobody waits for: a lifecycle warning (seen at once) and a note for the timeout's error. */
  private reportOrphan(seq: number, m: Record<string, unknown>, waiting: RpcId[], warning: string): void {
    const error = isObject(m.error) ? { code: m.error.code, message: m.error.message } : undefined;
    this.bus.emit({ type: 'lifecycle', state: 'warning', text: `The server sent an answer that matches no waiting request (trace entry ${seq}). ${warning}` });
    this.options.onOrphan?.({ id: m.id as OrphanResponse['id'], seq, waiting, ...(error ? { error } : {}) });
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
    const open = params.requestId !== undefined ? this.requests.endOpen(direction, params.requestId) : undefined;
    if (open) draft.endsRequestSeq = open.seq;
    draft.outcome = TIMEOUT_REASON.test(String(params.reason ?? '')) ? 'timeout' : 'cancelled';
  }
}

export function traceTransport(inner: Transport, bus: TraceBus, options?: TracedTransportOptions): TracedTransport {
  return new TracedTransport(inner, bus, options);
}
