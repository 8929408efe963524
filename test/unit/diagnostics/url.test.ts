import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../shared/model/error-info';
import type { TransportChoice } from '../../../shared/model/connection';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { parseEndpointUrl } from '../../../main/core/diagnostics/url';
import { cliHint } from '../../../main/cli/fix-options';
import { checkEndpointUrl } from '../../../shared/model/remote-rules';

function failure(raw: string, transport: TransportChoice = 'auto'): ErrorInfo {
  try {
    parseEndpointUrl(raw, transport);
  } catch (error) {
    if (!isPeriscopeError(error)) throw error;
    expect(error.info.kind).toBe('invalid-url');
    return error.info;
  }
  throw new Error(`expected ${raw} to be rejected`);
}

describe('parseEndpointUrl', () => {
  it('accepts http(s) and ws(s) endpoints for the transports that use them', () => {
    expect(parseEndpointUrl(' https://example.com/mcp ', 'auto').href).toBe('https://example.com/mcp');
    expect(parseEndpointUrl('http://127.0.0.1:3000/sse', 'sse').port).toBe('3000');
    expect(parseEndpointUrl('wss://example.com/ws', 'websocket').protocol).toBe('wss:');
    expect(parseEndpointUrl('ws://127.0.0.1:1/ws', 'auto').protocol).toBe('ws:');
  });

  it('names a missing scheme and suggests the full form', () => {
    const info = failure('localhost:3000/mcp');
    expect(info.message).toContain('has no scheme');
    expect(info.hint).toContain('http://localhost:3000/mcp');
    expect(failure('example.com/mcp').message).toContain('has no scheme');
  });

  it('points at the position of a space', () => {
    expect(failure('https://example.com/my mcp').message).toContain('space at position 23');
  });

  it('rejects a missing host, unknown schemes and out-of-range ports', () => {
    expect(failure('https:///mcp').message).toContain('no host name');
    expect(failure('ftp://example.com/mcp').message).toContain('Unsupported URL scheme "ftp://"');
    expect(failure('http://example.com:99999/mcp').message).toContain('port 99999');
    expect(failure('   ').message).toBe('No URL given');
  });

  it('explains scheme and transport mismatches both ways', () => {
    const ws = failure('https://example.com/ws', 'websocket');
    expect(ws.message).toContain('needs a ws:// or wss:// URL, got https://');
    expect(ws.hint).toContain('wss://example.com/ws');
    const sse = failure('ws://example.com/sse', 'sse');
    expect(sse.message).toContain('sse transport needs an http:// or https:// URL');
    expect(sse.hint).toContain('WebSocket transport');
    expect(sse.fixes?.[0]).toMatchObject({ field: 'transport', value: 'websocket' });
    expect(cliHint(sse)).toContain('--transport websocket');
    expect(failure('https://example.com', 'stdio').message).toContain('takes a command');
  });
});

describe('parseEndpointUrl slashes', () => {
  it('names missing slashes after the scheme', () => {
    let info: { message: string; hint: string } | undefined;
    try {
      parseEndpointUrl('https:/example.com/mcp', 'auto');
    } catch (error) {
      if (isPeriscopeError(error)) info = error.info;
    }
    expect(info?.message).toBe('The URL "https:/example.com/mcp" is missing "//" after "https:"');
    expect(info?.hint).toBe('write it as https://example.com/mcp');
  });
});

describe('parseEndpointUrl credentials in the URL', () => {
  it('refuses user:password@ on an HTTP URL (fetch cannot send it) without repeating the password', () => {
    const info = failure('http://user:s3cr3t-value@127.0.0.1:3000/mcp');
    expect(info.message).toBe('The URL http://127.0.0.1:3000/mcp carries a user name or password before the host (user:password then @), which HTTP clients do not send');
    expect(info.hint).toContain('Authorization: Basic');
    expect(cliHint(info)).toContain('-H');
    expect(`${info.message} ${info.hint}`).not.toContain('s3cr3t-value');
    expect(failure('https://user@example.com/mcp', 'sse').message).toContain('https://example.com/mcp carries a user name');
  });

  it('leaves a WebSocket URL with credentials alone (the WebSocket client sends them)', () => {
    expect(parseEndpointUrl('ws://user:pw@127.0.0.1:3000/ws', 'auto').username).toBe('user');
  });
});

describe('a password typed in a URL is never quoted back', () => {
  const password = 's3cr3t-value-123';
  // Every way the URL checks can fail, each with a password in what was typed.
  const typed: Array<[string, string]> = [
    [`http://user:${password}@127.0.0.1:3000/mcp`, 'auto'],
    [`https://user:${password}@example.com/mcp`, 'sse'],
    [`http:/user:${password}@127.0.0.1:3000/mcp`, 'auto'],
    [`ftp://user:${password}@127.0.0.1:3000/mcp`, 'auto'],
    [`http://user:${password}@127.0.0.1:99999/mcp`, 'auto'],
    [`http://user:${password}@127.0.0.1:3000/m cp`, 'auto'],
    [`user:${password}@127.0.0.1:3000/mcp`, 'auto'],
    [`http://user:${password}@[::1/mcp`, 'auto'],
    [`ws://user:${password}@127.0.0.1:3000/ws`, 'streamable'],
    [`http://user:${password}@127.0.0.1:3000/mcp`, 'websocket'],
  ];
  for (const [url, transport] of typed) {
    it(`${url} (${transport}): neither the error nor the remote form's message has it`, () => {
      expect(JSON.stringify(failure(url, transport as never))).not.toContain(password);
      const problem = checkEndpointUrl(url, transport);
      expect(problem).toBeDefined();
      expect(problem).not.toContain(password);
    });
  }
});
