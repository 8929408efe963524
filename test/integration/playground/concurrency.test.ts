import type { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startPlayground, type RunningPlayground } from '../../../main/core/playground/playground-server';
import { ClientPool, clientTransport, MCP_POST_HEADERS, NETWORK_TRANSPORTS } from './support/playground-clients';

let playground: RunningPlayground | undefined;
const pool = new ClientPool();

afterEach(async () => {
  await pool.closeAll();
  await playground?.close();
  playground = undefined;
});

describe('playground with many clients', () => {
  it('keeps two clients on the same transport independent', async () => {
    playground = await startPlayground({ port: 0 });
    const firstTransport = clientTransport(playground, 'streamable') as StreamableHTTPClientTransport;
    const first = await pool.connect(firstTransport);
    const second = await pool.connect(clientTransport(playground, 'streamable'));

    await first.callTool({ name: 'slow_operation', arguments: { steps: 1, stepMs: 1 } });
    const ops = async (client: typeof first) => JSON.parse(((await client.readResource({ uri: 'playground://operations' })).contents[0] as { text: string }).text);
    expect(await ops(first)).toHaveLength(1);
    expect(await ops(second)).toEqual([]); // each session has its own server state

    const firstSessionId = firstTransport.sessionId;
    await firstTransport.terminateSession(); // DELETE /mcp: the server forgets the session
    await first.close();
    const echo = await second.callTool({ name: 'echo', arguments: { message: 'still here' } });
    expect(echo.content).toEqual([{ type: 'text', text: 'still here' }]);
    // The deleted session now answers 404, which clients read as "session expired, initialize again".
    const stale = await fetch(playground.urls.streamable, {
      method: 'POST',
      headers: { ...MCP_POST_HEADERS, 'mcp-session-id': firstSessionId! },
      body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'ping' }),
    });
    expect(stale.status).toBe(404);
    expect(await stale.json()).toMatchObject({ error: { code: -32001, message: expect.stringContaining('Session not found') } });
    const health = (await (await fetch(`${playground.baseUrl}/health`)).json()) as { sessions: { streamable: number } };
    expect(health.sessions.streamable).toBe(1); // the first session was deleted on close, the second lives on
  });

  it('serves every transport at once, with concurrent calls', async () => {
    playground = await startPlayground({ port: 0 });
    const clients = await Promise.all(NETWORK_TRANSPORTS.map((kind) => pool.connect(clientTransport(playground!, kind))));
    const results = await Promise.all(
      clients.flatMap((client, i) => [1, 2, 3].map((n) => client.callTool({ name: 'add', arguments: { a: i * 10, b: n } }))),
    );
    expect(results.map((r) => (r.content as Array<{ text: string }>)[0].text)).toEqual(['1', '2', '3', '11', '12', '13', '21', '22', '23']);
  });

  it('close() ends every session and socket promptly, even with streams and calls in flight', async () => {
    const pg = await startPlayground({ port: 0 });
    const clients = await Promise.all(NETWORK_TRANSPORTS.map((kind) => pool.connect(clientTransport(pg, kind))));
    const calls = clients.map((client) => client.callTool({ name: 'slow_operation', arguments: { steps: 100, stepMs: 100 } }).catch((e: Error) => e));
    await new Promise((resolve) => setTimeout(resolve, 150)); // the calls are running on the server
    const idle = new WebSocket(pg.urls.websocket, 'mcp');
    await new Promise((resolve) => idle.once('open', resolve));
    const idleClosed = new Promise<number>((resolve) => idle.once('close', (code) => resolve(code)));

    const started = performance.now();
    await pg.close();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await idleClosed).toBe(1001);
    // Over WebSocket the socket closing ends the call at once. The HTTP clients of the SDK keep
    // their calls pending while they try to reconnect, so those end when the client is closed.
    expect(await calls[NETWORK_TRANSPORTS.indexOf('websocket')]).toBeInstanceOf(Error);
    await expect(fetch(`${pg.baseUrl}/health`)).rejects.toThrow();
  });
});
