import { describe, expect, it } from 'vitest';
import { checkRemoteDraft, isLoopbackHost, looksLikeCredentialHeader, type RemoteInput } from '../../../shared/model';
import { MAX_HEADER_VALUE_CHARS, suggestEndpointUrl } from '../../../shared/model/remote-rules';

const base: RemoteInput = { name: 'api', transport: 'streamable', url: 'https://api.example.com/mcp', headers: [] };

function issues(input: Partial<RemoteInput>): string[] {
  const check = checkRemoteDraft({ ...base, ...input });
  return check.ok ? [] : check.issues.map((i) => i.message);
}

function warnings(input: Partial<RemoteInput>): string[] {
  const check = checkRemoteDraft({ ...base, ...input });
  if (!check.ok) throw new Error(`unexpectedly invalid: ${check.issues.map((i) => i.message).join('; ')}`);
  return check.warnings;
}

describe('remote validation rules', () => {
  it('accepts a pinned protocol version that fits the era, and refuses one that does not', () => {
    expect(issues({ protocolEra: 'modern', protocolVersion: '2026-07-28' })).toEqual([]);
    expect(issues({ protocolEra: 'legacy', protocolVersion: '2025-06-18' })).toEqual([]);
    expect(issues({ protocolEra: 'auto', protocolVersion: '2025-11-25' })).toEqual([]);
    expect(issues({ protocolEra: 'modern', protocolVersion: '2025-11-25' })[0]).toContain('2025-era revision');
    expect(issues({ protocolEra: 'legacy', protocolVersion: '2026-07-28' })[0]).toContain('belongs to the modern era');
    expect(issues({ protocolVersion: 'latest' })[0]).toContain('is not a protocol version');
  });

  it('accepts a plain https streamable remote without warnings', () => {
    expect(issues({})).toEqual([]);
    expect(warnings({})).toEqual([]);
  });

  // Every transport and every scheme that does not fit it: the transport said by its name in the
  // Transport field (never its id), the schemes it takes, and the transport the given one is for.
  it.each([
    ['streamable', 'ws://h/mcp', 'URL scheme "ws:" does not fit the Streamable HTTP transport: use http:// or https://; ws:// is for WebSocket'],
    ['streamable', 'wss://h/mcp', 'URL scheme "wss:" does not fit the Streamable HTTP transport: use http:// or https://; wss:// is for WebSocket'],
    ['streamable', 'ftp://h/mcp', 'URL scheme "ftp:" does not fit the Streamable HTTP transport: use http:// or https://'],
    ['sse', 'ws://h/sse', 'URL scheme "ws:" does not fit the SSE (legacy) transport: use http:// or https://; ws:// is for WebSocket'],
    ['sse', 'wss://h/sse', 'URL scheme "wss:" does not fit the SSE (legacy) transport: use http:// or https://; wss:// is for WebSocket'],
    ['sse', 'ftp://h/sse', 'URL scheme "ftp:" does not fit the SSE (legacy) transport: use http:// or https://'],
    ['websocket', 'http://h/ws', 'URL scheme "http:" does not fit the WebSocket transport: use ws:// or wss://; http:// is for Streamable HTTP or SSE (legacy)'],
    ['websocket', 'https://h/ws', 'URL scheme "https:" does not fit the WebSocket transport: use ws:// or wss://; https:// is for Streamable HTTP or SSE (legacy)'],
    ['websocket', 'ftp://h/ws', 'URL scheme "ftp:" does not fit the WebSocket transport: use ws:// or wss://'],
    ['auto', 'ftp://h/x', 'URL scheme "ftp:" fits no transport: use http:// or https:// (Streamable HTTP, SSE (legacy)) or ws:// or wss:// (WebSocket)'],
  ] as const)('refuses a URL scheme that does not fit transport %s (%s), naming the transport as the form does', (transport, url, message) => {
    expect(issues({ transport, url })).toEqual([message]);
  });

  it('names no transport by its id in any URL message', () => {
    for (const transport of ['auto', 'streamable', 'sse', 'websocket'] as const) {
      for (const url of [undefined, 'http://h/x', 'https://h/x', 'ws://h/x', 'wss://h/x', 'ftp://h/x']) {
        for (const message of issues({ transport, url })) expect(message, message).not.toMatch(/"(auto|streamable|sse|websocket)"|\b(a|an) (streamable|sse|websocket) remote/);
      }
    }
  });

  it.each([
    ['streamable', 'http://localhost:3000/mcp'],
    ['sse', 'https://h/sse'],
    ['websocket', 'wss://h/mcp'],
    ['auto', 'ws://h/mcp'],
    ['auto', 'https://h/mcp'],
  ] as const)('accepts %s with %s', (transport, url) => {
    expect(issues({ transport, url })).toEqual([]);
  });

  it('refuses a missing URL, a non-URL and a URL with spaces', () => {
    expect(issues({ url: undefined })).toEqual(['The Streamable HTTP transport needs a URL']);
    expect(issues({ transport: 'sse', url: undefined })).toEqual(['The SSE (legacy) transport needs a URL']);
    expect(issues({ transport: 'websocket', url: undefined })).toEqual(['The WebSocket transport needs a URL']);
    expect(issues({ transport: 'auto', url: undefined })).toEqual(['A remote needs a URL']);
    expect(issues({ url: 'not a url at all' })[0]).toBe('"not a url at all" is not a URL; write it in full, e.g. https://api.example.com/v1/mcp');
    expect(issues({ url: 'nohost' })[0]).toContain('is not a valid URL');
    expect(issues({ url: 'https://api.example.com/my mcp' })[0]).toContain('contains spaces');
  });

  it('suggests the URL a missing scheme most likely meant', () => {
    expect(issues({ url: 'localhost:3000/mcp' })).toEqual(['"localhost:3000/mcp" has no scheme: did you mean http://localhost:3000/mcp?']);
    expect(issues({ url: 'api.example.com/mcp' })[0]).toContain('did you mean https://api.example.com/mcp?');
    expect(suggestEndpointUrl('127.0.0.1:8080/ws', 'websocket')).toBe('ws://127.0.0.1:8080/ws');
    expect(suggestEndpointUrl('mcp.example.com/ws', 'websocket')).toBe('wss://mcp.example.com/ws');
    expect(suggestEndpointUrl('https://api.example.com/mcp', 'streamable')).toBeUndefined();
    expect(suggestEndpointUrl('nohost', 'streamable')).toBeUndefined();
    expect(suggestEndpointUrl('node server.js', 'stdio')).toBeUndefined();
  });

  it('suggests the scheme with "://" for a mistyped separator, keeping the scheme that was typed', () => {
    expect(suggestEndpointUrl('http//localhost:3000/mcp', 'auto')).toBe('http://localhost:3000/mcp');
    expect(suggestEndpointUrl('https:/api.example.com/mcp', 'streamable')).toBe('https://api.example.com/mcp');
    expect(suggestEndpointUrl('HTTPS//intranet/mcp', 'auto')).toBe('https://intranet/mcp');
    expect(suggestEndpointUrl('ws:localhost:3000/ws', 'websocket')).toBe('ws://localhost:3000/ws');
    expect(suggestEndpointUrl('http///x/mcp', 'auto')).toBeUndefined();
    expect(suggestEndpointUrl('httpbin.org/mcp', 'auto')).toBe('https://httpbin.org/mcp');
  });

  it('needs a command for stdio, and no URL', () => {
    expect(issues({ transport: 'stdio', url: undefined })).toEqual(['A stdio remote needs a command to run']);
    expect(issues({ transport: 'stdio', url: undefined, command: 'npx', args: ['server'] })).toEqual([]);
  });

  it('refuses an empty name', () => {
    expect(issues({ name: '   ' })).toEqual(['Name is empty']);
  });

  it('refuses header names that are not HTTP tokens', () => {
    for (const name of ['X API Key', 'Authorization:', 'Ünicode', '']) {
      const found = issues({ headers: [{ name, value: 'v', description: '', is_required: false, is_secret: false }] });
      expect(found, name).toHaveLength(1);
      expect(found[0]).toMatch(/not a valid HTTP header name|name is empty/);
    }
    expect(issues({ headers: [{ name: "X-Weird_!#$%&'*+.^`|~1", value: 'v' }] as RemoteInput['headers'] })).toEqual([]);
  });

  it('refuses CR or LF in a header value, naming which and where', () => {
    const cases: Array<[string, string]> = [
      ['a\r\nX-Injected: 1', 'a line break (CR) (U+000D) at character 2'],
      ['line\nbreak', 'a line break (LF) (U+000A) at character 5'],
      ['cr\ronly', 'a line break (CR) (U+000D) at character 3'],
    ];
    for (const [value, what] of cases) {
      const found = issues({ headers: [{ name: 'X-Env', value }] as RemoteInput['headers'] });
      expect(found).toEqual([`Value of header "X-Env" contains ${what}, which would split the HTTP request`]);
    }
  });

  it('refuses NUL and other control characters, characters beyond Latin-1 and over-long values, never quoting the value', () => {
    const found = (value: string) => issues({ headers: [{ name: 'Authorization', value, is_secret: true }] as RemoteInput['headers'] });
    expect(found('Bearer ab\u0000cd')).toEqual(['Value of header "Authorization" contains a NUL character (U+0000) at character 10; HTTP header values may not contain control characters']);
    expect(found('bell\u0007')[0]).toContain('a control character (U+0007) at character 5');
    expect(found('del\u007f')[0]).toContain('(U+007F) at character 4');
    expect(found('snow\u2603man')[0]).toBe(
      'Value of header "Authorization" contains "\u2603" (U+2603) at character 5, outside Latin-1: header values travel as bytes, so only characters up to U+00FF can be sent (percent-encode or base64 the value)',
    );
    expect(found('emoji \u{1F600}')[0]).toContain('(U+1F600) at character 7');
    const long = found('x'.repeat(MAX_HEADER_VALUE_CHARS + 1))[0];
    expect(long).toContain('is 16,385 characters long, over the 16 KiB');
    for (const message of [found('Bearer ab\u0000cd')[0], long]) expect(message).not.toContain('Bearer ab');
    // What fetch itself accepts stays accepted: tabs, Latin-1 letters, a value at the limit.
    for (const value of ['a\tb', 'caf\u00e9', 'x'.repeat(MAX_HEADER_VALUE_CHARS), '']) expect(found(value), JSON.stringify(value.slice(0, 8))).toEqual([]);
  });

  it('refuses the same header name twice, ignoring case', () => {
    const found = issues({ headers: [{ name: 'X-Env', value: 'a' }, { name: 'x-env', value: 'b' }] as RemoteInput['headers'] });
    expect(found).toEqual(['Header "x-env" appears twice (also as header 1); header names are case-insensitive']);
  });

  it('warns, without refusing, about credentials over plain http to a remote host', () => {
    const secret = [{ name: 'X-Token-Thing', value: '', is_secret: true }] as RemoteInput['headers'];
    const authLike = [{ name: 'Authorization', value: 'Bearer x' }] as RemoteInput['headers'];
    expect(warnings({ url: 'http://api.example.com/mcp', headers: secret })[0]).toContain('unencrypted over http:// to api.example.com');
    expect(warnings({ url: 'http://api.example.com/mcp', headers: authLike })[0]).toContain('Authorization');
    expect(warnings({ transport: 'websocket', url: 'ws://10.0.0.5/mcp', headers: authLike })[0]).toContain('Use wss://');
  });

  it('does not warn for https, loopback hosts, or plain headers', () => {
    const authLike = [{ name: 'Authorization', value: 'Bearer x' }] as RemoteInput['headers'];
    expect(warnings({ url: 'https://api.example.com/mcp', headers: authLike })).toEqual([]);
    expect(warnings({ url: 'http://127.0.0.1:3000/mcp', headers: authLike })).toEqual([]);
    expect(warnings({ url: 'http://localhost:3000/mcp', headers: authLike })).toEqual([]);
    expect(warnings({ url: 'http://[::1]:3000/mcp', headers: authLike })).toEqual([]);
    expect(warnings({ url: 'http://api.example.com/mcp', headers: [{ name: 'X-Env', value: 'dev' }] as RemoteInput['headers'] })).toEqual([]);
  });

  it('knows loopback hosts and credential-like header names', () => {
    expect(isLoopbackHost('127.8.9.1')).toBe(true);
    expect(isLoopbackHost('app.localhost')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    for (const n of ['Authorization', 'X-API-Key', 'api_key', 'X-Auth-Token', 'Cookie', 'Proxy-Authorization']) expect(looksLikeCredentialHeader(n), n).toBe(true);
    for (const n of ['X-Environment', 'X-Client-Version', 'Accept']) expect(looksLikeCredentialHeader(n), n).toBe(false);
  });
});
