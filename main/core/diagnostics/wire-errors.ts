import type { ErrorInfo } from '../../../shared/model/error-info';
import type { ErrorContext } from './classify-error';
import { FIX } from './fixes';
import { headerValue, hostPortOf } from './error-text';

/** What a thrown value in a cause chain may carry: Node's, undici's, llhttp's and ws's fields. */
interface WireErrorLike {
  code?: unknown;
  message?: unknown;
  name?: unknown;
  /** Set by our WebSocket transport and HTTP capture (answer-limit.ts) on a message over its size limit. */
  limitBytes?: unknown;
  /** answer-limit.ts: `body` or `event`. */
  part?: unknown;
}

/** zlib's error codes (gzip, deflate) as Node reports them on a failed decompression. */
const ZLIB_CODES = new Set(['Z_DATA_ERROR', 'Z_BUF_ERROR', 'Z_STREAM_ERROR', 'Z_NEED_DICT', 'Z_MEM_ERROR']);
/** Brotli's decoder errors in Node read like ERR__ERROR_FORMAT_PADDING_2 or ERR_BROTLI_... */
const BROTLI_CODE = /^ERR_(_ERROR_|BROTLI_)/;
/** llhttp's words (undici's HTTPParserError, node:http's "Parse Error"), also inside flattened messages. */
const NOT_HTTP_TEXT = /Response does not match the HTTP\/1\.1 protocol \([^)]*\)|Parse Error: [^:]+/;
/** V8's longest string: 2^29 - 24 characters on 64-bit Node (buffer.constants.MAX_STRING_LENGTH). */
const MAX_STRING_TEXT = 'about 512 MiB of text';

/**
 * Failures below JSON-RPC, named for what happened on the wire: an answer that is not HTTP at all
 * (llhttp's HPE_* codes, from undici and from ws's upgrade), a body that does not decode as its
 * Content-Encoding says (zlib, brotli), and data too large to hold: our message limit (a
 * WebSocket message, an HTTP body or event) or the JavaScript runtime's longest string. Undefined for anything else.
 */
export function classifyWireError(link: WireErrorLike, context: ErrorContext): ErrorInfo | undefined {
  const code = typeof link.code === 'string' ? link.code : undefined;
  const message = typeof link.message === 'string' ? link.message : '';
  const where = hostPortOf(context.url) ?? 'the server';

  const notHttp = NOT_HTTP_TEXT.exec(message);
  if (code?.startsWith('HPE_') || link.name === 'HTTPParserError' || notHttp) {
    const reason = (notHttp?.[0] ?? message).replace(/^Parse Error: /, '');
    return {
      kind: 'not-mcp',
      message: `${where} did not answer with valid HTTP (${reason}): something other than an HTTP server is listening there`,
      hint: 'check the port (SSH, a database or another service may be on it); if the server speaks HTTPS only, use https:// (or wss://)',
      detail: { ...(code ? { code } : {}), reason, ...(context.url ? { url: context.url } : {}) },
    };
  }

  if (code && (ZLIB_CODES.has(code) || BROTLI_CODE.test(code))) {
    const declared = context.contentEncoding ?? headerValue(context.lastHttp?.responseHeaders, 'content-encoding');
    const encoding = declared ?? (ZLIB_CODES.has(code) ? 'gzip or deflate' : 'br');
    return {
      kind: 'protocol',
      message: `The response body from ${where} could not be decoded (${encoding}): ${message || code}`,
      hint: `the server or a proxy labelled the body Content-Encoding: ${encoding} but sent something else; check its compression settings (the trace shows the response headers)`,
      detail: { code, encoding, reason: message, ...(context.url ? { url: context.url } : {}) },
    };
  }

  if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
    const limit = typeof link.limitBytes === 'number' ? link.limitBytes : undefined;
    return {
      kind: 'too-large',
      message: `The server sent a WebSocket message larger than the ${limit !== undefined ? formatLimit(limit) : 'configured'} limit, so Periscope closed the socket (code 1009)`,
      hint: 'ask the server for less at once (pagination, smaller resources), or raise the WebSocket message limit for this connection',
      fixes: [FIX.maxMessageSize],
      detail: { code, ...(limit !== undefined ? { limitBytes: limit } : {}) },
    };
  }

  if (code === 'ERR_ANSWER_TOO_LARGE') {
    const limit = typeof link.limitBytes === 'number' ? link.limitBytes : undefined;
    const event = link.part === 'event';
    return {
      kind: 'too-large',
      message: `${event ? `The server sent more than ${limit !== undefined ? formatLimit(limit) : 'the limit'} on an event stream from ${where} without ending an event` : `The answer from ${where} is larger than ${limit !== undefined ? `the ${formatLimit(limit)}` : 'the'} limit`}, so Periscope stopped reading it`,
      hint: event
        ? 'the server may never end the event (a missing blank line after data:), or sends one message too large; check its event stream (the trace has the start of it), or raise the message size limit for this connection'
        : 'ask the server for less at once (pagination, smaller resources or tool results), or raise the message size limit for this connection',
      fixes: [FIX.maxMessageSize],
      detail: { code, ...(limit !== undefined ? { limitBytes: limit } : {}), part: event ? 'event' : 'body' },
    };
  }

  if (code === 'ERR_STDOUT_LINE_TOO_LONG') {
    const limit = typeof link.limitBytes === 'number' ? link.limitBytes : undefined;
    return {
      kind: 'too-large',
      message: `The stdio server wrote a line to stdout longer than the ${limit !== undefined ? formatLimit(limit) : 'read buffer'} limit, so the connection was closed`,
      hint: 'a message that large cannot be read; ask the server for less at once, or check that it ends each message with a newline',
      detail: { code, ...(limit !== undefined ? { limitBytes: limit } : {}) },
    };
  }

  if (code === 'ERR_STRING_TOO_LONG' || (link.name === 'RangeError' && /Invalid string length/i.test(message))) {
    return {
      kind: 'too-large',
      message: `A message was too large for the JavaScript runtime to hold as text (the limit is ${MAX_STRING_TEXT}): ${message}`,
      hint: 'ask the server for less at once (pagination, smaller resources or tool results); nothing that large can be shown or recorded',
      detail: { ...(code ? { code } : {}), reason: message },
    };
  }
  return undefined;
}

/** 104857600 → "100 MB"; 1536 → "1.5 KB" (binary units, as ws counts them). */
export function formatLimit(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trim(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
