import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionTargetInput } from '../../../shared/model/connection';
import type { ErrorInfo } from '../../../shared/model/error-info';
import type { TraceEntry } from '../../../shared/model/trace';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { startScriptedServer, type ScriptedServer } from '../../fixtures/sdk-servers/misbehaving/scripted-server';
import { useManager } from '../connections/connection-test-support';
import { startHttpServer, type RunningServer } from '../error-kind-servers';
import { scriptedTarget } from './scripted-targets';
import { mislabelledEncoding, startBigFrameWebSocketServer, startNotHttpServer } from './wire-servers';

const { manager, cleanup } = useManager();
let scripted: ScriptedServer;
beforeAll(async () => {
  scripted = await startScriptedServer();
});
afterAll(() => scripted.close());
const started: RunningServer[] = [];
afterEach(async () => {
  while (started.length) await started.pop()!.close();
});

const fast = { connectMs: 4_000, requestMs: 4_000 };

async function failureOf(target: ConnectionTargetInput): Promise<ErrorInfo> {
  const error = await manager.open({ timeouts: fast, ...target }).then(() => undefined, (e: unknown) => e);
  if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
  return error.info;
}

describe('an answer that is not HTTP at all', () => {
  for (const transport of ['streamable', 'sse', 'auto', 'websocket'] as const) {
    it(`${transport}: not-mcp, saying what listens there, never internal`, async () => {
      const server = await startNotHttpServer();
      started.push(server);
      const url = transport === 'websocket' ? server.url.replace('http:', 'ws:') : server.url;
      const info = await failureOf({ transport, url });
      expect(info.kind).toBe('not-mcp');
      expect(info.message).toMatch(new RegExp(`^127\\.0\\.0\\.1:${server.port} did not answer with valid HTTP \\(.*Expected HTTP/.*\\): something other than an HTTP server is listening there$`));
      expect(info.hint).toContain('https://');
      expect(info.detail?.reason).toMatch(/Expected HTTP\//);
    });
  }
});

describe('a body labelled with a Content-Encoding it does not have', () => {
  const cases: Array<[string, 'streamable' | 'sse', boolean, RegExp]> = [
    ['gzip', 'streamable', false, /could not be decoded \(gzip\): incorrect header check/],
    ['deflate', 'streamable', false, /could not be decoded \(deflate\): /],
    ['br', 'streamable', false, /could not be decoded \(br\): Decompression failed/],
    ['gzip', 'streamable', true, /could not be decoded \(gzip\): incorrect header check/],
    ['gzip', 'sse', false, /could not be decoded \(gzip\): incorrect header check/],
  ];
  for (const [encoding, transport, eventStream, wording] of cases) {
    it(`${encoding} on ${transport === 'sse' ? 'the legacy SSE stream' : eventStream ? 'a Streamable HTTP event stream' : 'a Streamable HTTP JSON answer'}, while connecting`, async () => {
      const server = await startHttpServer(mislabelledEncoding(encoding, eventStream), transport === 'sse' ? '/sse' : '/mcp');
      started.push(server);
      const info = await failureOf({ transport, url: server.url, protocolEra: 'legacy', timeouts: { connectMs: 2_000, requestMs: 2_000 } });
      expect(info.kind).toBe('protocol');
      expect(info.message).toMatch(wording);
      expect(info.message).toContain(`127.0.0.1:${server.port}`);
      expect(info.hint).toContain(`Content-Encoding: ${encoding}`);
    });
  }

  for (const era of ['legacy', 'modern'] as const) {
    for (const sse of [false, true]) {
      it(`gzip on a request's ${sse ? 'event stream' : 'JSON'} answer, ${era} era: the request fails with the decoding error, the connection stays`, async () => {
        const connection = await manager.open(scriptedTarget(scripted, sse ? 'streamable-sse' : 'streamable-json', era));
        const error = await connection.callTool('misbehave', { mislabelEncoding: 'gzip', sse }, { timeoutMs: 2_000 }).then(() => undefined, (e: unknown) => e);
        if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
        expect(error.info.kind).toBe('protocol');
        expect(error.info.message).toMatch(/could not be decoded \(gzip\): incorrect header check/);
        await expect(connection.callTool('misbehave', {})).resolves.toBeDefined();
      });
    }
  }
});

describe('header values that cannot go on the wire', () => {
  const bad: Array<[string, string, RegExp]> = [
    ['NUL', 'Bearer abc\u0000def', /its value contains a NUL character \(U\+0000\) at character 11/],
    ['beyond Latin-1', 'Bearer caf\u00e9 \u2603', /its value contains "\u2603" \(U\+2603\) at character 13, outside Latin-1/],
    ['over-long', 'x'.repeat(20_000), /its value is 20,000 characters long, over the 16 KiB/],
  ];
  for (const transport of ['streamable', 'sse', 'websocket'] as const) {
    it(`${transport}: refused at connect with invalid-input naming the header, before anything is sent`, async () => {
      for (const [what, value, wording] of bad) {
        const url = transport === 'websocket' ? scripted.urls.websocket : scripted.urls[transport];
        const before = scripted.received.length;
        const entries: TraceEntry[] = [];
        const connection = manager.create({ transport, url, headers: [{ name: 'Authorization', value, secret: true }] });
        connection.bus.subscribe((e) => entries.push(e));
        const error = await connection.connect().then(() => undefined, (e: unknown) => e);
        if (!isPeriscopeError(error)) throw new Error(`${what}: expected a PeriscopeError, got ${String(error)}`);
        expect(error.info.kind, what).toBe('invalid-input');
        expect(error.info.message, what).toMatch(/^Header "Authorization" cannot be sent: /);
        expect(error.info.message, what).toMatch(wording);
        expect(error.info.message, what).not.toContain('abc');
        expect(scripted.received.length, `${what}: nothing reached the server`).toBe(before);
        expect(entries.some((e) => e.type === 'http' || (e.type === 'websocket' && e.event === 'upgrade')), what).toBe(false);
      }
    });
  }

  it('a URL too long for the server is its HTTP 431, with what to shorten', async () => {
    const info = await failureOf({ transport: 'streamable', url: `${scripted.urls.streamable}?pad=${'p'.repeat(20_000)}` });
    expect(info.kind).toBe('http-status');
    expect(info.message).toContain('431 Request Header Fields Too Large');
    expect(info.hint).toContain('shorten');
  });
});

describe('an HTTP answer over the size limit', () => {
  const limit = 1024 * 1024;
  // (An event stream past the limit: recording-fetch.test.ts, against a server that never ends its event.)
  const cases = [['streamable-json', 'body', /^The answer from 127\.0\.0\.1:\d+ is larger than the 1 MB limit, so Periscope stopped reading it$/]] as const;
  for (const [transport, part, words] of cases) for (const era of ['legacy', 'modern'] as const) {
    it(`${transport}, ${era} era: the call fails naming the limit (too-large), the exchange is recorded as such, and the connection goes on`, async () => {
      const connection = await manager.open({ ...scriptedTarget(scripted, transport, era), maxMessageBytes: limit });
      const entries: TraceEntry[] = [];
      connection.bus.subscribe((e) => entries.push(e));
      const error = await connection.callTool('misbehave', { padBytes: 2 * limit }).then(() => undefined, (e: unknown) => e);
      if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
      expect(error.info).toMatchObject({ kind: 'too-large', detail: { limitBytes: limit, part } });
      expect(error.info.message).toMatch(words);
      expect(error.info.fixes).toEqual([expect.objectContaining({ field: 'maxMessageBytes' })]);
      expect(entries.some((e) => e.type === 'http' && e.phase === 'failed' && e.error?.kind === 'too-large')).toBe(true);
      // One answer too large is that request's failure, not the connection's.
      await expect(connection.callTool('misbehave', { padBytes: limit / 2 })).resolves.toBeDefined();
    });
  }
});

describe('a WebSocket message over the size limit', () => {
  const limit = 1024 * 1024;
  for (const era of ['legacy', 'modern'] as const) {
    it(`${era} era: a request's answer over the limit names the limit (too-large), and the connection says why it closed`, async () => {
      const connection = await manager.open({ ...scriptedTarget(scripted, 'websocket', era), maxMessageBytes: limit });
      const entries: TraceEntry[] = [];
      connection.bus.subscribe((e) => entries.push(e));
      const error = await connection.callTool('misbehave', { padBytes: 2 * limit }).then(() => undefined, (e: unknown) => e);
      if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
      expect(error.info.kind).toBe('too-large');
      expect(error.info.message).toBe('The server sent a WebSocket message larger than the 1 MB limit, so Periscope closed the socket (code 1009)');
      expect(error.info.hint).toContain('raise the WebSocket message limit for this connection');
      expect(error.info.fixes).toEqual([expect.objectContaining({ field: 'maxMessageBytes' })]);
      expect(error.info.detail).toMatchObject({ limitBytes: limit });
      // Periscope closed the socket itself, so the connection is gone: lost, with that reason.
      expect(connection.info()).toMatchObject({ state: 'lost', error: { kind: 'too-large' } });
      expect(entries.some((e) => e.type === 'websocket' && e.event === 'close' && e.closeReason === 'message larger than the 1 MB limit')).toBe(true);
    });
  }

  it('under the limit, the same answer is fine; while connecting, an oversized frame fails the connect with the limit', async () => {
    const connection = await manager.open({ ...scriptedTarget(scripted, 'websocket', 'legacy'), maxMessageBytes: 4 * limit });
    await expect(connection.callTool('misbehave', { padBytes: 2 * limit })).resolves.toBeDefined();
    const big = await startBigFrameWebSocketServer(3 * limit);
    cleanup(() => big.close());
    const info = await failureOf({ transport: 'websocket', url: big.url, maxMessageBytes: 2 * limit });
    expect(info.kind).toBe('too-large');
    expect(info.message).toContain('larger than the 2 MB limit');
  });
});
