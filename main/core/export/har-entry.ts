import { describeBytes } from '../../../shared/model/trace-size';
import type { CollectedExchange } from './har-collector';
import type { HarEntry, HarMcpFields, HarNameValue, HarTimings } from '../../../shared/model/har';

/**
 * Node's fetch (undici) speaks HTTP/1.1 to the servers Periscope connects to; the trace does not
 * record the version on the wire, so this is what a HAR entry names.
 */
const HTTP_VERSION = 'HTTP/1.1';

/**
 * One traced HTTP exchange as a HAR 1.2 entry. Timings come from the captured phases: `wait` is
 * sending to the response's headers, `receive` the headers to the body's end (for an event stream,
 * to the stream's end). The exchange that opened a measured connection's socket (the app measures
 * every connect, `periscope connect` too; see setup-timer.ts) gets its dns, connect and ssl, taken
 * out of `wait`; elsewhere they are -1 (a reused socket, or not measured), as is blocked.
 * A failed exchange with no response has status 0 and the failure in `comment` and `_mcp.error`
 * (as browsers export a failed request). An event stream's text is the events as recorded, cut at
 * the collector's cap. Values are taken as they are: the trace was masked before it was stored.
 */
export function harEntry(exchange: CollectedExchange, streamCapBytes: number): HarEntry {
  const { http } = exchange;
  const requestHeaders = nameValues(http.requestHeaders);
  const responseHeaders = nameValues(http.responseHeaders ?? {});
  const entry: HarEntry = {
    startedDateTime: new Date(exchange.startedWall).toISOString(),
    time: 0,
    request: {
      method: http.method,
      url: uriOf(http.url),
      httpVersion: HTTP_VERSION,
      cookies: [],
      headers: requestHeaders,
      queryString: queryOf(http.url),
      headersSize: -1,
      bodySize: http.requestBody === undefined ? 0 : Buffer.byteLength(http.requestBody, 'utf8'),
    },
    response: response(exchange, responseHeaders, streamCapBytes),
    cache: {},
    timings: timingsOf(exchange),
    _mcp: mcpFields(exchange),
  };
  if (http.requestBody !== undefined) {
    entry.request.postData = { mimeType: headerValue(http.requestHeaders, 'content-type') ?? 'application/json', text: http.requestBody };
  }
  const t = entry.timings;
  // HAR 1.2: the total is the sum of the phases that apply (-1 means "does not apply"; ssl is inside connect).
  entry.time = round(Math.max(0, t.dns) + Math.max(0, t.connect) + t.send + t.wait + t.receive);
  if (http.error) entry.comment = http.error.message;
  return entry;
}

function response(exchange: CollectedExchange, headers: HarNameValue[], streamCapBytes: number): HarEntry['response'] {
  const { http } = exchange;
  const mimeType = headerValue(http.responseHeaders ?? {}, 'content-type') ?? 'x-unknown';
  const text = exchange.streamText ?? http.responseBody;
  const content: HarEntry['response']['content'] = { size: text === undefined ? 0 : Buffer.byteLength(text, 'utf8'), mimeType };
  if (text !== undefined) content.text = text;
  if (exchange.streamTruncated) {
    content.comment = `event stream: the events as recorded, cut at ${describeBytes(streamCapBytes)} (the trace's cap for a body)`;
  } else if (exchange.streamText !== undefined) {
    content.comment = 'event stream: the events as recorded';
  } else if (http.bodyTruncated) {
    content.comment = "the body as recorded, cut at the trace's cap for a body";
  }
  const cut = exchange.streamTruncated || http.bodyTruncated === true;
  const out: HarEntry['response'] = {
    status: http.status ?? 0,
    statusText: http.statusText ?? '',
    httpVersion: http.status === undefined ? '' : HTTP_VERSION,
    cookies: [],
    headers,
    content,
    redirectURL: headerValue(http.responseHeaders ?? {}, 'location') ?? '',
    headersSize: -1,
    bodySize: text === undefined || cut ? -1 : content.size,
  };
  if (http.status === undefined) out.comment = http.phase === 'failed' ? 'no response: the exchange failed before the server answered' : 'no response yet';
  return out;
}

/** Milliseconds between the captured phases (monoTime values), -1 where the phase is unknown. */
function timingsOf(exchange: CollectedExchange): HarTimings {
  const { sent, headers, done } = exchange.http.timings;
  const timings: HarTimings = { blocked: -1, dns: -1, connect: -1, send: 0, wait: 0, receive: 0, ssl: -1 };
  // The exchange that opened a measured socket: its set-up leaves `wait` (HAR 1.2: connect includes ssl).
  const socket = exchange.socket;
  const setupMs = socket ? (socket.dnsMs ?? 0) + (socket.tcpMs ?? 0) + (socket.tlsMs ?? 0) : 0;
  if (socket) {
    if (socket.dnsMs !== undefined) timings.dns = round(socket.dnsMs);
    timings.connect = round((socket.tcpMs ?? 0) + (socket.tlsMs ?? 0));
    if (socket.tlsMs !== undefined) timings.ssl = round(socket.tlsMs);
  }
  if (headers !== undefined) {
    timings.wait = round(Math.max(0, headers - sent - setupMs));
    if (done !== undefined) timings.receive = round(Math.max(0, done - headers));
    else timings.comment = 'the response was still open when the archive was written';
  } else if (done !== undefined) {
    timings.wait = round(Math.max(0, done - sent - setupMs));
    timings.comment = 'no response headers: wait is the time until the exchange failed';
  }
  return timings;
}

function mcpFields(exchange: CollectedExchange): HarMcpFields {
  const { http, rpc } = exchange;
  const fields: HarMcpFields = { exchangeId: http.exchangeId };
  if (rpc?.method !== undefined) fields.method = rpc.method;
  if (rpc?.id !== undefined) fields.id = rpc.id;
  if (http.messageSeq !== undefined) fields.messageSeq = http.messageSeq;
  if (exchange.firstEventMono !== undefined) fields.firstEventMs = round(exchange.firstEventMono - http.timings.sent);
  if (exchange.resultMono !== undefined) fields.resultMs = round(exchange.resultMono - http.timings.sent);
  if (http.error) fields.error = { kind: http.error.kind, message: http.error.message, ...(http.error.hint ? { hint: http.error.hint } : {}) };
  if (http.warnings?.length) fields.warnings = http.warnings;
  return fields;
}

function nameValues(record: Record<string, string>): HarNameValue[] {
  return Object.entries(record).map(([name, value]) => ({ name, value }));
}

function headerValue(record: Record<string, string>, name: string): string | undefined {
  for (const key in record) if (key.toLowerCase() === name) return record[key];
  return undefined;
}

/**
 * The URL as an RFC 3986 URI, as HAR requires: the masking marker (`[redacted]`) and any other
 * character a URI may not hold outside its host are percent-encoded. The fragment is dropped
 * (it never goes over the wire). A URL that does not parse is kept as it is.
 */
function uriOf(url: string): string {
  try {
    const u = new URL(url);
    const userinfo = u.username || u.password ? `${encodeUriChars(u.username)}${u.password ? `:${encodeUriChars(u.password)}` : ''}@` : '';
    return `${u.protocol}//${userinfo}${u.host}${encodeUriChars(u.pathname + u.search)}`;
  } catch {
    return url;
  }
}

/** Percent-encodes (as UTF-8) every character outside RFC 3986's unreserved, sub-delims, ":@/?" and existing escapes. */
function encodeUriChars(text: string): string {
  return text.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/gu, (ch) => encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
}

/** The URL's query parameters, decoded (the URL was masked before it was stored). */
function queryOf(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/** Microsecond precision is all the clock gives; more digits would only be noise. */
function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
