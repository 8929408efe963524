import { TextDecoder } from 'node:util';
import { charsetWarnings } from './declared-charset';
import { acknowledgementWarnings, noteCarriedMessage } from './http-acknowledgement';
import { capText, type ExchangeBase } from './http-exchange';
import { requestHeaderWarnings, responseHeaderWarnings } from './http-header-checks';
import type { PostBodyLinks } from './post-body-links';
import type { Redactor } from './redaction';

/** Stateless decodes (no `stream` option), so one decoder serves every exchange. */
const UTF8 = new TextDecoder();

/** A request's method, its body as text (where it is text) and the message entry that body carries. */
export interface RequestBody {
  method: string;
  text?: string;
  carried?: { seq: number; message: unknown };
}

/**
 * Reads the request's method and body, and claims the message entry the body carries (offered by
 * the traced transport as it recorded the message: see PostBodyLinks). Done when fetch is called,
 * not with the rest of the description: the offers kept are bounded (MAX_POST_OFFERS), and the
 * sends of one turn could push this one out before the next turn.
 */
export function requestBodyOf(input: string | URL | Request, init: RequestInit | undefined, links: PostBodyLinks): RequestBody {
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  try {
    const text = bodyText(init?.body);
    const carried = text !== undefined && method === 'POST' ? links.claim(text) : undefined;
    return { method, ...(text !== undefined ? { text } : {}), ...(carried ? { carried } : {}) };
  } catch {
    return { method };
  }
}

/**
 * The request side of the entry. Headers the SDK passes are well-formed, but if describing them
 * ever fails, the exchange is still made (and recorded without them): the wire comes first.
 */
export function describeRequest(
  exchangeId: string,
  rawUrl: string,
  input: string | URL | Request,
  init: RequestInit | undefined,
  body: RequestBody,
  redactor: Redactor,
  bodyCap: number,
): ExchangeBase {
  const base: ExchangeBase = { type: 'http', exchangeId, method: body.method, url: redactor.url(rawUrl), requestHeaders: {} };
  try {
    const headers = requestHeadersOf(input, init);
    base.requestHeaders = redactor.headers(headers);
    if (body.text !== undefined) base.requestBody = capText(redactor.body(body.text), bodyCap).text;
    const sent = body.carried;
    if (sent) {
      base.messageSeq = sent.seq;
      noteCarriedMessage(base, sent.message);
    }
    addWarnings(base, redactor, requestHeaderWarnings(headers, sent ? { message: sent.message } : body.text));
  } catch {
    // Leave the request side partly empty rather than fail the request.
  }
  return base;
}

/**
 * Adds the response head to a request's description: status, headers (redacted) and what the
 * checks of the headers found (MCP's standard headers, a notification's acknowledgement, a
 * declared charset). Returns `base`, completed.
 */
export function describeResponse(base: ExchangeBase, response: Response, contentType: string, redactor: Redactor): ExchangeBase {
  base.status = response.status;
  if (response.statusText) base.statusText = response.statusText;
  base.responseHeaders = redactor.headers(response.headers);
  addWarnings(base, redactor, responseHeaderWarnings(protocolVersionOf(base.requestHeaders), response.headers));
  addWarnings(base, redactor, acknowledgementWarnings(base, response.status, contentType));
  addWarnings(base, redactor, charsetWarnings(contentType));
  return base;
}

/** The MCP-Protocol-Version the request carried (header names as the caller spelled them). */
function protocolVersionOf(headers: Record<string, string>): string | undefined {
  for (const name in headers) if (name.toLowerCase() === 'mcp-protocol-version') return headers[name];
  return undefined;
}

/** The SDK passes a Headers already: read as it is (copying one costs microseconds a request). */
function requestHeadersOf(input: string | URL | Request, init: RequestInit | undefined): Headers {
  const headers = init?.headers ?? (input instanceof Request ? input.headers : undefined);
  return headers instanceof Headers ? headers : new Headers(headers);
}

/** Warnings quote header and body values: they are redacted like everything else stored. */
function addWarnings(base: ExchangeBase, redactor: Redactor, warnings: string[]): void {
  if (warnings.length) base.warnings = [...(base.warnings ?? []), ...warnings.map((w) => redactor.text(w))];
}

/** The request body as text where it is text; streams, blobs and forms are not captured. */
function bodyText(body: RequestInit['body'] | undefined): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return UTF8.decode(body);
  if (ArrayBuffer.isView(body)) return UTF8.decode(body);
  return undefined;
}
