import { ProtocolError, ProtocolErrorCode, SdkError, SdkErrorCode, SdkHttpError } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrorInfo } from '../../../shared/model/error-info';
import type { HttpEntry, WebSocketEntry } from '../../../shared/model/trace';
import { toErrorInfo } from '../../../main/core/diagnostics/classify-error';
import { PeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { versionWords } from '../../../main/core/diagnostics/classify-protocol-error';

const base = { seq: 1, connectionId: 'c1', wallTime: 0, monoTime: 0 };
const url = 'http://127.0.0.1:9/mcp';

describe('toErrorInfo on values and SDK errors', () => {
  it('passes a PeriscopeError through untouched', () => {
    const info = { kind: 'missing-secret' as const, message: 'm', hint: 'h' };
    expect(toErrorInfo(new PeriscopeError(info))).toBe(info);
  });

  it('never yields "[object Object]" or throws, whatever is thrown', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    for (const value of [{}, { reason: 'x' }, circular, 'plain text', undefined, null, 42, Symbol('s'), new Error(''), Object.create(null)]) {
      const info = toErrorInfo(value);
      expect(ErrorInfo.parse(info)).toEqual(info);
      expect(info.message).not.toContain('[object Object]');
      expect(info.message.length).toBeGreaterThan(12);
      expect(info.hint.length).toBeGreaterThan(10);
    }
    expect(toErrorInfo('plain text').message).toBe('Unexpected error: plain text');
    expect(toErrorInfo({ reason: 'x' }).message).toBe('Unexpected error: {"reason":"x"}');
  });

  it('maps SDK request timeouts and closes', () => {
    const timeout = toErrorInfo(new SdkError(SdkErrorCode.RequestTimeout, 'Request timed out', { timeout: 1500 }), { url, phase: 'request' });
    expect(timeout).toMatchObject({ kind: 'timeout', detail: { timeoutMs: 1500 } });
    expect(timeout.message).toContain('after 1500 ms');
    expect(toErrorInfo(new SdkError(SdkErrorCode.ConnectionClosed, 'Connection closed'), { url, transport: 'streamable' }).kind).toBe('closed');
  });

  it('maps a JSON-RPC error answer to protocol with the code', () => {
    const info = toErrorInfo(new ProtocolError(ProtocolErrorCode.MethodNotFound, 'Method not found'));
    expect(info).toMatchObject({ kind: 'protocol', detail: { code: -32601 } });
    expect(info.message).toBe('The server answered with JSON-RPC error -32601: Method not found');
    expect(info.hint).toContain('does not implement');
  });

  it('reports a server JSON-RPC error in the -32000 range as protocol, never as a closed stream', () => {
    for (const code of [-32000, -32001, -32099]) {
      const info = toErrorInfo(new ProtocolError(code, 'Session gone sideways'), { url, transport: 'streamable', phase: 'request' });
      expect(info).toMatchObject({ kind: 'protocol', detail: { code } });
      expect(info.message).toContain(`JSON-RPC error ${code}: Session gone sideways`);
    }
  });

  it('explains the 2026-07-28 error codes', () => {
    const mismatch = toErrorInfo(new ProtocolError(-32020, 'Mcp-Name does not match params.name'));
    expect(mismatch).toMatchObject({ kind: 'protocol', detail: { code: -32020 } });
    expect(mismatch.hint).toContain('Mcp-Method, Mcp-Name or Mcp-Param-*');
    const capability = toErrorInfo(new ProtocolError(-32021, 'needs elicitation', { requiredCapabilities: { elicitation: {} } }));
    expect(capability.hint).toContain('"elicitation"');
    const unsupported = toErrorInfo(new ProtocolError(-32022, 'Unsupported protocol version: 2025-11-25', { supported: ['2026-07-28'], requested: '2025-11-25' }));
    expect(unsupported).toMatchObject({ kind: 'protocol-version', detail: { supported: ['2026-07-28'], requested: '2025-11-25' } });
    expect(unsupported.message).toContain('it supports 2026-07-28');
    expect(unsupported.hint).toBe('set the protocol era to modern (or auto)');
  });

  it('reads -32022 out of an HTTP 400 body and names the era to pick', () => {
    const text = JSON.stringify({ jsonrpc: '2.0', id: 0, error: { code: -32022, message: 'Unsupported protocol version: 2026-07-28', data: { supported: ['2025-06-18', '2025-11-25'], requested: '2026-07-28' } } });
    const info = toErrorInfo(new SdkHttpError(SdkErrorCode.ClientHttpNotImplemented, `Error POSTing to endpoint: ${text}`, { status: 400, text }), { url });
    expect(info).toMatchObject({ kind: 'protocol-version', detail: { supported: ['2025-06-18', '2025-11-25'] } });
    expect(info.hint).toBe('set the protocol era to legacy (or auto)');
  });

  it('-32022 listing only versions Periscope does not speak says so, and that no setting helps; a mixed list offers only the spoken ones', () => {
    const none = toErrorInfo(new ProtocolError(-32022, 'Unsupported protocol version', { supported: ['2099-01-01', 'banana'], requested: '2026-07-28' }));
    expect(none.message).toContain('it supports 2099-01-01, banana, none of which Periscope speaks (it speaks 2024-11-05, 2025-03-26, 2025-06-18, 2025-11-25, 2026-07-28)');
    expect(none.hint).toBe("ask the server's maintainers to also serve 2026-07-28 or a 2025 revision (no setting in Periscope can reach a server that speaks only newer versions)");
    const one = toErrorInfo(new ProtocolError(-32022, 'Unsupported protocol version', { supported: ['2099-01-01'], requested: '2026-07-28' }));
    expect(one.message).toContain('it supports 2099-01-01, which Periscope does not speak (it speaks 2024-11-05,');
    const mixed = toErrorInfo(new ProtocolError(-32022, 'Unsupported protocol version', { supported: ['2099-01-01', '2025-06-18', '2026-07-28'], requested: '2025-11-25' }));
    expect(mixed.hint).toBe('pin one of 2025-06-18, 2026-07-28 as the protocol version');
    const newer = toErrorInfo(new ProtocolError(-32022, 'Unsupported protocol version', { supported: ['2099-01-01', '2026-07-28'], requested: '2025-11-25' }));
    expect(newer.hint).toBe('set the protocol era to modern (or auto)');
  });

  it('-32022 listing hundreds of versions names ten and counts the rest; its detail keeps twenty', () => {
    const supported = Array.from({ length: 500 }, (_, i) => `2099-${i}`);
    const info = toErrorInfo(new ProtocolError(-32022, 'Unsupported protocol version', { supported, requested: '2026-07-28' }));
    expect(info.message).toContain(`it supports ${supported.slice(0, 10).join(', ')} and 490 more, none of which Periscope speaks`);
    expect((info.detail as { supported: string[] }).supported).toEqual(supported.slice(0, 20));
  });

  it('-32022 with hostile version strings: each is cut, and one that is not a plain token is quoted, in the message and its detail', () => {
    const long = `2026-${'9'.repeat(100_000)}`;
    const sneaky = '2025-06-18, 2025-11-25\nwarning: fake line';
    const info = toErrorInfo(new ProtocolError(-32022, 'Unsupported protocol version', { supported: [long, sneaky], requested: `x\u202e${'y'.repeat(5000)}` }));
    expect(info.message.length).toBeLessThan(600);
    expect(info.message).not.toContain('\n');
    expect(info.message).toContain(`it supports ${long.slice(0, 39)}…, "2025-06-18, 2025-11-25\\nwarning: fake li…"`);
    expect(info.message).toContain('does not support protocol version "x\\u202eyyy');
    expect(info.message).not.toContain('\u202e');
    expect((info.detail as { supported: string[] }).supported.every((v) => v.length <= 40)).toBe(true);
    expect(versionWords(['2026-07-28', 'a b'])).toBe('2026-07-28, "a b"');
  });

  it('a pinned connection whose probe got -32022 without data says "set the era to auto" once', () => {
    const failed = new SdkError(SdkErrorCode.EraNegotiationFailed, 'Version negotiation failed: the server did not offer pinned protocol version 2026-07-28 via server/discover');
    const info = toErrorInfo(failed, { probeError: { code: -32022, message: 'Unsupported protocol version' } });
    expect(info.kind).toBe('protocol-version');
    expect(info.hint.match(/protocol era to auto/g)).toHaveLength(1);
    const other = toErrorInfo(failed, { probeError: { code: -32603, message: 'Internal error' } });
    expect(other.hint).toMatch(/; or set the protocol era to auto if the server only speaks the 2025 protocol$/);
  });

  it('maps a failed era negotiation and an era-mismatched request to protocol-version', () => {
    const pinned = toErrorInfo(new SdkError(SdkErrorCode.EraNegotiationFailed, 'Version negotiation failed: the server did not offer pinned protocol version 2026-07-28 via server/discover'));
    expect(pinned.kind).toBe('protocol-version');
    expect(pinned.hint).toContain('pinned version');
    const ping = toErrorInfo(new SdkError(SdkErrorCode.MethodNotSupportedByProtocolVersion, "Method 'ping' is not supported by the negotiated protocol version (wire era modern)", { method: 'ping' }));
    expect(ping).toMatchObject({ kind: 'protocol-version', detail: { method: 'ping' } });
  });

  it('reports a stdio server that exited, with its last stderr line', () => {
    const info = toErrorInfo(new SdkError(SdkErrorCode.ConnectionClosed, 'Connection closed'), {
      transport: 'stdio', phase: 'connect', stderrTail: ['starting', 'Error: API_KEY is not set', ''],
    });
    expect(info.kind).toBe('spawn');
    expect(info.message).toBe('The stdio server process exited before completing initialize; its last stderr line: Error: API_KEY is not set');
    expect(info.detail?.stderrTail).toEqual(['starting', 'Error: API_KEY is not set']);
  });

  it('reports a WebSocket close with its code in words', () => {
    const lastWebSocket: WebSocketEntry = { ...base, type: 'websocket', event: 'close', closeCode: 1006 };
    const info = toErrorInfo(new SdkError(SdkErrorCode.ConnectionClosed, 'Connection closed'), { url: 'ws://127.0.0.1:9/ws', transport: 'websocket', lastWebSocket });
    expect(info).toMatchObject({ kind: 'closed', detail: { closeCode: 1006 } });
    expect(info.message).toContain('closed with code 1006 (abnormal closure');
  });

  it('uses the recorded HTTP exchange for WWW-Authenticate and session expiry', () => {
    const lastHttp: HttpEntry = {
      ...base, type: 'http', exchangeId: 'x', phase: 'complete', method: 'POST', url, status: 401,
      requestHeaders: { authorization: 'Bearer [redacted]' },
      responseHeaders: { 'www-authenticate': 'Bearer error="invalid_token"' }, timings: { sent: 0 },
    };
    const auth = toErrorInfo(new SdkHttpError(SdkErrorCode.ClientHttpAuthentication, 'Error POSTing to endpoint: nope', { status: 401, text: 'nope' }), { url, lastHttp });
    expect(auth.kind).toBe('auth');
    expect(auth.message).toContain('it asks for Bearer (error "invalid_token")');
    expect(auth.hint).toContain('get a fresh one');

    const expired = toErrorInfo(new SdkHttpError(SdkErrorCode.ClientHttpNotImplemented, 'Error POSTing to endpoint: Session not found', { status: 404, text: 'Session not found' }), {
      url, lastHttp: { ...lastHttp, status: 404, requestHeaders: { 'mcp-session-id': 'abc' }, responseHeaders: {} },
    });
    expect(expired.kind).toBe('session-expired');
  });

  it('reads an unexpected content type from the SDK as not-mcp', () => {
    const info = toErrorInfo(new SdkError(SdkErrorCode.ClientHttpUnexpectedContent, 'Unexpected content type: text/html; charset=utf-8', { contentType: 'text/html; charset=utf-8' }), { url });
    expect(info.kind).toBe('not-mcp');
    expect(info.hint).toContain('this URL serves a web page, not an MCP endpoint');
  });

  it('maps the legacy SSE POST failure text, and eventsource-flattened network errors', () => {
    const post = toErrorInfo(new Error('Error POSTing to endpoint (HTTP 500): boom'), { url });
    expect(post).toMatchObject({ kind: 'http-status', detail: { status: 500, bodyExcerpt: 'boom' } });
    const flat = toErrorInfo(new Error('SSE error: TypeError: fetch failed: connect ECONNREFUSED 127.0.0.1:4321'), { url });
    expect(flat.kind).toBe('refused');
    expect(flat.message).toContain('127.0.0.1:4321');
    expect(toErrorInfo(new Error('SSE error: TypeError: fetch failed: self-signed certificate'), { url }).kind).toBe('tls');
  });

  it('maps parse failures to protocol', () => {
    const syntax = (() => { try { JSON.parse('{"a":'); } catch (e) { return e; } })();
    expect(toErrorInfo(syntax, { url }).kind).toBe('protocol');
    const zod = z.object({ jsonrpc: z.literal('2.0') }).safeParse({ hello: 1 }).error;
    const info = toErrorInfo(zod);
    expect(info.kind).toBe('protocol');
    expect(info.message).toContain('jsonrpc:');
  });

  it('tells a connect timeout from a user cancel', () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    expect(toErrorInfo(abort, { phase: 'connect', url }).kind).toBe('timeout');
    expect(toErrorInfo(abort, { phase: 'request' }).kind).toBe('cancelled');
    expect(toErrorInfo(new DOMException('The operation was aborted due to timeout', 'TimeoutError'), { phase: 'request' }).kind).toBe('timeout');
  });

  it('maps an invalid URL from the URL parser', () => {
    const error = (() => { try { new URL('http://exa mple.com'); } catch (e) { return e; } })();
    expect(toErrorInfo(error).kind).toBe('invalid-url');
  });
});

describe('toErrorInfo with the transport error the SDK swallowed', () => {
  it('names broken JSON on a stream instead of the timeout that followed', () => {
    const swallowed = (() => { try { JSON.parse('{"jsonrpc":"2.0","id":0,"result":{"cut'); } catch (e) { return e; } })();
    const info = toErrorInfo(new SdkError(SdkErrorCode.RequestTimeout, 'Request timed out', { timeout: 1000 }), {
      url, transport: 'sse', phase: 'connect', transportError: swallowed,
    });
    expect(info.kind).toBe('protocol');
    expect(info.message).toContain('malformed JSON');
    expect(info.detail?.then).toMatchObject({ kind: 'timeout' });
  });

  it('keeps a specific failure even when a transport error was seen', () => {
    const info = toErrorInfo(new SdkHttpError(SdkErrorCode.ClientHttpNotImplemented, 'Error POSTing to endpoint: no', { status: 405, text: 'no' }), { url, transportError: new Error('weird') });
    expect(info.kind).toBe('http-status');
  });
});

describe('toErrorInfo on WebSocket upgrade answers', () => {
  it('calls a plain 200 to the upgrade not-mcp', () => {
    const info = toErrorInfo(new Error('Unexpected server response: 200'), { url: 'ws://127.0.0.1:9/ws', transport: 'websocket' });
    expect(info.kind).toBe('not-mcp');
    expect(info.message).toContain('instead of upgrading to a WebSocket');
  });

  it('reads a refused subprotocol as protocol', () => {
    expect(toErrorInfo(new Error('Server sent no subprotocol'), { url: 'ws://127.0.0.1:9/ws' }).kind).toBe('protocol');
  });
});

describe('toErrorInfo on unknown failures', () => {
  it('keeps the whole cause chain in the message', () => {
    const error = new TypeError('fetch failed', { cause: new Error('something odd happened') });
    const info = toErrorInfo(error);
    expect(info.kind).toBe('internal');
    expect(info.message).toBe('Unexpected error: TypeError: fetch failed: something odd happened');
  });
});
