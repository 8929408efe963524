import { spawn } from 'node:child_process';
import { ProtocolError, ProtocolErrorCode, RegistrationRejectedError, SdkError, SdkErrorCode, SdkHttpError, SseError, UnauthorizedError } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../shared/model/error-info';
import type { HttpEntry } from '../../../shared/model/trace';
import { type ErrorContext, toErrorInfo } from '../../../main/core/diagnostics/classify-error';
import { oauthFlowFailure } from '../../../main/core/auth/oauth-flow-failure';

const url = 'http://127.0.0.1:9/mcp';
/** A stack frame as Node prints it, with a line and column: what must never reach a person. */
const STACK_FRAME = /\bat .*:\d+:\d+/;

function systemError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

function fetchFailed(cause: Error): TypeError {
  return new TypeError('fetch failed', { cause });
}

async function caught(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

function spawnFailure(): Promise<unknown> {
  return new Promise((resolve) => spawn('/nonexistent/periscope-no-such-server').on('error', resolve));
}

const refusedHttp: HttpEntry = {
  type: 'http', seq: 1, connectionId: 'c1', wallTime: 0, monoTime: 0, exchangeId: 'x', method: 'POST', url, phase: 'complete', status: 401,
  requestHeaders: {}, responseHeaders: { 'www-authenticate': 'Bearer realm="r"' }, timings: { sent: 0 },
};

/** Thrown values of many classes (SDK errors, built-in errors, Node system errors, plain values), each in the context it comes with. */
async function samples(): Promise<Array<[string, unknown, ErrorContext]>> {
  const withFakeStack = { message: 'boom', stack: 'Error: boom\n    at run (file:///home/me/app/node_modules/x/index.mjs:10:5)' };
  return [
    ['TypeError', new TypeError('x.y is not a function'), {}],
    ['RangeError', new RangeError('Invalid array length'), { url }],
    ['plain object with a stack field', withFakeStack, { url }],
    ['plain object', { reason: 'nope' }, {}],
    ['string', 'something broke', {}],
    ['Error caused by an error', new Error('outer', { cause: new SyntaxError('inner') }), { url }],
    ['AggregateError', new AggregateError([new Error('a'), new TypeError('b')], 'all failed'), { url }],
    ['RegistrationRejectedError', new RegistrationRejectedError({ status: 404, body: 'unknown', submittedMetadata: { redirect_uris: ['http://127.0.0.1/cb'] } }), { url }],
    ['UnauthorizedError', new UnauthorizedError('Unauthorized'), { url, lastHttp: refusedHttp }],
    ['SdkError timeout', new SdkError(SdkErrorCode.RequestTimeout, 'Request timed out', { timeout: 1000 }), { url, phase: 'request' }],
    ['SdkError closed', new SdkError(SdkErrorCode.ConnectionClosed, 'Connection closed'), { url, transport: 'streamable' }],
    ['SdkHttpError 500', new SdkHttpError(SdkErrorCode.ClientHttpNotImplemented, 'Error POSTing to endpoint: oops', { status: 500, text: 'oops' }), { url }],
    ['SdkHttpError 401', new SdkHttpError(SdkErrorCode.ClientHttpAuthentication, 'Error POSTing to endpoint: no', { status: 401, text: 'no' }), { url, lastHttp: refusedHttp }],
    ['SdkHttpError 404 on a session', new SdkHttpError(SdkErrorCode.ClientHttpNotImplemented, 'Error POSTing to endpoint: Session not found', { status: 404, text: 'Session not found' }), { url, lastHttp: { ...refusedHttp, status: 404, requestHeaders: { 'mcp-session-id': 'abc' }, responseHeaders: {} } }],
    ['SdkHttpError 200 HTML', new SdkHttpError(SdkErrorCode.ClientHttpNotImplemented, 'Error POSTing to endpoint: <html><title>Login</title></html>', { status: 404, text: '<html><title>Login</title></html>' }), { url, phase: 'connect' }],
    ['SseError', new SseError(403, 'Forbidden', new Event('error') as ConstructorParameters<typeof SseError>[2]), { url, transport: 'sse' }],
    ['ProtocolError', new ProtocolError(ProtocolErrorCode.MethodNotFound, 'Method not found'), { url }],
    ['ProtocolError unsupported version', new ProtocolError(-32022, 'Unsupported protocol version', { supported: ['2026-07-28'], requested: '2025-11-25' }), { url }],
    ['refused', fetchFailed(systemError('connect ECONNREFUSED 127.0.0.1:9', { code: 'ECONNREFUSED', address: '127.0.0.1', port: 9, syscall: 'connect' })), { url, phase: 'connect' }],
    ['dns', fetchFailed(systemError('getaddrinfo ENOTFOUND nowhere.invalid', { code: 'ENOTFOUND', hostname: 'nowhere.invalid', syscall: 'getaddrinfo' })), { url: 'http://nowhere.invalid/mcp' }],
    ['tls', fetchFailed(systemError('self-signed certificate', { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })), { url: 'https://127.0.0.1:9/mcp' }],
    ['socket timeout', fetchFailed(systemError('Connect Timeout Error', { code: 'UND_ERR_CONNECT_TIMEOUT' })), { url, phase: 'connect' }],
    ['invalid URL', await caught(async () => new URL('::not a url::')), {}],
    ['blocked port', await caught(() => fetch('http://127.0.0.1:6000/mcp')), { url: 'http://127.0.0.1:6000/mcp' }],
    ['too long a string', systemError('Cannot create a string longer than 0x1fffffe8 characters', { code: 'ERR_STRING_TOO_LONG' }), { url }],
    ['spawn', await spawnFailure(), { transport: 'stdio' }],
    ['aborted', new DOMException('This operation was aborted', 'AbortError'), { url, phase: 'request' }],
  ];
}

/** Every string anywhere in an ErrorInfo, and every key named "stack". */
function walk(value: unknown, visit: (text: string, key: string) => void, key = ''): void {
  if (typeof value === 'string') visit(value, key);
  else if (Array.isArray(value)) value.forEach((item) => walk(item, visit, key));
  else if (typeof value === 'object' && value !== null) for (const [name, child] of Object.entries(value)) walk(child, visit, name);
}

function leaks(info: ErrorInfo): string[] {
  const found: string[] = [];
  walk(info, (text, key) => {
    if (key === 'stack') found.push(`a "stack" field: ${text.slice(0, 80)}`);
    if (STACK_FRAME.test(text)) found.push(`a stack frame in ${key || 'a value'}: ${text.slice(0, 120)}`);
    if (/file:\/\//.test(text)) found.push(`a file:// path in ${key || 'a value'}: ${text.slice(0, 120)}`);
  });
  return found;
}

describe('ErrorInfo carries no stack trace, whatever was thrown', () => {
  it('has no stack, stack frame or file:// path in any kind, nor once an OAuth flow wraps it', async () => {
    const kinds = new Set<string>();
    for (const [name, error, context] of await samples()) {
      const info = toErrorInfo(error, context);
      kinds.add(info.kind);
      expect({ name, kind: info.kind, leaks: leaks(info) }).toEqual({ name, kind: info.kind, leaks: [] });
      // The auth error of a failed OAuth flow is built on the inner error's ErrorInfo (its detail included).
      expect({ name, leaks: leaks(oauthFlowFailure(info)) }).toEqual({ name, leaks: [] });
      expect(Object.keys(info.detail ?? {})).not.toContain('stack');
    }
    // The samples reach every kind the classifier gives for a thrown value, so none goes unchecked.
    expect([...kinds].sort()).toEqual(
      ['auth', 'cancelled', 'closed', 'dns', 'http-status', 'internal', 'invalid-url', 'not-mcp', 'protocol', 'protocol-version', 'refused', 'session-expired', 'spawn', 'timeout', 'tls', 'too-large'].sort(),
    );
  });

  it('says what an internal error was without the stack (message and class name only)', () => {
    const info = toErrorInfo(new TypeError('x.y is not a function'), { url });
    expect(info).toMatchObject({ kind: 'internal', message: 'Unexpected error: TypeError: x.y is not a function', detail: { url } });
    expect(info.detail).not.toHaveProperty('stack');
  });
});
