import { describe, expect, it } from 'vitest';
import { classifyHttpResponse, retryAfterWords } from '../../../main/core/diagnostics/classify-http';
import { cliHint } from '../../../main/cli/fix-options';

const url = 'http://127.0.0.1:8080/mcp';

describe('retryAfterWords (RFC 9110 section 10.2.3)', () => {
  const now = Date.parse('2026-12-03T06:00:00Z');
  it.each([
    ['30', '30 seconds'],
    ['1', '1 second'],
    ['600', 'about 10 minutes'],
    ['10800', 'about 3 hours'],
    ['999999999', "about 11574 days (the server's Retry-After: 999999999 seconds)"],
    ['Fri, 31 Dec 9999 23:59:59 GMT', 'until Fri, 31 Dec 9999 23:59:59 GMT'],
    ['Wed, 02 Dec 2026 06:00:00 GMT', 'a moment (its Retry-After date has passed)'],
    ['soon', undefined],
    ['-5', undefined],
    ['', undefined],
  ])('%j reads as %j', (value, words) => {
    expect(retryAfterWords(value, now)).toBe(words);
  });

  it('a 429 with a date says until when, never "<date> seconds"', () => {
    const hint = classifyHttpResponse({ status: 429, headers: { 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' } })!.hint;
    expect(hint).toBe('rate limited: wait until Fri, 31 Dec 9999 23:59:59 GMT and retry');
    expect(classifyHttpResponse({ status: 429, headers: { 'retry-after': 'whenever' } })!.hint).toBe('rate limited: wait and retry');
  });
});

describe('classifyHttpResponse', () => {
  it('accepts plausible MCP answers', () => {
    expect(classifyHttpResponse({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"result":{}}' })).toBeUndefined();
    expect(classifyHttpResponse({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: 'data: {}\n\n' })).toBeUndefined();
    expect(classifyHttpResponse({ status: 202, headers: {} })).toBeUndefined();
  });

  it('explains a 401 with the parsed challenge and the header to set', () => {
    const info = classifyHttpResponse({
      status: 401,
      url,
      headers: { 'WWW-Authenticate': 'Bearer realm="playground", error="invalid_token", error_description="token expired"' },
      body: '{"error":"unauthorized"}',
    })!;
    expect(info.kind).toBe('auth');
    expect(info.message).toBe(`POST ${url} answered 401 Unauthorized; it asks for Bearer (realm "playground", error "invalid_token": token expired)`);
    expect(info.hint).toContain('set the Authorization header to Bearer <token>');
    expect(info.hint).toContain('rejected');
    expect(info.fixes?.map((f) => f.field)).toEqual(['header:Authorization']);
    expect(cliHint(info)).toContain("-H 'Authorization: Bearer <token>'");
    expect(info.detail?.wwwAuthenticate).toEqual([
      { scheme: 'Bearer', params: { realm: 'playground', error: 'invalid_token', error_description: 'token expired' } },
    ]);
  });

  it('tells Basic from Bearer, and says when no challenge was sent', () => {
    expect(classifyHttpResponse({ status: 401, headers: { 'www-authenticate': 'Basic realm="x"' } })!.hint).toContain('Basic <base64 of user:password>');
    const bare = classifyHttpResponse({ status: 401, headers: {} })!;
    expect(bare.message).toContain('without a WWW-Authenticate header');
    expect(bare.hint).toContain('API-key');
  });

  it('explains a 403 insufficient_scope with the scope to ask for', () => {
    const info = classifyHttpResponse({ status: 403, headers: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="tools:call"' } })!;
    expect(info.kind).toBe('auth');
    expect(info.message).toContain('403 Forbidden');
    expect(info.hint).toContain('"tools:call"');
  });

  it('suggests the SSE transport on a 405 or 404 to POST', () => {
    const info = classifyHttpResponse({ status: 405, url, method: 'POST', headers: { allow: 'GET' }, body: 'Method Not Allowed' })!;
    expect(info.kind).toBe('http-status');
    expect(info.message).toContain('405 Method Not Allowed');
    expect(info.hint).toBe('this looks like an SSE-only server: try the SSE transport');
    expect(info.fixes).toEqual([{ field: 'transport', label: 'Use the SSE transport', value: 'sse' }]);
    expect(cliHint(info)).toBe('this looks like an SSE-only server: try the SSE transport (--transport sse)');
    const notFound = classifyHttpResponse({ status: 404, url, method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Cannot POST /mcp' })!;
    expect(notFound.message).toBe(`POST ${url} answered HTTP 404 Not Found: Cannot POST /mcp`);
    expect(notFound.fixes?.map((f) => f.value ?? f.field)).toEqual(['url', 'sse']);
    expect(cliHint(notFound)).toContain('--transport sse');
  });

  it('calls an HTML page not-mcp, naming its title', () => {
    const page = '<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body>hello</body></html>';
    for (const status of [200, 404]) {
      const info = classifyHttpResponse({ status, url, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page })!;
      expect(info.kind).toBe('not-mcp');
      expect(info.message).toContain(`answered ${status} with an HTML page ("Welcome to nginx!")`);
      expect(info.hint).toContain('MCP endpoints usually end in /mcp');
    }
  });

  it('tells malformed JSON (protocol) from a non-JSON answer (not-mcp)', () => {
    const broken = classifyHttpResponse({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0",' })!;
    expect(broken.kind).toBe('protocol');
    expect(broken.message).toContain('malformed JSON');
    const text = classifyHttpResponse({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'OK' })!;
    expect(text.kind).toBe('not-mcp');
    expect(text.message).toContain('text/plain');
  });

  it('reports 404 on a known session as session-expired', () => {
    const info = classifyHttpResponse({ status: 404, headers: {}, body: 'Session not found', hadSessionId: true })!;
    expect(info.kind).toBe('session-expired');
    expect(info.hint).toContain('initialize again');
  });

  it('keeps a short body excerpt for other statuses, with a status-specific hint', () => {
    const info = classifyHttpResponse({ status: 503, url, headers: {}, body: `maintenance ${'x'.repeat(1000)}` })!;
    expect(info.kind).toBe('http-status');
    expect(info.message).toContain('HTTP 503 Service Unavailable: maintenance');
    expect(String(info.detail?.bodyExcerpt).length).toBeLessThanOrEqual(301);
    expect(info.hint).toContain('retry later');
    expect(classifyHttpResponse({ status: 429, headers: { 'retry-after': '30' } })!.hint).toContain('wait 30 seconds');
    expect(classifyHttpResponse({ status: 302, headers: { location: 'https://x/mcp' } })!.hint).toContain('https://x/mcp');
  });
});

describe('classifyHttpResponse auth hints', () => {
  it('says when no Authorization header was sent at all', () => {
    const info = classifyHttpResponse({
      status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' }, sentAuthorization: false,
    })!;
    expect(info.hint).toBe('no Authorization header was sent: set the Authorization header to Bearer <token>');
  });
});
