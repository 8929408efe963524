import * as z from 'zod';
import { ConnectionInfo } from './connection';
import { ErrorInfo } from './error-info';
import { ProtocolEra } from './protocol-era';

/**
 * One entry of a connection's trace. Entries are append-only: what happens later to an entry
 * (a response arrives, a request is cancelled) is a new entry that points back by `seq`.
 *
 * Every value here is already redacted: secrets never enter an entry.
 */
const Base = {
  /** Monotonic per connection, starting at 1. */
  seq: z.number().int(),
  connectionId: z.string(),
  /** Wall clock, milliseconds since the epoch. */
  wallTime: z.number(),
  /** performance.timeOrigin + performance.now(), sub-millisecond, for latency and ordering. */
  monoTime: z.number(),
};

/**
 * On an in-memory copy of an entry whose payload was too big or nested too deep to keep whole:
 * what was cut, and where the whole payload is. The session file always has the whole entry
 * (unless recording was off or stopped at its cap, which `fullCopy` says).
 */
export const Truncation = z.object({
  reason: z.enum(['size', 'depth']),
  /** UTF-8 bytes of the whole payload. */
  bytes: z.number().int(),
  /** For 'size': the UTF-8 bytes kept here (the payload becomes the first part of its JSON text). */
  keptBytes: z.number().int().optional(),
  /** For 'depth': how deep the payload nests, and the most Periscope handles (see MAX_JSON_DEPTH). */
  depth: z.number().int().optional(),
  maxDepth: z.number().int().optional(),
  fullCopy: z.enum(['session-file', 'none']),
  /** The same in plain words, e.g. "truncated: 200.0 MB, the first 1.0 MB kept here; the full copy is in the session file". */
  note: z.string(),
});
export type Truncation = z.infer<typeof Truncation>;

export const Direction = z.enum(['outgoing', 'incoming']);
export type Direction = z.infer<typeof Direction>;
export const MessageKind = z.enum(['request', 'response', 'notification', 'error']);
export type MessageKind = z.infer<typeof MessageKind>;

export const MessageEntry = z.object({
  ...Base,
  type: z.literal('message'),
  direction: Direction,
  messageKind: MessageKind,
  rpcId: z.union([z.string(), z.number()]).optional(),
  method: z.string().optional(),
  /** UTF-8 bytes of the serialized message. */
  size: z.number().int(),
  message: z.unknown(),
  /** On a response/error: the seq of its request and the round trip in ms (fractional). */
  requestSeq: z.number().int().optional(),
  latencyMs: z.number().optional(),
  /** On an outgoing notifications/cancelled: which request ended without an answer, and why. */
  endsRequestSeq: z.number().int().optional(),
  outcome: z.enum(['cancelled', 'timeout']).optional(),
  /**
   * 2026-07-28: the request's `_meta` envelope (protocol version, client info, capabilities,
   * log level, trace context), lifted out of the message so it can be shown at a glance.
   */
  envelope: z.record(z.string(), z.unknown()).optional(),
  /** 2026-07-28: a result's `resultType` ("complete", "input_required"). */
  resultType: z.string().optional(),
  /** 2026-07-28: a result's cache hints. */
  cache: z.object({ ttlMs: z.number().optional(), cacheScope: z.string().optional() }).optional(),
  /**
   * A multi-round request (2026-07-28 `input_required`): every request and result of one logical
   * call carries the seq of the call's first request and its round (1 = the first request).
   */
  call: z.object({ rootSeq: z.number().int(), round: z.number().int() }).optional(),
  /**
   * 2026-07-28 `subscriptions/listen`: on the request, the filter asked for; on the server's
   * acknowledgement, both filters and what was not honoured; on a change it delivers, the stream.
   */
  listen: z
    .object({
      requestSeq: z.number().int().optional(),
      requested: z.record(z.string(), z.unknown()).optional(),
      acknowledged: z.record(z.string(), z.unknown()).optional(),
      notHonored: z.array(z.string()).optional(),
    })
    .optional(),
  /** Things the server got wrong about this message, in plain words (e.g. a legacy answer on a modern connection). */
  warnings: z.array(z.string()).optional(),
  /** Set only when the message nests deeper than Periscope handles (MAX_JSON_DEPTH): its depth. */
  depth: z.number().int().optional(),
  /**
   * The sse-event entry whose data is exactly this message. The session file then stores the
   * payload once, in that entry's `data`, and leaves `message` out of this one.
   */
  sseEventSeq: z.number().int().optional(),
  /** On an in-memory copy: `message` is a stand-in (see Truncation). */
  truncated: Truncation.optional(),
});
export type MessageEntry = z.infer<typeof MessageEntry>;

export const HttpTimings = z.object({
  /** monoTime values. */
  sent: z.number(),
  headers: z.number().optional(),
  done: z.number().optional(),
});

export const HttpEntry = z.object({
  ...Base,
  type: z.literal('http'),
  /** Stable id of this exchange, used by its sse-event entries. */
  exchangeId: z.string(),
  phase: z.enum(['headers', 'complete', 'failed']),
  method: z.string(),
  url: z.string(),
  status: z.number().int().optional(),
  statusText: z.string().optional(),
  requestHeaders: z.record(z.string(), z.string()),
  responseHeaders: z.record(z.string(), z.string()).optional(),
  requestBody: z.string().optional(),
  /**
   * The message entry whose JSON-RPC message this request's body carried (a POST of one message,
   * over Streamable HTTP or the legacy SSE transport): links a request to its exchange, and so to
   * its phases (timings.headers, the exchange's first sse-event, the answer).
   */
  messageSeq: z.number().int().optional(),
  responseBody: z.string().optional(),
  bodyTruncated: z.boolean().optional(),
  /** True when the response is an event stream (its events follow as sse-event entries). */
  streaming: z.boolean().optional(),
  /**
   * On an event stream's last entry: who ended it. `server`: the server ended the response (its
   * body came to an end); `client`: Periscope stopped reading it (the request was cancelled or
   * timed out, the connection was closed). Absent when it failed (`error` says why) and in
   * session files written before it was recorded.
   */
  endedBy: z.enum(['server', 'client']).optional(),
  timings: HttpTimings,
  error: ErrorInfo.optional(),
  /** e.g. "Mcp-Method says tools/list but the body calls tools/call". */
  warnings: z.array(z.string()).optional(),
});
export type HttpEntry = z.infer<typeof HttpEntry>;

export const SseEventEntry = z.object({
  ...Base,
  type: z.literal('sse-event'),
  exchangeId: z.string(),
  eventId: z.string().optional(),
  event: z.string().optional(),
  retry: z.number().optional(),
  size: z.number().int(),
  data: z.string(),
  /** On an in-memory copy: `data` is the first part of the event's data. */
  truncated: Truncation.optional(),
});
export type SseEventEntry = z.infer<typeof SseEventEntry>;

export const WebSocketEntry = z.object({
  ...Base,
  type: z.literal('websocket'),
  event: z.enum(['upgrade', 'open', 'frame-out', 'frame-in', 'ping', 'pong', 'close', 'error']),
  url: z.string().optional(),
  status: z.number().int().optional(),
  requestHeaders: z.record(z.string(), z.string()).optional(),
  responseHeaders: z.record(z.string(), z.string()).optional(),
  protocol: z.string().optional(),
  size: z.number().int().optional(),
  closeCode: z.number().int().optional(),
  closeReason: z.string().optional(),
});
export type WebSocketEntry = z.infer<typeof WebSocketEntry>;

export const StderrEntry = z.object({
  ...Base,
  type: z.literal('stderr'),
  line: z.string(),
  /** On an in-memory copy: `line` is the first part of a very long line. */
  truncated: Truncation.optional(),
});
export type StderrEntry = z.infer<typeof StderrEntry>;

/**
 * A line a stdio server wrote to stdout that is not a JSON-RPC message (a banner, a log line).
 * The MCP stdio transport reserves stdout for messages; the SDK drops such lines unseen, so they
 * are kept here, each with a warning saying so.
 */
export const StdoutEntry = z.object({
  ...Base,
  type: z.literal('stdout'),
  line: z.string(),
  warnings: z.array(z.string()).optional(),
  /** On an in-memory copy: `line` is the first part of a very long line. */
  truncated: Truncation.optional(),
});
export type StdoutEntry = z.infer<typeof StdoutEntry>;

export const LifecycleEntry = z.object({
  ...Base,
  type: z.literal('lifecycle'),
  /** `warning`: the server did something wrong that did not stop the connection (an orphan answer, non-JSON on stdout). */
  state: z.enum(['connecting', 'connected', 'error', 'closed', 'info', 'warning']),
  text: z.string(),
  info: ConnectionInfo.optional(),
  error: ErrorInfo.optional(),
  /**
   * A request that ended without an answer and without a notifications/cancelled message: in the
   * 2026-07-28 era over Streamable HTTP the client cancels by closing the request's response stream.
   */
  endsRequestSeq: z.number().int().optional(),
  /** The session file stopped taking entries (its size cap was reached, or the disk failed); the connection goes on. */
  recordingStopped: z
    .object({
      reason: z.enum(['cap', 'error']),
      path: z.string(),
      /** The cap in bytes, for reason 'cap'. */
      capBytes: z.number().int().optional(),
      /** The first entry that is not in the file. */
      fromSeq: z.number().int(),
    })
    .optional(),
});
export type LifecycleEntry = z.infer<typeof LifecycleEntry>;

/**
 * A server asked the client for input (elicitation, sampling, roots) and something answered it:
 * a 2025 server-to-client request, or an embedded request of a 2026 `input_required` result.
 * Nothing is answered silently; this entry says who answered and with what.
 */
export const ClientInputEntry = z.object({
  ...Base,
  type: z.literal('client-input'),
  method: z.string(),
  era: ProtocolEra.optional(),
  answeredBy: z.enum(['user', 'option', 'default']),
  /** e.g. "the --elicitation accept-defaults option". */
  source: z.string(),
  outcome: z.enum(['accept', 'decline', 'cancel', 'answered', 'error']),
  request: z.unknown().optional(),
  answer: z.unknown().optional(),
  /** On an in-memory copy: `request` and `answer` are the first part of their JSON text. */
  truncated: Truncation.optional(),
});
export type ClientInputEntry = z.infer<typeof ClientInputEntry>;

export const TraceEntry = z.discriminatedUnion('type', [
  MessageEntry,
  HttpEntry,
  SseEventEntry,
  WebSocketEntry,
  StderrEntry,
  StdoutEntry,
  LifecycleEntry,
  ClientInputEntry,
]);
export type TraceEntry = z.infer<typeof TraceEntry>;

/** What every producer hands to the capture layer; seq and connectionId are filled in by the bus. */
export type TraceDraft = TraceEntry extends infer E
  ? E extends TraceEntry
    ? Omit<E, 'seq' | 'connectionId' | 'wallTime' | 'monoTime'> & Partial<Pick<E, 'wallTime' | 'monoTime'>>
    : never
  : never;
