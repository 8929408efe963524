import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startPlayground, type RunningPlayground } from '../../../main/core/playground/playground-server';
import { INITIALIZE_BODY } from './support/playground-clients';

let playground: RunningPlayground;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  playground = await startPlayground({ port: 0 });
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await playground.close();
});

async function open(): Promise<WebSocket> {
  const socket = new WebSocket(playground.urls.websocket, 'mcp');
  sockets.push(socket);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return socket;
}

const nextFrame = (socket: WebSocket) => new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));

describe('WebSocket server transport', () => {
  it('speaks subprotocol mcp, one JSON-RPC message per text frame', async () => {
    const socket = await open();
    expect(socket.protocol).toBe('mcp');
    socket.send(JSON.stringify(INITIALIZE_BODY));
    expect(await nextFrame(socket)).toMatchObject({ jsonrpc: '2.0', id: 1, result: { serverInfo: { name: 'periscope-playground' } } });
  });

  it('answers unparsable text with a JSON-RPC parse error and keeps the connection', async () => {
    const socket = await open();
    socket.send('{not json');
    expect(await nextFrame(socket)).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } });
    socket.send(JSON.stringify(INITIALIZE_BODY));
    expect(await nextFrame(socket)).toMatchObject({ id: 1, result: expect.any(Object) });
  });

  it('closes with 1003 when a binary frame arrives', async () => {
    const socket = await open();
    const closed = new Promise<[number, string]>((resolve) => socket.once('close', (code, reason) => resolve([code, String(reason)])));
    socket.send(Buffer.from(JSON.stringify(INITIALIZE_BODY)), { binary: true });
    const [code, reason] = await closed;
    expect(code).toBe(1003);
    expect(reason).toMatch(/binary frames are not supported/);
  });

  it('answers 404 to an upgrade on another path', async () => {
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`ws://127.0.0.1:${playground.port}/elsewhere`, 'mcp');
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('error', () => undefined);
    });
    expect(status).toBe(404);
  });
});
