import type { JSONRPCMessage, Transport, TransportSendOptions } from '@modelcontextprotocol/client';
import type { OpenRequests, RpcId } from './open-requests';
import type { TraceBus } from './trace-bus';
import { StreamStops } from './stream-stops';
import { unansweredStreamAnswer } from './unanswered-stream';

/**
 * The version negotiation probe is left to the SDK: a failed probe's answer would read as "not a
 * modern server" and send the connect to `initialize`, where a modern-only server would blame the
 * protocol version. Its stream ending still fails it, at the connect timeout, as `closed`.
 */
const LEFT_TO_THE_SDK = new Set(['server/discover']);

/**
 * Both ends of a request's own stream (Streamable HTTP answers each POST on a stream of its own).
 *
 * The client's end: in the 2026-07-28 protocol the SDK gives up on a request (timeout, cancel) by
 * aborting its stream, with no notifications/cancelled; the request is marked as ended (a late
 * answer is still paired).
 *
 * The server's end: a request fails at once when the event stream that carried it ends without
 * its response and the SDK will not resume it, instead of leaving it to its timeout (60 s by
 * default) to blame a slow server. Over Streamable HTTP the server answers a POST on that
 * stream, or on the stream resumed with `Last-Event-ID` (MCP 2025-11-25 "Transports › Streamable
 * HTTP › Resumability"); the SDK tells the end of both through `onRequestStreamEnd`, after any
 * resumption it tries. A request still open then can never be answered: a lifecycle warning says
 * so in the trace, and the SDK gets a JSON-RPC error for it, marked so the connection words it as
 * `closed` (see classify-unanswered-stream.ts). Transports without per-request streams never
 * call the hook.
 */
export class RequestStreams {
  private readonly stops: StreamStops | undefined;

  constructor(
    private readonly requests: OpenRequests,
    private readonly bus: TraceBus,
    /** Hands a message to the SDK as if it came from the server (it is not recorded as one). */
    private readonly deliver: (message: JSONRPCMessage) => void,
    transport: Transport,
  ) {
    // Only a transport that answers each request on a stream of its own (Streamable HTTP) resumes one.
    this.stops = transport.hasPerRequestStream === true ? new StreamStops(bus) : undefined;
  }

  /** The transport closed. */
  close(): void {
    this.stops?.close();
  }

  /**
   * The send options for an outgoing request: the caller's, with the stream's end reported here
   * too; and the request marked as given up when the caller aborts its stream. In the 2025 era
   * the SDK passes no signal of its own, and keeps resuming a request's stream (a GET with
   * `Last-Event-ID`, again each time a resumed stream ends unanswered) even after it has given the
   * request up: the request gets a signal here, aborted once it is given up (see stream-stops.ts).
   */
  optionsFor(id: RpcId, method: string, options: TransportSendOptions | undefined): TransportSendOptions | undefined {
    const callerSignal = options?.requestSignal;
    callerSignal?.addEventListener('abort', () => this.givenUp(id), { once: true });
    const open = callerSignal === undefined && this.stops ? this.requests.get('outgoing', id) : undefined;
    const stop = open ? (open.streamStop = this.stops!.create(open.seq)) : undefined;
    if (LEFT_TO_THE_SDK.has(method)) return stop ? { ...options, requestSignal: stop.signal } : options;
    const callerHook = options?.onRequestStreamEnd;
    return {
      ...options,
      ...(stop ? { requestSignal: stop.signal } : {}),
      onRequestStreamEnd: () => {
        callerHook?.();
        this.ended(id);
      },
    };
  }

  /** The SDK gave up on request `id` by closing its stream: mark it as ended. */
  private givenUp(id: RpcId): void {
    this.endOpen(id, 'info', (method) => `Request ${String(id)} (${method}) was given up (cancelled or timed out): its response stream was closed, which is how the 2026-07-28 protocol cancels a request`);
  }

  /** The stream of request `id` ended for good: fail the request now if nothing answered it. */
  private ended(id: RpcId): void {
    const method = this.endOpen(
      id,
      'warning',
      (m) => `Request ${String(id)} (${m}) can no longer be answered: the event stream carrying it ended without the response (its http entry says how), and there is nothing to resume it from. It fails now instead of waiting for its timeout`,
    );
    if (method === undefined) return;
    try {
      this.deliver(unansweredStreamAnswer(id, method));
    } catch {
      // The SDK's own handler failed: nothing more capture can do for this request.
    }
  }

  /**
   * Ends request `id` if it is still open, with a lifecycle entry saying why; returns its method
   * (undefined when it was answered or ended already). It stays remembered as ended: an answer
   * that still turns up is paired, not an orphan.
   */
  private endOpen(id: RpcId, state: 'info' | 'warning', why: (method: string) => string): string | undefined {
    try {
      const open = this.requests.endOpen('outgoing', id);
      if (!open) return undefined;
      this.bus.emit({ type: 'lifecycle', state, text: why(open.method), endsRequestSeq: open.seq });
      return open.method;
    } catch {
      // Capture must never break the conversation it observes (an unanswered request then times out as before).
      return undefined;
    }
  }
}
