import { fileURLToPath } from 'node:url';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { WebSocketClientTransport } from '@modelcontextprotocol/sdk/client/websocket.js';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPlayground, type RunningPlayground } from '../../../main/core/playground/playground-server';
import { ClientPool, clientTransport, NETWORK_TRANSPORTS } from './support/playground-clients';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXPECTED_TOOLS = ['add', 'ask_model', 'ask_user', 'bump_counter', 'echo', 'fail', 'image', 'log', 'order_coffee', 'sign_in', 'slow_operation', 'weather'];

let playground: RunningPlayground;
const pool = new ClientPool();

beforeEach(async () => {
  playground = await startPlayground({ port: 0 });
});
afterEach(async () => {
  await pool.closeAll();
  await playground.close();
});

describe('playground transports', () => {
  it('binds 127.0.0.1 on a free port and describes its endpoints', async () => {
    expect(playground.baseUrl).toBe(`http://127.0.0.1:${playground.port}`);
    expect(playground.urls).toEqual({
      streamable: `http://127.0.0.1:${playground.port}/mcp`,
      sse: `http://127.0.0.1:${playground.port}/sse`,
      websocket: `ws://127.0.0.1:${playground.port}/ws`,
    });
    const landing = await fetch(playground.baseUrl);
    expect(landing.headers.get('content-type')).toContain('text/plain');
    const text = await landing.text();
    for (const path of ['/mcp', '/sse', '/ws', '/health']) expect(text).toContain(path);
    for (const era of ['2025', '2026-07-28', 'subscriptions/listen', 'input_required']) expect(text).toContain(era);
    const health = await fetch(`${playground.baseUrl}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  });

  it.each(NETWORK_TRANSPORTS)('%s: initializes, lists the tools and calls echo', async (kind) => {
    const client = await pool.connect(clientTransport(playground, kind));
    expect(client.getServerVersion()?.name).toBe('periscope-playground');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(EXPECTED_TOOLS);
    const result = await client.callTool({ name: 'echo', arguments: { message: `hello over ${kind}` } });
    expect(result.content).toEqual([{ type: 'text', text: `hello over ${kind}` }]);
    expect(playground.seenRequests.some((r) => r.transport === kind)).toBe(true);
  });

  it("works with the SDK's own WebSocketClientTransport (subprotocol mcp)", async () => {
    // Node 20 has no global WebSocket; the SDK transport uses the browser-style API, which ws provides.
    const globals = globalThis as { WebSocket?: unknown };
    const previous = globals.WebSocket;
    globals.WebSocket ??= WebSocket;
    try {
      const client = await pool.connect(new WebSocketClientTransport(new URL(playground.urls.websocket)));
      const sum = await client.callTool({ name: 'add', arguments: { a: 2, b: 40 } });
      expect(sum.content).toEqual([{ type: 'text', text: '42' }]);
    } finally {
      globals.WebSocket = previous;
    }
  });

  it('refuses a WebSocket upgrade without the mcp subprotocol, with a status that says why', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(playground.urls.websocket);
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('open', () => reject(new Error('upgrade should have been refused')));
      socket.once('error', () => undefined);
    });
    expect(status).toBe(400);
  });

  it('stdio: runs via npx tsx main/core/playground/stdio-main.ts', async () => {
    const transport = new StdioClientTransport({ command: 'npx', args: ['tsx', 'main/core/playground/stdio-main.ts'], cwd: REPO_ROOT, stderr: 'pipe' });
    const client = await pool.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(EXPECTED_TOOLS);
    const result = await client.callTool({ name: 'echo', arguments: { message: 'hello over stdio' } });
    expect(result.content).toEqual([{ type: 'text', text: 'hello over stdio' }]);
  });

  it('refuses requests addressed to a non-loopback host name (DNS rebinding guard)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: playground.port, path: '/mcp', method: 'GET', headers: { Host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});
