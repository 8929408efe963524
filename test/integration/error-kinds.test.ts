import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionTargetInput } from '../../shared/model/connection';
import type { ErrorInfo } from '../../shared/model/error-info';
import { ConnectionManager } from '../../main/core/connections/connection-manager';
import { isPeriscopeError } from '../../main/core/diagnostics/periscope-error';
import type { RunningPlayground } from '../../main/core/playground/playground-options';
import { startPlayground } from '../../main/core/playground/start-playground';
import { type HttpsFixtureKind, startHttpsFixture } from '../fixtures/tls/https-fixture';
import { cliHint } from '../../main/cli/fix-options';
import {
  droppedStream, forgetfulSessionServer, html404, malformedJson, neverAnswers, postNotAllowed,
  type RunningServer, startDroppingWebSocketServer, startHttpServer,
} from './error-kind-servers';
import { refusedPort } from '../support/refused-port';

/**
 * Each error kind from a real failing condition, through the engine's public entry point.
 * Asserts the words a user reads, not only the kind: the message must name what failed and
 * the hint what to try.
 */
const manager = new ConnectionManager();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await manager.closeAll();
  while (cleanups.length > 0) await cleanups.pop()!();
});

const fast = { connectMs: 4_000, requestMs: 4_000 };

async function failureOf(target: ConnectionTargetInput): Promise<ErrorInfo> {
  try {
    await manager.open({ timeouts: fast, ...target });
  } catch (error) {
    expect(isPeriscopeError(error), `open must reject with a PeriscopeError, got ${String(error)}`).toBe(true);
    if (!isPeriscopeError(error)) throw error;
    expect(error.info.message).not.toContain('[object Object]');
    return error.info;
  }
  throw new Error('expected the connection to fail');
}

async function server(handler: Parameters<typeof startHttpServer>[0], path?: string): Promise<RunningServer> {
  const started = await startHttpServer(handler, path);
  cleanups.push(() => started.close());
  return started;
}

describe('error kinds from real conditions', () => {
  it('invalid-url: says what is wrong with the URL', async () => {
    const info = await failureOf({ transport: 'streamable', url: 'localhost:3000/mcp' });
    expect(info.kind).toBe('invalid-url');
    expect(info.message).toContain('has no scheme');
    expect(info.hint).toContain('http://localhost:3000/mcp');
  });

  it('refused: a closed port, named with host and port', async () => {
    const port = await refusedPort();
    const info = await failureOf({ transport: 'streamable', url: `http://127.0.0.1:${port}/mcp` });
    expect(info.kind).toBe('refused');
    expect(info.message).toContain(`127.0.0.1:${port}`);
    expect(info.hint).toContain('is the server running? check the port');
  });

  it('dns: a .invalid host', async () => {
    const info = await failureOf({ transport: 'auto', url: 'https://periscope-test.invalid/mcp' });
    expect(info.kind).toBe('dns');
    expect(info.message).toContain('"periscope-test.invalid"');
    expect(info.hint).toContain('spelling');
  });

  const tlsCases: Array<[HttpsFixtureKind, boolean, string, RegExp]> = [
    ['self-signed', false, 'DEPTH_ZERO_SELF_SIGNED_CERT', /self-signed certificate/],
    ['expired', true, 'CERT_HAS_EXPIRED', /has expired on 2021-01-01/],
    ['wrong-host', true, 'ERR_TLS_CERT_ALTNAME_INVALID', /not valid for the host name "127\.0\.0\.1": it covers DNS:wrong\.example/],
  ];
  for (const [kind, trustCa, code, wording] of tlsCases) {
    it(`tls: ${kind} certificate, with the certificate's details`, async () => {
      const fixture = await startHttpsFixture(kind);
      cleanups.push(() => fixture.close());
      // Trusting the CA makes the expired/wrong-host check the first one to fail.
      const info = await failureOf({
        transport: 'streamable',
        url: fixture.url,
        tls: { caFiles: trustCa ? [fixture.caFile] : [], acceptInvalidCertificates: false },
      });
      expect(info.kind).toBe('tls');
      expect(info.message).toMatch(wording);
      expect(info.fixes?.map((f) => f.field)).toContain('tls.acceptInvalidCertificates');
      expect(cliHint(info)).toContain('--insecure');
      expect(info.detail).toMatchObject({ code, certificate: { subject: expect.stringContaining('CN=') } });
    });
  }

  it('not-mcp: an HTML 404 page', async () => {
    const page = await server(html404);
    for (const transport of ['streamable', 'auto'] as const) {
      const info = await failureOf({ transport, url: page.url });
      expect(info.kind, transport).toBe('not-mcp');
      expect(info.message).toContain('HTML page ("404 Not Found")');
      expect(info.hint).toContain('this URL serves a web page, not an MCP endpoint; MCP endpoints usually end in /mcp');
    }
  });

  it('http-status: 405 on POST suggests the SSE transport', async () => {
    const sseOnly = await server(postNotAllowed);
    const info = await failureOf({ transport: 'streamable', url: sseOnly.url });
    expect(info.kind).toBe('http-status');
    expect(info.message).toContain('405');
    expect(info.hint).toBe('this looks like an SSE-only server: try the SSE transport');
    expect(cliHint(info)).toContain('(--transport sse)');
    expect(info.detail).toMatchObject({ status: 405 });
  });

  it('protocol: 200 application/json with broken JSON', async () => {
    const broken = await server(malformedJson);
    const info = await failureOf({ transport: 'streamable', url: broken.url });
    expect(info.kind).toBe('protocol');
    expect(info.message).toMatch(/malformed JSON/);
  });

  it('closed: the event stream is dropped before the answer', async () => {
    const dropping = await server(droppedStream);
    // The SDK only reports the drop through onerror and waits; the engine must still say "closed".
    const info = await failureOf({ transport: 'streamable', url: dropping.url, timeouts: { connectMs: 1_500, requestMs: 1_500 } });
    expect(info.kind).toBe('closed');
    expect(info.message).toContain(`127.0.0.1:${dropping.port}`);
  });

  it('closed: a WebSocket dropped without a close frame reports code 1006', async () => {
    const ws = await startDroppingWebSocketServer();
    cleanups.push(() => ws.close());
    const info = await failureOf({ transport: 'websocket', url: ws.url });
    expect(info.kind).toBe('closed');
    expect(info.message).toContain('1006');
    expect(info.detail).toMatchObject({ closeCode: 1006 });
  });

  it('timeout: a server that never answers', async () => {
    const silent = await server(neverAnswers);
    const info = await failureOf({ transport: 'streamable', url: silent.url, timeouts: { connectMs: 500, requestMs: 500 } });
    expect(info.kind).toBe('timeout');
    expect(info.fixes?.[0]?.field).toMatch(/^timeouts\./);
    expect(cliHint(info)).toContain('--timeout');
  });

  it('session-expired: a 404 to a request carrying a session id the server handed out', async () => {
    const sessions = forgetfulSessionServer();
    const forgetful = await server(sessions.handler);
    // Renewal off: the expiry itself is what this test looks at.
    const connection = await manager.open({ transport: 'streamable', url: forgetful.url, timeouts: fast, reinitializeOnSessionExpiry: false });
    sessions.forget();
    const error = await connection.listTools().then(() => undefined, (e: unknown) => e);
    expect(isPeriscopeError(error)).toBe(true);
    if (!isPeriscopeError(error)) return;
    expect(error.info.kind).toBe('session-expired');
    expect(error.info.message).toContain('404');
    expect(error.info.hint).toContain('initialize again');
  });

  it('spawn: a missing stdio command, and one that exits at once', async () => {
    const missing = await failureOf({ transport: 'stdio', command: 'periscope-no-such-command-xyz' });
    expect(missing.kind).toBe('spawn');
    expect(missing.message).toContain('"periscope-no-such-command-xyz" was not found');
    expect(missing.hint).toContain('PATH');

    const exits = await failureOf({
      transport: 'stdio',
      command: process.execPath,
      args: ['-e', "console.error('fatal: API_KEY is not set'); process.exit(3)"],
    });
    expect(exits.kind).toBe('spawn');
    expect(exits.message).toContain('fatal: API_KEY is not set');
  });
});

describe('auth from the playground', () => {
  let playground: RunningPlayground;
  beforeAll(async () => {
    playground = await startPlayground({ requireBearer: 'right-token' });
  });
  afterAll(() => playground.close());

  for (const transport of ['streamable', 'sse', 'websocket'] as const) {
    it(`auth: 401 over ${transport} names the scheme, realm and header to set`, async () => {
      const info = await failureOf({
        transport,
        url: playground.urls[transport],
        headers: [{ name: 'Authorization', value: 'Bearer wrong-token', secret: true }],
      });
      expect(info.kind).toBe('auth');
      expect(info.message).toMatch(/401 Unauthorized; it asks for Bearer \(realm "[^"]+", error "invalid_token"/);
      expect(cliHint(info)).toContain("-H 'Authorization: Bearer <token>'");
      expect(info.detail?.wwwAuthenticate).toEqual([
        expect.objectContaining({ scheme: 'Bearer', params: expect.objectContaining({ error: 'invalid_token' }) }),
      ]);
      expect(JSON.stringify(info)).not.toContain('wrong-token');
    });
  }

  it('auth: 401 without any Authorization header says which header is missing', async () => {
    const info = await failureOf({ transport: 'auto', url: playground.urls.streamable });
    expect(info.kind).toBe('auth');
    expect(info.hint).toBe('no Authorization header was sent: set the Authorization header to Bearer <token>');
    expect(info.fixes).toEqual([{ field: 'header:Authorization', label: 'Set the Authorization header' }]);
  });
});
