import type { TransportKind } from '../../../shared/model/connection';
import type { ErrorFix, ErrorInfo } from '../../../shared/model/error-info';
import { explainAuthChallenge } from './explain-auth';
import { bodyExcerpt, headerValue, htmlTitle } from './error-text';
import { FIX, transportFix } from './fixes';

export interface HttpResponseFacts {
  status: number;
  headers: Record<string, string>;
  body?: string;
  method?: string;
  transport?: TransportKind;
  /** True when the request carried an `mcp-session-id` the server had handed out before. */
  hadSessionId?: boolean;
  /** The request URL, so messages can name it. */
  url?: string;
  /** False when only the status is known (the SDK threw it without the response headers). */
  headersKnown?: boolean;
  /** Whether the request carried an Authorization header (undefined: not known). */
  sentAuthorization?: boolean;
  /** The request's headers as recorded (already masked), for the auth explainer's list of what was sent. */
  sentHeaders?: Record<string, string>;
  /** The Authorization value sent, read for a bearer token's claims; never put in the ErrorInfo. */
  authorization?: string;
}

const ENDPOINT_HINT = 'MCP endpoints usually end in /mcp (Streamable HTTP) or /sse (legacy SSE)';
const SSE_ONLY_HINT = 'this looks like an SSE-only server: try the SSE transport';

/**
 * What an HTTP answer means for an MCP client, or undefined when it is a plausible MCP answer
 * (2xx with JSON, an event stream, or no body). Pure: the caller has already read the body.
 */
export function classifyHttpResponse(r: HttpResponseFacts): ErrorInfo | undefined {
  const method = (r.method ?? 'POST').toUpperCase();
  const where = r.url ? `${method} ${r.url}` : method;
  const contentType = headerValue(r.headers, 'content-type')?.toLowerCase() ?? '';
  const excerpt = bodyExcerpt(r.body);
  const base = { status: r.status, method, url: r.url, contentType: contentType || undefined, bodyExcerpt: excerpt };
  const detail = stripUndefined(base);
  const looksHtml = contentType.includes('text/html') || /^\s*<(!doctype|html|head|body)/i.test(r.body ?? '');

  if (r.status === 401 || r.status === 403) {
    return explainAuthChallenge({
      status: r.status,
      headers: r.headers,
      where,
      detail,
      headersKnown: r.headersKnown !== false,
      sentAuthorization: r.sentAuthorization,
      ...(r.sentHeaders ? { sentHeaders: r.sentHeaders } : {}),
      ...(r.authorization ? { authorization: r.authorization } : {}),
      ...(r.url ? { resource: r.url } : {}),
    });
  }

  if (r.status === 404 && r.hadSessionId) {
    return {
      kind: 'session-expired',
      message: `The server answered 404 to ${where} for a session it had handed out: the session has expired or the server restarted`,
      hint: 'initialize again (reconnect) to start a new session',
      detail,
    };
  }

  if (r.status >= 200 && r.status < 300) return classifySuccess(r, where, contentType, looksHtml, detail);

  if (looksHtml && (r.status === 404 || r.status === 200)) {
    return notMcp(`${where} answered ${r.status} with an HTML page${titleSuffix(r.body)}, not MCP`, detail);
  }
  if (r.status === 405 && method === 'POST') {
    return {
      kind: 'http-status',
      message: `${where} answered 405 Method Not Allowed: the endpoint does not accept POST`,
      hint: r.transport === 'sse' ? `check the URL; ${ENDPOINT_HINT}` : SSE_ONLY_HINT,
      fixes: r.transport === 'sse' ? [FIX.url] : [transportFix('sse')],
      detail,
    };
  }
  const fixes = statusFixes(r, method);
  return { kind: 'http-status', message: statusMessage(r.status, where, looksHtml ? htmlTitle(r.body) : excerpt), hint: statusHint(r, method, looksHtml), ...(fixes ? { fixes } : {}), detail };
}

function classifySuccess(
  r: HttpResponseFacts,
  where: string,
  contentType: string,
  looksHtml: boolean,
  detail: Record<string, unknown>,
): ErrorInfo | undefined {
  if (looksHtml) return notMcp(`${where} answered ${r.status} with an HTML page${titleSuffix(r.body)}, not MCP`, detail);
  if (r.status === 202 || r.status === 204 || !r.body || r.body.trim() === '') return undefined;
  if (contentType.includes('text/event-stream')) return undefined;
  if (contentType.includes('json') || contentType === '') {
    try {
      JSON.parse(r.body);
      return undefined;
    } catch (error) {
      if (contentType === '') return notMcp(`${where} answered ${r.status} with a body that is not JSON`, detail);
      return {
        kind: 'protocol',
        message: `${where} answered ${r.status} with malformed JSON (${(error as Error).message})`,
        hint: 'the server sent a broken JSON-RPC message; check the server (the trace shows the raw body)',
        fixes: [FIX.trace],
        detail,
      };
    }
  }
  return notMcp(`${where} answered ${r.status} with ${contentType}, not JSON or an event stream`, detail);
}

function notMcp(message: string, detail: Record<string, unknown>): ErrorInfo {
  return {
    kind: 'not-mcp',
    message,
    hint: `this URL serves a web page, not an MCP endpoint; ${ENDPOINT_HINT}`,
    fixes: [FIX.url],
    detail,
  };
}

function titleSuffix(body: string | undefined): string {
  const title = htmlTitle(body);
  return title ? ` ("${title}")` : '';
}

const REASONS: Record<number, string> = {
  400: 'Bad Request', 404: 'Not Found', 406: 'Not Acceptable', 408: 'Request Timeout', 409: 'Conflict',
  413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

function statusMessage(status: number, where: string, excerpt: string | undefined): string {
  const reason = REASONS[status] ? ` ${REASONS[status]}` : '';
  return `${where} answered HTTP ${status}${reason}${excerpt ? `: ${excerpt}` : ''}`;
}

function statusHint(r: HttpResponseFacts, method: string, looksHtml: boolean): string {
  const { status } = r;
  if (status >= 300 && status < 400) {
    const location = headerValue(r.headers, 'location');
    return location ? `the server redirects to ${location}; use that URL directly` : 'the server redirects; use the final URL directly';
  }
  if ((status === 404 || status === 405) && method === 'GET' && r.transport === 'sse') {
    return 'check the URL; legacy SSE endpoints usually end in /sse; if the server speaks Streamable HTTP (/mcp), try the Streamable HTTP transport';
  }
  if (status === 404) {
    const sse = method === 'POST' && r.transport !== 'sse' ? `; if this is an SSE-only server, ${SSE_ONLY_HINT}` : '';
    return `check the URL path; ${ENDPOINT_HINT}${sse}`;
  }
  if (status === 400) return 'the server rejected the request; check required headers and the protocol version (see the body above)';
  if (status === 406 || status === 415) return 'the server does not accept what MCP sends (JSON, event streams); it may not be an MCP endpoint';
  if (status === 414) return 'the URL is longer than the server accepts: shorten its path or query';
  if (status === 431) return 'the request headers are larger than the server accepts: shorten the longest header value (a token or cookie); Node servers take 16 KiB of headers in all';
  if (status === 413) return 'the request body is larger than the server accepts: send smaller arguments';
  if (status === 408 || status === 504) return 'the server or a gateway timed out; retry, or raise the request timeout';
  if (status === 429) {
    const wait = retryAfterWords(headerValue(r.headers, 'retry-after'));
    return wait ? `rate limited: wait ${wait} and retry` : 'rate limited: wait and retry';
  }
  if (status === 502 || status === 503) return 'a proxy or the server is down or restarting; retry later, or check the server is running';
  if (status >= 500) return "the server failed while handling the request; check the server's logs";
  if (looksHtml) return `this URL serves a web page, not an MCP endpoint; ${ENDPOINT_HINT}`;
  return 'check the URL and the headers the server expects';
}

/** The fields behind statusHint's advice, in the same cases. */
function statusFixes(r: HttpResponseFacts, method: string): ErrorFix[] | undefined {
  if ((r.status === 404 || r.status === 405) && method === 'GET' && r.transport === 'sse') return [FIX.url, transportFix('streamable')];
  if (r.status === 404) return method === 'POST' && r.transport !== 'sse' ? [FIX.url, transportFix('sse')] : [FIX.url];
  if (r.status === 408 || r.status === 504) return [FIX.requestTimeout];
  if (r.status === 400) return [FIX.headers];
  return undefined;
}

export function stripUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

/**
 * Retry-After in words (RFC 9110 section 10.2.3: delay-seconds or an HTTP-date): "30 seconds",
 * "about 2 hours", "until Fri, 31 Dec 2026 23:59:59 GMT"; undefined when it is neither.
 */
export function retryAfterWords(value: string | undefined, now = Date.now()): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
    if (seconds < 7200) return `about ${Math.round(seconds / 60)} minutes`;
    if (seconds < 172_800) return `about ${Math.round(seconds / 3600)} hours`;
    return `about ${Math.round(seconds / 86_400)} days (the server's Retry-After: ${seconds} seconds)`;
  }
  const at = Date.parse(text);
  if (Number.isNaN(at) || !/GMT$/i.test(text)) return undefined;
  return at <= now ? 'a moment (its Retry-After date has passed)' : `until ${new Date(at).toUTCString()}`;
}
