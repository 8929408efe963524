import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import { afterEach, describe, expect, it } from 'vitest';
import { SseServerTransport } from '../../../main/core/playground/sse-server-transport';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A loopback server whose GET becomes an SseServerTransport and whose POSTs go to it. */
async function serve(): Promise<{ base: string; transports: SseServerTransport[]; received: JSONRPCMessage[] }> {
  const transports: SseServerTransport[] = [];
  const received: JSONRPCMessage[] = [];
  server = createServer((req, res: ServerResponse) => {
    if (req.method === 'GET') {
      const transport = new SseServerTransport('/messages', res);
      transport.onmessage = (message) => void received.push(message);
      transports.push(transport);
      void transport.start();
      return;
    }
    void transports[0].handlePostMessage(req, res);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, transports, received };
}

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, marker: string, text = ''): Promise<string> {
  while (!text.includes(marker)) text += new TextDecoder().decode((await reader.read()).value);
  return text;
}

describe('SseServerTransport', () => {
  it('announces the endpoint with the session id, takes POSTs with 202 and sends message events', async () => {
    const { base, transports, received } = await serve();
    const stream = await fetch(`${base}/sse`);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const reader = stream.body!.getReader();
    let text = await readUntil(reader, '\n\n');
    const [transport] = transports;
    expect(text).toBe(`event: endpoint\ndata: /messages?sessionId=${transport.sessionId}\n\n`);

    const ping = { jsonrpc: '2.0', id: 7, method: 'ping' };
    const post = await fetch(`${base}/messages?sessionId=${transport.sessionId}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ping) });
    expect(post.status).toBe(202);
    expect(received).toEqual([ping]);

    await transport.send({ jsonrpc: '2.0', id: 7, result: {} });
    text = await readUntil(reader, 'event: message', text);
    expect(await readUntil(reader, '}\n\n', text)).toContain('event: message\ndata: {"jsonrpc":"2.0","id":7,"result":{}}\n\n');
    await reader.cancel();
  });

  it('answers 400 with a JSON-RPC error to a non-JSON content type, unparsable JSON or a non-JSON-RPC body', async () => {
    const { base, received } = await serve();
    const stream = await fetch(`${base}/sse`);
    const reader = stream.body!.getReader();
    await readUntil(reader, '\n\n');
    const post = (body: string, contentType = 'application/json') => fetch(`${base}/messages`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
    for (const response of [await post('{}', 'text/plain'), await post('{not json'), await post('{"hello":"world"}')]) {
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: expect.any(Number) } });
    }
    expect(received).toEqual([]);
    await reader.cancel();
  });

  it('closes once, when the client goes away or on close(); sending afterwards fails', async () => {
    const { base, transports } = await serve();
    const controller = new AbortController();
    const stream = await fetch(`${base}/sse`, { signal: controller.signal });
    await readUntil(stream.body!.getReader(), '\n\n');
    const [transport] = transports;
    let closes = 0;
    transport.onclose = () => void closes++;
    controller.abort();
    await expect.poll(() => closes).toBe(1);
    await transport.close();
    expect(closes).toBe(1);
    await expect(transport.send({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'late' } })).rejects.toThrow(/closed/);
  });
});
