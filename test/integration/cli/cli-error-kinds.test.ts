import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScriptedServer, type ScriptedServer } from '../../fixtures/sdk-servers/misbehaving/scripted-server';
import { startForgetfulServer, startNotHttpServer } from '../errors/wire-servers';
import { startHttpServer, startRefusingServer } from '../error-kind-servers';
import { cli, removeTestDataDir } from './cli-harness';

let scripted: ScriptedServer;
beforeAll(async () => {
  scripted = await startScriptedServer();
});
afterAll(async () => {
  await scripted.close();
  removeTestDataDir();
});

/** The failures issue 8 found ending in exit 70 (internal), each with its own kind and words now. */
describe('the CLI names what happened, never exit 70', () => {
  it('a header value beyond Latin-1: exit 11 before anything is sent', async () => {
    const before = scripted.received.length;
    const run = await cli(['tools', scripted.urls.streamable, '-H', 'X-Team: snow\u2603']);
    expect(run.code).toBe(11);
    expect(run.stderr).toContain('error: The value of header "X-Team" contains "\u2603" (U+2603) at character 5, outside Latin-1');
    expect(scripted.received.length).toBe(before);
  });

  it('a port that does not speak HTTP: exit 32 (not-mcp)', async () => {
    const server = await startNotHttpServer();
    try {
      const run = await cli(['tools', server.url]);
      expect(run.code).toBe(32);
      expect(run.stderr).toContain(`error: 127.0.0.1:${server.port} did not answer with valid HTTP`);
      expect(run.stderr).toMatch(/hint: check the port/);
    } finally {
      await server.close();
    }
  });

  it('a server JSON-RPC error -32000 with a null id: exit 33 with its code and message', async () => {
    const run = await cli(['call', scripted.urls.websocket, 'misbehave', '--args', JSON.stringify({ id: 'null', error: { code: -32000, message: 'Backend said no' } })]);
    expect(run.code).toBe(33);
    expect(run.stderr).toContain('JSON-RPC error -32000: Backend said no');
  });

  it('--max-message-mb: a WebSocket message over it is exit 36, naming the limit', async () => {
    const args = JSON.stringify({ padBytes: 2 * 1024 * 1024 });
    const over = await cli(['call', scripted.urls.websocket, 'misbehave', '--args', args, '--max-message-mb', '1']);
    expect(over.code).toBe(36);
    expect(over.stderr).toContain('error: The server sent a WebSocket message larger than the 1 MB limit');
    expect(over.stderr).toMatch(/^hint: .*\(--max-message-mb <n>\)$/m);
    const under = await cli(['call', scripted.urls.websocket, 'misbehave', '--args', args, '--max-message-mb', '4']);
    expect(under.code, under.stderr).toBe(0);
    const bad = await cli(['tools', scripted.urls.websocket, '--max-message-mb', 'lots']);
    expect(bad.code).toBe(1);
  });

  it('--max-message-mb: an HTTP answer over it is exit 36 too, in both eras (the same limit, whatever carries the message)', async () => {
    const args = JSON.stringify({ padBytes: 2 * 1024 * 1024 });
    for (const era of ['legacy', 'modern']) {
      const over = await cli(['call', scripted.urls.streamable, 'misbehave', '--args', args, '--max-message-mb', '1', '--protocol-era', era]);
      expect(over.code, over.stderr).toBe(36);
      expect(over.stderr).toMatch(/^error: The answer from 127\.0\.0\.1:\d+ is larger than the 1 MB limit, so Periscope stopped reading it$/m);
      expect(over.stderr).toMatch(/^hint: .*\(--max-message-mb <n>\)$/m);
      const under = await cli(['call', scripted.urls.streamable, 'misbehave', '--args', args, '--max-message-mb', '4', '--protocol-era', era]);
      expect(under.code, under.stderr).toBe(0);
    }
  });

  it('--stop-on-session-expiry: a 404 on the session stops at once (exit 34); without it, a new session is tried first', async () => {
    const stops = await startForgetfulServer();
    const renews = await startForgetfulServer();
    try {
      const stopped = await cli(['tools', stops.url, '--stop-on-session-expiry', '--trace']);
      expect(stopped.code).toBe(34);
      expect(stops.initializes()).toBe(1);
      expect(stopped.stderr).not.toContain('Session expired; initialized a new one');

      const renewed = await cli(['tools', renews.url, '--trace']);
      expect(renewed.code).toBe(34); // this server forgets the new session at once too
      expect(renews.initializes()).toBe(2);
      expect(renewed.stderr).toContain('Session expired; initialized a new one (was session-1, now session-2)');
    } finally {
      await stops.close();
      await renews.close();
    }
  });

  // A 401 from a server with no OAuth metadata sends the SDK to the origin's default endpoints;
  // whichever of them fails (a refused registration, an HTML 404, a 500), the words are the same.
  const defaultEndpointFailures = {
    'registration refused with 401': { status: 401, type: 'application/json', body: '{"error":"unauthorized"}' },
    'an HTML 404 page': { status: 404, type: 'text/html', body: '<html><body>Not Found</body></html>' },
    'a 500': { status: 500, type: 'text/plain', body: 'boom' },
  };
  for (const [name, failure] of Object.entries(defaultEndpointFailures)) {
    it(`a 401 without OAuth metadata (default endpoints: ${name}): exit 31 naming the challenge and the header to set`, async () => {
      const seen: string[] = [];
      const server = await startHttpServer((req, res) => {
        seen.push(`${req.method} ${req.url}`);
        if (req.url === '/mcp') {
          res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="team-api"', 'Content-Type': 'application/json' });
          return res.end('{"error":"unauthorized"}');
        }
        if (req.url?.startsWith('/.well-known/')) {
          res.writeHead(404, { 'Content-Type': 'text/html' });
          return res.end('<html>Not Found</html>');
        }
        res.writeHead(failure.status, { 'Content-Type': failure.type });
        res.end(failure.body);
      });
      try {
        const run = await cli(['tools', server.url]);
        expect(run.code).toBe(31);
        expect(run.stderr).toContain(`error: The server answered 401 Unauthorized to POST ${server.url}; it asks for Bearer (realm "team-api"), but publishes no OAuth metadata`);
        expect(run.stderr).toContain(`authorization server metadata (RFC 8414) at http://127.0.0.1:${server.port}, so there is no authorization server to sign in with`);
        expect(run.stderr).toMatch(/^hint: The server expects credentials you already have: set the Authorization header to Bearer <token>.*\(-H 'Authorization: Bearer <token>' or --trace\)$/m);
        // The SDK's class names say nothing to a person.
        expect(run.stderr).not.toMatch(/[A-Za-z]+Error:|Unexpected error/);
        // Transport auto-detection stops at the refusal: the OAuth flow ran once, no legacy SSE GET.
        expect(seen.filter((r) => r === 'POST /register')).toHaveLength(1);
        expect(seen).not.toContain('GET /mcp');
      } finally {
        await server.close();
      }
    });
  }

  // Auto-detection must not take a refusal, or the OAuth flow's own failed requests, for an
  // SSE-only server: the flow runs once and the error names the POST that was refused.
  const refusals = {
    '401 Unauthorized': { status: 401, challenge: 'Bearer realm="team-api"' },
    '403 Forbidden': { status: 403, challenge: 'Bearer error="insufficient_scope", scope="mcp:admin"' },
  };
  for (const [words, refusal] of Object.entries(refusals)) {
    it(`a ${refusal.status} with --transport auto: one discovery, one registration, no SSE GET; the error names the POST`, async () => {
      const server = await startRefusingServer(refusal.status, refusal.challenge);
      const { seen } = server;
      try {
        const run = await cli(['tools', server.url, '--authorize', 'print', '--trace']);
        expect(run.code).toBe(31);
        expect(run.stderr).toContain(`error: The server answered ${words} to POST ${server.url};`);
        expect(run.stderr).not.toContain(`GET ${server.url}`);
        expect(seen.filter((r) => r === 'POST /register')).toHaveLength(1);
        expect(seen.filter((r) => r === 'GET /.well-known/oauth-authorization-server')).toHaveLength(1);
        expect(seen).not.toContain('GET /mcp');
      } finally {
        await server.close();
      }
    });
  }
});
