import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import type { RpcId } from './open-requests';

/**
 * The stand-in error for a request whose event stream ended without its response (see
 * request-streams.ts), and how the classifier recognises it.
 */

/** The `data.periscope` value of the stand-in error the SDK receives for a request whose stream ended unanswered. */
export const STREAM_ENDED_MARK = 'stream-ended-unanswered';

/** JSON-RPC -32603 (internal error): the answer is the client's own, not the server's. */
const STREAM_ENDED_CODE = -32603;

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
