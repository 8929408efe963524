/**
 * The 2026-07-28 per-request `_meta` envelope and result fields, read off raw messages for the
 * trace. Pure functions over parsed JSON; nothing here throws on odd input.
 *
 * Source: MCP specification 2026-07-28, "Base protocol › _meta" (reserved
 * `io.modelcontextprotocol/*` keys) and "Caching" (`ttlMs`, `cacheScope`); W3C Trace Context
 * (`traceparent`, `tracestate`) and `baggage`, which travel in `_meta` too.
 */

const RESERVED_PREFIX = 'io.modelcontextprotocol/';
const TRACE_CONTEXT_KEYS = ['traceparent', 'tracestate', 'baggage'];

/**
 * The envelope of a request or notification, with short key names
 * (`protocolVersion`, `clientInfo`, `clientCapabilities`, `logLevel`, `traceparent`, ...), or
 * undefined when the message carries none (every 2025-era message).
 */
export function envelopeOf(message: Record<string, unknown>): Record<string, unknown> | undefined {
  const params = message.params;
  if (!isObject(params) || !isObject(params._meta)) return undefined;
  const meta = params._meta;
  let envelope: Record<string, unknown> | undefined;
  for (const key of Object.keys(meta)) {
    const short = key.startsWith(RESERVED_PREFIX) ? key.slice(RESERVED_PREFIX.length) : TRACE_CONTEXT_KEYS.includes(key) ? key : undefined;
    if (short === undefined || short === 'related-task' || short === 'subscriptionId') continue;
    (envelope ??= {})[short] = meta[key];
  }
  return envelope;
}

/** The protocol version a message's envelope claims, when it has one. */
export function claimedVersion(message: Record<string, unknown>): string | undefined {
  const params = message.params;
  if (!isObject(params) || !isObject(params._meta)) return undefined;
  const version = params._meta[`${RESERVED_PREFIX}protocolVersion`];
  return typeof version === 'string' ? version : undefined;
}

export interface ResultFields {
  resultType?: string;
  cache?: { ttlMs?: number; cacheScope?: string };
  /** For `input_required`: the opaque state the client must echo on its retry. */
  requestState?: string;
}

/** `resultType` and cache hints of a JSON-RPC result (empty for a 2025-era result). */
export function resultFields(message: Record<string, unknown>): ResultFields {
  const result = message.result;
  if (!isObject(result)) return {};
  const out: ResultFields = {};
  if (typeof result.resultType === 'string') out.resultType = result.resultType;
  const ttlMs = typeof result.ttlMs === 'number' ? result.ttlMs : undefined;
  const cacheScope = typeof result.cacheScope === 'string' ? result.cacheScope : undefined;
  if (ttlMs !== undefined || cacheScope !== undefined) out.cache = { ...(ttlMs !== undefined ? { ttlMs } : {}), ...(cacheScope !== undefined ? { cacheScope } : {}) };
  if (typeof result.requestState === 'string') out.requestState = result.requestState;
  return out;
}

/** The retry fields of a multi-round request: present on every round after the first. */
export function retryFields(message: Record<string, unknown>): { requestState?: string; hasInputResponses: boolean } | undefined {
  const params = message.params;
  if (!isObject(params)) return undefined;
  const hasInputResponses = isObject(params.inputResponses);
  const requestState = typeof params.requestState === 'string' ? params.requestState : undefined;
  return hasInputResponses || requestState !== undefined ? { ...(requestState !== undefined ? { requestState } : {}), hasInputResponses } : undefined;
}

/** `params.name` (tools/call, prompts/get) or `params.uri` (resources/*): what `Mcp-Name` mirrors. */
export function nameOf(message: Record<string, unknown>): string | undefined {
  const params = message.params;
  if (!isObject(params)) return undefined;
  if (typeof params.name === 'string') return params.name;
  if (typeof params.uri === 'string') return params.uri;
  if (typeof params.taskId === 'string') return params.taskId;
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
