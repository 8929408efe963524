import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import { MAX_JSON_DEPTH, textDepth, valueDepth } from '../../../shared/json/json-depth';
import { jsonText } from '../../../shared/json/json-text';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { PeriscopeError } from '../diagnostics/periscope-error';

/**
 * Messages nested deeper than MAX_JSON_DEPTH. JSON.parse takes any depth, but almost everything
 * after it recurses: the SDK's zod schemas for capabilities and tool schemas (stack overflow at
 * about 1,180 levels), structuredClone (connection info), Electron's IPC, JSON.stringify (the
 * CLI, the session file). So the traced transport stops such a message at the door: it is
 * recorded (whole in the session file, its first levels in memory) and the SDK never sees it.
 * The request it answers fails with a `protocol` error naming the depth.
 */

/** A message serialized once, with its nesting depth when that is more than Periscope handles. */
export interface MeasuredMessage {
  json: string;
  /** Set only when deeper than MAX_JSON_DEPTH. */
  depth?: number;
}

/** The `data.periscope` value of the stand-in error the SDK receives instead of a too-deep answer. */
export const TOO_DEEP_MARK = 'nested-too-deep';

/** JSON-RPC -32700 (parse error): the answer could not be taken in safely. */
const TOO_DEEP_CODE = -32700;

/**
 * Serializes a message and measures its depth. The depth scan runs only on text long enough to
 * nest past the limit (two characters per level at least), so ordinary messages pay nothing.
 */
export function measureMessage(message: unknown): MeasuredMessage {
  let json: string | undefined;
  try {
    json = JSON.stringify(message) ?? 'null';
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  if (json === undefined) {
    // JSON.stringify overflowed the stack: certainly too deep; serialize without recursion.
    return { json: jsonText(message).text, depth: valueDepth(message) };
  }
  if (json.length > 2 * MAX_JSON_DEPTH && textDepth(json, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) return { json, depth: textDepth(json) };
  return { json };
}

export interface ShallowDelivery {
  /** Hands a message to the SDK. */
  deliver(message: JSONRPCMessage): void;
  /** Sends a message back to the server (traced). */
  answerServer(message: JSONRPCMessage): void;
  /** The method of the request a response id answers, and forgetting it. */
  methodAnswered(id: string | number): string | undefined;
  forget(id: string | number): void;
}

/**
 * Hands the SDK what it can take of an incoming message with too-deep parts (`tooDeep`: element →
 * depth): an answer becomes an error answer for its request (which then fails naming the depth),
 * a request from the server is refused with an error sent back, a notification is dropped. The
 * trace has recorded them all already.
 */
export function deliverShallow(message: JSONRPCMessage, tooDeep: Map<unknown, number>, to: ShallowDelivery): void {
  for (const element of Array.isArray(message) ? (message as unknown[]) : [message]) {
    const depth = tooDeep.get(element);
    if (depth === undefined) {
      to.deliver(element as JSONRPCMessage);
      continue;
    }
    const m = (typeof element === 'object' && element !== null ? element : {}) as { id?: string | number; method?: unknown };
    if (m.id === undefined) continue;
    if (typeof m.method === 'string') {
      to.answerServer(tooDeepRequestRefusal(m.id, depth));
    } else {
      to.deliver(tooDeepAnswer(m.id, depth, to.methodAnswered(m.id)));
      to.forget(m.id);
    }
  }
}

/** What became of a too-deep message, in words for its trace entry's warnings. */
export function tooDeepWarning(message: unknown, depth: number, direction: 'incoming' | 'outgoing'): string {
  const m = (typeof message === 'object' && message !== null ? message : {}) as { id?: unknown; method?: unknown };
  const what = `This message is nested ${depth.toLocaleString('en-US')} levels deep; Periscope handles up to ${MAX_JSON_DEPTH} levels`;
  if (direction === 'outgoing') return `${what}, so it was not sent`;
  if (typeof m.method === 'string' && m.id !== undefined) return `${what}, so it was not handed to the client: Periscope answered the server's request with an error`;
  if (typeof m.method === 'string') return `${what}, so the notification was not handed to the client`;
  return `${what}, so the request it answers fails with a protocol error`;
}

/** The JSON-RPC error the SDK receives in place of a too-deep answer to `method`. */
export function tooDeepAnswer(id: string | number, depth: number, method: string | undefined): JSONRPCMessage {
  return {
    jsonrpc: '2.0',
    id,
    error: {
      code: TOO_DEEP_CODE,
      message: tooDeepText(depth, method),
      data: { periscope: TOO_DEEP_MARK, depth, maxDepth: MAX_JSON_DEPTH, ...(method ? { method } : {}) },
    },
  };
}

/** The error Periscope answers a too-deep request from the server with. */
export function tooDeepRequestRefusal(id: string | number, depth: number): JSONRPCMessage {
  return {
    jsonrpc: '2.0',
    id,
    error: { code: -32600, message: `Invalid request: nested ${depth} levels deep; this client handles up to ${MAX_JSON_DEPTH} levels`, data: { depth, maxDepth: MAX_JSON_DEPTH } },
  };
}

/**
 * The ErrorInfo for a request whose answer was too deep, when `error` is the stand-in error (the
 * SDK may wrap it: causes are followed); undefined for any other error.
 */
export function tooDeepErrorInfo(error: unknown): ErrorInfo | undefined {
  for (let e = error, hops = 0; e && hops < 5; e = (e as { cause?: unknown }).cause, hops++) {
    const data = (e as { data?: unknown }).data as { periscope?: unknown; depth?: unknown; method?: unknown } | undefined;
    if (data?.periscope !== TOO_DEEP_MARK || typeof data.depth !== 'number') continue;
    const method = typeof data.method === 'string' ? data.method : undefined;
    return {
      kind: 'protocol',
      message: tooDeepText(data.depth, method),
      hint: `the trace shows the answer's first levels (the session file, when recording, has it whole); a server should not nest JSON this deep: look for a recursive structure it serializes`,
      detail: { depth: data.depth, maxDepth: MAX_JSON_DEPTH, ...(method ? { method } : {}) },
    };
  }
  return undefined;
}

/** An outgoing message too deep to send: refused before it reaches the wire. */
export function tooDeepToSend(depth: number, method: string | undefined): PeriscopeError {
  return new PeriscopeError({
    kind: 'invalid-input',
    message: `The ${method ?? 'message'} to send is nested ${depth.toLocaleString('en-US')} levels deep; Periscope handles up to ${MAX_JSON_DEPTH} levels`,
    hint: 'send arguments that nest less deeply',
    detail: { depth, maxDepth: MAX_JSON_DEPTH },
  });
}

function tooDeepText(depth: number, method: string | undefined): string {
  return `The server's answer${method ? ` to ${method}` : ''} is nested ${depth.toLocaleString('en-US')} levels deep; Periscope handles up to ${MAX_JSON_DEPTH} levels`;
}
