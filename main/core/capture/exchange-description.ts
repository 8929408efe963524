import { TextDecoder } from 'node:util';
import { charsetWarnings } from './declared-charset';
import { acknowledgementWarnings, noteCarriedMessage } from './http-acknowledgement';
import { capText, type ExchangeBase } from './http-exchange';
import { requestHeaderWarnings, responseHeaderWarnings } from './http-header-checks';
import type { PostBodyLinks } from './post-body-links';
import type { Redactor } from './redaction';

/** Stateless decodes (no `stream` option), so one decoder serves every exchange. */
const UTF8 = new TextDecoder();

/**
 * The request side of the entry. Headers the SDK passes are well-formed, but if describing them
 * ever fails, the exchange is still made (and recorded without them): the wire comes first.
 */
export function describeRequest(
  exchangeId: string,
  rawUrl: string,
  input: string | URL | Request,
  init: RequestInit | undefined,
  redactor: Redactor,
  bodyCap: number,
  links: PostBodyLinks,
): ExchangeBase {
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const base: ExchangeBase = { type: 'http', exchangeId, method, url: redactor.url(rawUrl), requestHeaders: {} };
  try {
    const headers = requestHeadersOf(input, init);
    base.requestHeaders = redactor.headers(headers);
    const requestBody = bodyText(init?.body);
    if (requestBody !== undefined) base.requestBody = capText(redactor.body(requestBody), bodyCap).text;
    // The message entry this POST carries (offered by the traced transport as it recorded it).
    const sent = requestBody !== undefined && method === 'POST' ? links.claim(requestBody) : undefined;
    if (sent) {
      base.messageSeq = sent.seq;
      noteCarriedMessage(base, sent.message);
    }
    addWarnings(base, redactor, requestHeaderWarnings(headers, sent ? { message: sent.message } : requestBody));
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
