import type { JSONRPCMessage, TransportSendOptions } from '@modelcontextprotocol/client';
import type { OpenRequests, RpcId } from './open-requests';
import type { TraceBus } from './trace-bus';

/** The `data.periscope` value of the stand-in error the SDK receives for a request whose stream ended unanswered. */
export const STREAM_ENDED_MARK = 'stream-ended-unanswered';

/** JSON-RPC -32603 (internal error): the answer is the client's own, not the server's. */
const STREAM_ENDED_CODE = -32603;

/**
 * The version negotiation probe is left to the SDK: a failed probe's answer would read as "not a
 * modern server" and send the connect to `initialize`, where a modern-only server would blame the
 * protocol version. Its stream ending still fails it, at the connect timeout, as `closed`.
 */
const LEFT_TO_THE_SDK = new Set(['server/discover']);

/**
 * Fails a request at once when the event stream that carried it ends without its response and
 * the SDK will not resume it, instead of leaving it to its timeout (60 s by default) to blame a
 * slow server. Over Streamable HTTP the server answers a POST on that stream, or on the stream
 * resumed with `Last-Event-ID` (MCP 2025-11-25 "Transports › Streamable HTTP › Resumability");
 * the SDK tells the end of both through `onRequestStreamEnd`, after any resumption it tries. A
 * request still open then can never be answered: a lifecycle warning says so in the trace, and
 * the SDK gets a JSON-RPC error for it, marked so the connection words it as `closed` (see
 * classify-unanswered-stream.ts). Transports without per-request streams never call the hook.
 */
export class UnansweredStreams {
  constructor(
    private readonly requests: OpenRequests,
    private readonly bus: TraceBus,
    /** Hands a message to the SDK as if it came from the server (it is not recorded as one). */
    private readonly deliver: (message: JSONRPCMessage) => void,
  ) {}

  /** The send options for an outgoing request: the caller's, with the stream's end reported here too. */
  optionsFor(id: RpcId, method: string, options: TransportSendOptions | undefined): TransportSendOptions | undefined {
    if (LEFT_TO_THE_SDK.has(method)) return options;
    const callerHook = options?.onRequestStreamEnd;
    return {
      ...options,
      onRequestStreamEnd: () => {
        callerHook?.();
        this.ended(id);
      },
    };
  }

  /** The stream of request `id` ended for good: fail the request now if nothing answered it. */
  private ended(id: RpcId): void {
    try {
      const open = this.requests.take('outgoing', id);
      if (!open) return;
      // Remembered as given up: an answer that still turns up somewhere is paired, not an orphan.
      this.requests.end('outgoing', id, open);
      this.bus.emit({
        type: 'lifecycle',
        state: 'warning',
        text: `Request ${String(id)} (${open.method}) can no longer be answered: the server ended the event stream carrying it without the response, and there is nothing to resume it from. It fails now instead of waiting for its timeout`,
        endsRequestSeq: open.seq,
      });
      this.deliver(unansweredStreamAnswer(id, open.method));
    } catch {
      // Capture must never break the conversation it observes: the request then times out as before.
    }
  }
}

/** The JSON-RPC error the SDK receives for a request whose stream ended unanswered. */
export function unansweredStreamAnswer(id: RpcId, method: string): JSONRPCMessage {
  return {
    jsonrpc: '2.0',
    id,
    error: { code: STREAM_ENDED_CODE, message: `The server ended the event stream carrying ${method} without sending the response`, data: { periscope: STREAM_ENDED_MARK, method } },
  };
}

/** True when `error` (or one of its causes) is the stand-in error of unansweredStreamAnswer. */
export function isUnansweredStreamError(error: unknown): boolean {
  for (let e = error, hops = 0; e && hops < 5; e = (e as { cause?: unknown }).cause, hops++) {
    if ((e as { data?: { periscope?: unknown } }).data?.periscope === STREAM_ENDED_MARK) return true;
  }
  return false;
}
