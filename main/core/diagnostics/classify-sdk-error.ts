import { ProtocolError, SdkError, SdkErrorCode, SdkHttpError, SseError, UnauthorizedError } from '@modelcontextprotocol/client';
import type { ErrorInfo } from '../../../shared/model/error-info';
import type { ErrorContext } from './classify-error';
import { classifyHttpResponse } from './classify-http';
import { messageOf } from './error-text';
import { classifyClose } from './classify-close';
import { classifyJsonRpcError, jsonRpcErrorInBody, unsupportedVersion } from './classify-protocol-error';
import { classifySdkCode } from './classify-sdk-code';
import { FIX, transportFix } from './fixes';

/** Errors shaped by the MCP SDK, `ws` and JSON/zod parsing; undefined when not one of them. */
export function classifySdkError(error: unknown, context: ErrorContext): ErrorInfo | undefined {
  const message = messageOf(error);

  if (error instanceof SdkHttpError) {
    const fromBody = jsonRpcErrorInBody(typeof error.data.text === 'string' ? error.data.text : undefined);
    if (fromBody?.code === -32022) return unsupportedVersion(fromBody.message, fromBody.data);
    const body = typeof error.data.text === 'string' ? error.data.text : message.replace(/^(Error POSTing to endpoint|Failed to open SSE stream|Failed to terminate session): ?/, '');
    const method = error.code === SdkErrorCode.ClientHttpFailedToOpenStream ? 'GET' : error.code === SdkErrorCode.ClientHttpFailedToTerminateSession ? 'DELETE' : 'POST';
    const info = jsonRpcErrorWithStatus(fromHttp(error.status, body, method, context), error.status, fromBody, context);
    if (info && error.code === SdkErrorCode.EraNegotiationFailed) {
      return { ...info, message: `${info.message} (while probing the protocol era with server/discover)` };
    }
    if (info) return info;
  }

  if (error instanceof SseError || message.startsWith('SSE error: ')) {
    const code = (error as { code?: unknown }).code;
    const reason = message.replace(/^SSE error: /, '');
    if (typeof code === 'number') {
      // eventsource reports a 200 with the wrong content type with the status 200; its text is
      // its own reason, never the response body, so the body stays unknown here.
      if (code >= 200 && code < 300) return fromHttp(code, undefined, 'GET', context) ?? notMcpContentType(reason, context);
      return fromHttp(code, undefined, 'GET', { ...context, transport: context.transport ?? 'sse' });
    }
  }

  // The legacy SSE transport's POST failure is a plain Error with the status in its text.
  const ssePost = /Error POSTing to endpoint \(HTTP (\d{3})\): ?([\s\S]*)/.exec(message);
  if (ssePost) {
    const status = Number(ssePost[1]);
    return jsonRpcErrorWithStatus(fromHttp(status, ssePost[2], 'POST', { ...context, transport: context.transport ?? 'sse' }), status, jsonRpcErrorInBody(ssePost[2]), context);
  }

  // ws rejects the upgrade as "Unexpected server response: 401".
  const wsStatus = /Unexpected server response: (\d{3})/.exec(message);
  if (wsStatus) {
    const status = Number(wsStatus[1]);
    return (
      fromHttp(status, undefined, 'GET', { ...context, transport: context.transport ?? 'websocket' }) ?? {
        kind: 'not-mcp',
        message: `${context.url ?? 'The URL'} answered HTTP ${status} instead of upgrading to a WebSocket`,
        hint: 'this is not a WebSocket endpoint; for an http(s) MCP endpoint use the Streamable HTTP or SSE transport',
        fixes: [transportFix('streamable'), FIX.url],
        detail: { status, url: context.url },
      }
    );
  }
  if (/Server sent (no|an invalid) subprotocol|Invalid Sec-WebSocket/i.test(message)) {
    return {
      kind: 'protocol',
      message: `The WebSocket server at ${context.url ?? 'the URL'} did not accept the "mcp" subprotocol (${message})`,
      hint: 'this WebSocket endpoint does not speak MCP; check the URL, or try the Streamable HTTP transport',
      fixes: [FIX.url, transportFix('streamable')],
      detail: { url: context.url },
    };
  }

  if (error instanceof UnauthorizedError) return fromHttp(401, undefined, 'POST', context);

  if ((error as { name?: unknown })?.name === 'SamplingNotConfiguredError') {
    return {
      kind: 'invalid-input',
      message: `The server asked this client for sampling (a language model's answer) in the middle of the request, and sampling is not configured, so the request could not go on`,
      hint: 'give an answer to send for sampling requests, or call a tool that does not need sampling',
      fixes: [FIX.sampling],
      detail: { method: 'sampling/createMessage' },
    };
  }
  if (error instanceof ProtocolError) {
    const info = classifyJsonRpcError(error.code, error.message.replace(/^MCP error -?\d+: /, ''), error.data, context);
    // A 2026-07-28 request's 400 carrying the error is delivered as a message: name the status too.
    const last = context.lastHttp;
    const status = last?.method === 'POST' && (last.status ?? 0) >= 400 && jsonRpcErrorInBody(last.responseBody)?.code === error.code ? last.status : undefined;
    return status === undefined ? info : withStatus(info, status);
  }
  if (error instanceof SdkError && error.code === SdkErrorCode.ClientHttpUnexpectedContent) {
    const contentType = (error.data as { contentType?: unknown } | undefined)?.contentType;
    return fromHttp(200, undefined, 'POST', context, typeof contentType === 'string' ? { 'content-type': contentType } : undefined) ?? notMcpContentType(message, context);
  }
  if (error instanceof SdkError) {
    const info = classifySdkCode(error, context);
    if (info) return info;
  }

  const name = (error as { name?: unknown })?.name;
  // A message our transports refused (JSON, not JSON-RPC): the schema's words say why.
  if (name === 'UnparsedMessageError') return classifySdkError((error as { reason?: unknown }).reason, context);
  if (name === 'ZodError' || (Array.isArray((error as { issues?: unknown })?.issues) && name !== 'AggregateError')) {
    // The SDK refuses a JSON-RPC error whose id is null (JSON-RPC 2.0 §5 sends that when the
    // server could not read the request); the recorded body still says what the server meant.
    const answered = jsonRpcErrorInBody(context.lastHttp?.responseBody);
    if (answered) {
      const info = classifyJsonRpcError(answered.code, answered.message, answered.data, context);
      return { ...info, message: `${info.message} (sent with no usable id, so the client library could not match it to the request)` };
    }
    const problems = summarizeIssues((error as { issues: ZodIssueLike[] }).issues);
    return {
      kind: 'protocol',
      message: `The server sent a message that is not valid JSON-RPC/MCP (${problems.slice(0, 3).join('; ') || message})`,
      hint: 'the server breaks the MCP protocol; look at the raw message in the trace and report it to the server author',
      fixes: [FIX.trace],
      detail: { problems },
    };
  }
  if (error instanceof SyntaxError) {
    const http = context.lastHttp?.status ? fromHttp(context.lastHttp.status, undefined, undefined, context) : undefined;
    if (http) return http;
    return {
      kind: 'protocol',
      message: `${context.url ? `The server at ${context.url}` : 'The server'} sent malformed JSON (${message})`,
      hint: 'the server breaks the JSON-RPC framing; look at the raw body in the trace and report it to the server author',
      fixes: [FIX.trace],
      detail: { url: context.url },
    };
  }
  if (name === 'TimeoutError' || name === 'AbortError') return abortInfo(error, name, context);
  if (/protocol version is not supported/i.test(message)) {
    return {
      kind: 'protocol-version',
      message: `Protocol version mismatch: ${message}`,
      hint: 'the server and Periscope share no MCP protocol version: set the protocol era to auto, or pin a version the server supports',
    };
  }
  return classifyClose(error, message, context);
}

function fromHttp(
  status: number,
  body: string | undefined,
  method: string | undefined,
  context: ErrorContext,
  knownHeaders?: Record<string, string>,
): ErrorInfo | undefined {
  const last = context.lastHttp;
  const ws = context.lastWebSocket;
  // Prefer the recorded exchange: it has the real headers (WWW-Authenticate) and the full body.
  if (last && (last.status === status || status === 200)) {
    return classifyHttpResponse({
      status: last.status ?? status,
      headers: last.responseHeaders ?? {},
      body: last.responseBody ?? body,
      method: last.method,
      transport: context.transport,
      url: last.url,
      hadSessionId: Object.keys(last.requestHeaders).some((h) => h.toLowerCase() === 'mcp-session-id'),
      sentAuthorization: Object.keys(last.requestHeaders).some((h) => h.toLowerCase() === 'authorization'),
      sentHeaders: last.requestHeaders,
      ...(context.authorization ? { authorization: context.authorization } : {}),
    });
  }
  const headers = ws?.status === status ? ws.responseHeaders : knownHeaders;
  const sentAuthorization = ws?.status === status && ws.requestHeaders
    ? Object.keys(ws.requestHeaders).some((h) => h.toLowerCase() === 'authorization')
    : undefined;
  return classifyHttpResponse({
    status,
    headers: headers ?? {},
    headersKnown: headers !== undefined,
    sentAuthorization,
    ...(context.authorization ? { authorization: context.authorization } : {}),
    body,
    method,
    transport: context.transport,
    url: context.url,
  });
}

/**
 * An HTTP error status whose body is a JSON-RPC error (the SDK servers answer a request they
 * refuse this way: 400 -32000 "Bad Request", 404 -32001 "Session not found"): the server's code
 * and message say more than the status, so it is a `protocol` error naming both. An auth refusal
 * or an expired session keeps its own kind.
 */
function jsonRpcErrorWithStatus(
  info: ErrorInfo | undefined,
  status: number,
  body: ReturnType<typeof jsonRpcErrorInBody>,
  context: ErrorContext,
): ErrorInfo | undefined {
  if (!body || !info || (info.kind !== 'http-status' && info.kind !== 'not-mcp')) return info;
  return withStatus(classifyJsonRpcError(body.code, body.message, body.data, context), status);
}

function withStatus(info: ErrorInfo, status: number): ErrorInfo {
  return { ...info, message: `${info.message} (HTTP ${status})`, detail: { ...info.detail, status } };
}

function notMcpContentType(text: string, context: ErrorContext): ErrorInfo {
  return {
    kind: 'not-mcp',
    message: `${context.url ?? 'The URL'} answered 200 but with neither JSON nor an event stream (${text})`,
    hint: 'this URL serves a web page, not an MCP endpoint; MCP endpoints usually end in /mcp or /sse',
    detail: { url: context.url },
  };
}

function abortInfo(error: unknown, name: string, context: ErrorContext): ErrorInfo {
  const reason = messageOf(error);
  // A plain abort during a request is the user's cancel; during connect it is our connect timeout.
  if (name === 'AbortError' && context.phase === 'request' && !/time(d)? ?out/i.test(reason)) {
    return { kind: 'cancelled', message: 'The request was cancelled', hint: 'nothing to fix: it was stopped on purpose', detail: { reason } };
  }
  return {
    kind: 'timeout',
    message: `Timed out ${context.phase === 'connect' ? 'connecting to' : 'waiting for'} ${context.url ?? 'the server'} (${reason})`,
    hint: 'check that the server is up and reachable, or raise the timeout',
    fixes: [context.phase === 'connect' ? FIX.connectTimeout : FIX.requestTimeout],
    detail: { reason },
  };
}

interface ZodIssueLike {
  path?: PropertyKey[];
  message?: string;
  errors?: ZodIssueLike[][];
}

/** Leaf issues as "path: message", de-duplicated; union issues are flattened into their branches. */
function summarizeIssues(issues: ZodIssueLike[], prefix: PropertyKey[] = [], out = new Set<string>()): string[] {
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path ?? [])];
    if (issue.errors?.length) {
      for (const branch of issue.errors) summarizeIssues(branch, path, out);
    } else {
      out.add(`${path.length ? path.map(String).join('.') : 'message'}: ${issue.message ?? 'invalid'}`);
    }
    if (out.size >= 10) break;
  }
  return [...out];
}
