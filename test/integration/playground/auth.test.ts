import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { startPlayground, type RunningPlayground } from '../../../main/core/playground/playground-server';
import { ClientPool, clientTransport, INITIALIZE_BODY, MCP_POST_HEADERS, NETWORK_TRANSPORTS } from './support/playground-clients';

const TOKEN = 'playground-secret-token';
const WWW_AUTHENTICATE = /^Bearer realm="periscope-playground", error="invalid_token", error_description="[^"]+"$/;

let playground: RunningPlayground;
const pool = new ClientPool();

afterEach(async () => {
  await pool.closeAll();
  await playground.close();
});

/** What a refused WebSocket upgrade answered. */
function upgradeRefusal(url: string, headers: Record<string, string> = {}): Promise<{ status: number; wwwAuthenticate?: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'mcp', { headers });
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, wwwAuthenticate: res.headers['www-authenticate'] as string | undefined });
      res.resume();
    });
    socket.once('open', () => reject(new Error('the upgrade should have been refused')));
    socket.once('error', () => undefined);
  });
}

describe('playground requireBearer', () => {
  it('answers 401 with WWW-Authenticate on Streamable HTTP, SSE and the WebSocket upgrade', async () => {
    playground = await startPlayground({ port: 0, requireBearer: TOKEN });
    const post = await fetch(playground.urls.streamable, { method: 'POST', headers: MCP_POST_HEADERS, body: JSON.stringify(INITIALIZE_BODY) });
    expect(post.status).toBe(401);
    expect(post.headers.get('www-authenticate')).toMatch(WWW_AUTHENTICATE);
    expect(post.headers.get('www-authenticate')).toContain('missing Authorization header');

    const wrong = await fetch(playground.urls.sse, { headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('error_description="the bearer token is not valid"');

    const messages = await fetch(`${playground.baseUrl}/messages?sessionId=x`, { method: 'POST', body: '{}' });
    expect(messages.status).toBe(401);

    const ws = await upgradeRefusal(playground.urls.websocket);
    expect(ws.status).toBe(401);
    expect(ws.wwwAuthenticate).toMatch(WWW_AUTHENTICATE);
  });

  it.each(NETWORK_TRANSPORTS)('%s: the SDK client fails without the token and works with it', async (kind) => {
    playground = await startPlayground({ port: 0, requireBearer: TOKEN });
    await expect(pool.connect(clientTransport(playground, kind))).rejects.toThrow(/401|Unauthorized|invalid_token/i);

    const client = await pool.connect(clientTransport(playground, kind, { Authorization: `Bearer ${TOKEN}` }));
    const result = await client.callTool({ name: 'echo', arguments: { message: 'authorised' } });
    expect(result.content).toEqual([{ type: 'text', text: 'authorised' }]);
  });

  it.each(NETWORK_TRANSPORTS)('%s: the header arrived on every request of the session', async (kind) => {
    playground = await startPlayground({ port: 0, requireBearer: TOKEN });
    const client = await pool.connect(clientTransport(playground, kind, { Authorization: `Bearer ${TOKEN}`, 'X-Trace-Me': 'yes' }));
    await client.listTools();
    await client.callTool({ name: 'slow_operation', arguments: { steps: 2, stepMs: 10 } });
    await client.close();
    const requests = playground.seenRequests.filter((r) => r.transport === kind);
    const expectedPaths = { streamable: ['/mcp'], sse: ['/sse', '/messages'], websocket: ['/ws'] }[kind];
    expect(new Set(requests.map((r) => r.path))).toEqual(new Set(expectedPaths));
    // streamable: initialize, initialized, tools/list, tools/call, DELETE (+ GET stream); sse: GET + 4 POSTs; ws: the upgrade.
    expect(requests.length).toBeGreaterThanOrEqual(kind === 'websocket' ? 1 : 4);
    for (const request of requests) {
      expect(request.headers.authorization, `${request.method} ${request.url}`).toBe(`Bearer ${TOKEN}`);
      expect(request.headers['x-trace-me'], `${request.method} ${request.url}`).toBe('yes');
    }
  });
});

describe('playground requireHeader', () => {
  it('demands the exact header value on every transport', async () => {
    playground = await startPlayground({ port: 0, requireHeader: { name: 'X-Api-Key', value: 'k-123' } });
    const missing = await fetch(playground.urls.streamable, { method: 'POST', headers: MCP_POST_HEADERS, body: JSON.stringify(INITIALIZE_BODY) });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('missing required header X-Api-Key');
    const wrong = await upgradeRefusal(playground.urls.websocket, { 'X-Api-Key': 'wrong' });
    expect(wrong.status).toBe(401);
    expect(wrong.wwwAuthenticate).toContain('does not have the expected value');

    for (const kind of NETWORK_TRANSPORTS) {
      const client = await pool.connect(clientTransport(playground, kind, { 'X-Api-Key': 'k-123' }));
      expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    }
  });

  it('leaves / and /health open so reachability can be checked without credentials', async () => {
    playground = await startPlayground({ port: 0, requireBearer: TOKEN });
    expect((await fetch(`${playground.baseUrl}/health`)).status).toBe(200);
    expect((await fetch(playground.baseUrl)).status).toBe(200);
  });
});
