import { describe, expect, it } from 'vitest';
import { startSseOnlyFixture } from '../../fixtures/sdk-servers/sse-only-fixture';
import { startStreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { ConnectionOAuth } from '../../../main/core/auth/connection-oauth';
import { MemoryOAuthStore } from '../../../main/core/auth/oauth-store';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { startRefusingServer } from '../error-kind-servers';
import { textOf, useManager } from './connection-test-support';

const { manager, cleanup } = useManager();

describe('transport auto-detection', () => {
  for (const postStatus of [405, 404] as const) {
    it(`an SSE-only server answering ${postStatus} to the POST: falls back to SSE and explains why`, async () => {
      const fixture = await startSseOnlyFixture({ postStatus });
      cleanup(() => fixture.close());
      const connection = await manager.open({ transport: 'auto', url: fixture.url });
      const info = connection.info();
      expect(info.transport).toBe('sse');
      expect(info.detection).toEqual({
        attempts: [
          { transport: 'streamable', outcome: 'failed', reason: `POST answered ${postStatus}` },
          { transport: 'sse', outcome: 'ok', reason: 'the GET opened an event stream that sent the endpoint event' },
        ],
        chosen: 'sse',
        explanation: expect.stringContaining(`answered ${postStatus} to the Streamable HTTP POST; it spoke legacy HTTP+SSE. Consider migrating it to Streamable HTTP`),
      });
      expect(textOf(await connection.callTool('echo', { message: 'detected' }))).toBe('detected');
      // The server saw the failed POST first, then the SSE GET.
      // The server/discover probe and the 2025 initialize are both refused before the SSE GET.
      expect(fixture.requests.slice(0, 3).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /sse', 'POST /sse', 'GET /sse']);
      expect(fixture.requests[0]!.headers['mcp-method']).toBe('server/discover');
      expect(connection.info()).toMatchObject({ era: 'legacy', eraDetection: { explanation: expect.stringContaining('Legacy HTTP+SSE is a 2025-era transport') } });
      // The attempt is in the trace too: a lifecycle reader sees what happened.
      const https = connection.buffer.entries().filter((e) => e.type === 'http');
      expect(https[0]).toMatchObject({ method: 'POST', status: postStatus });
    });
  }

  it('a Streamable HTTP server is used as such, SSE not tried', async () => {
    const fixture = await startStreamableFixture();
    cleanup(() => fixture.close());
    const connection = await manager.open({ transport: 'auto', url: fixture.url });
    expect(connection.info().detection).toMatchObject({ chosen: 'streamable', attempts: [{ outcome: 'ok' }, { transport: 'sse', outcome: 'skipped' }] });
    expect(fixture.requests.every((r) => r.method !== 'GET' || r.headers['mcp-session-id'])).toBe(true);
  });

  it('a 401 is an auth problem, not a reason to try SSE', async () => {
    const { startPlayground } = await import('../../../main/core/playground/start-playground');
    const playground = await startPlayground({ requireBearer: 'token' });
    cleanup(() => playground.close());
    const connection = manager.create({ transport: 'auto', url: playground.urls.streamable });
    const error = await connection.connect().catch((e: unknown) => e);
    expect(isPeriscopeError(error) && error.info.kind).toBe('auth');
    expect(connection.info()).toMatchObject({ state: 'failed', error: { kind: 'auth' } });
    expect(connection.info().detection?.attempts[1]).toMatchObject({ transport: 'sse', outcome: 'skipped' });
    expect(playground.seenRequests.map((r) => r.method)).toEqual(['POST']);
  });

  // A refusal that starts the OAuth flow: discovery finds nothing and the default registration
  // endpoint answers 404, as an SSE-only server answers a POST. The flow must run once, and the
  // legacy SSE GET must not be tried (it would be refused too, and register a second client).
  const refusals = {
    '401 with a Bearer challenge': { status: 401, challenge: 'Bearer realm="team-api"', words: '401 Unauthorized' },
    '403 insufficient_scope': { status: 403, challenge: 'Bearer error="insufficient_scope", scope="mcp:admin"', words: '403 Forbidden' },
  };
  for (const [name, refusal] of Object.entries(refusals)) {
    it(`a ${name} with OAuth on: the flow runs once, SSE is not tried, the error names the POST`, async () => {
      const server = await startRefusingServer(refusal.status, refusal.challenge);
      const { seen } = server;
      cleanup(() => server.close());
      const oauth = new ConnectionOAuth({ settings: { grant: 'authorization_code', authorize: 'print' }, store: new MemoryOAuthStore(), note: () => undefined });
      cleanup(() => oauth.close());
      const connection = manager.create({ transport: 'auto', url: server.url }, { oauth });
      const error = await connection.connect().catch((e: unknown) => e);
      expect(isPeriscopeError(error) && error.info).toMatchObject({ kind: 'auth', message: expect.stringContaining(`The server answered ${refusal.words} to POST ${server.url}`) });
      expect(seen.filter((r) => r === 'POST /register')).toHaveLength(1);
      expect(seen.filter((r) => r.startsWith('GET /.well-known/oauth-authorization-server'))).toHaveLength(1);
      expect(seen).not.toContain('GET /mcp');
      expect(connection.info().detection?.attempts).toEqual([
        { transport: 'streamable', outcome: 'failed', reason: `POST answered ${refusal.status}` },
        { transport: 'sse', outcome: 'skipped', reason: `a ${refusal.status} is not what an SSE-only server answers` },
      ]);
    });
  }
});
