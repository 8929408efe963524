import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { startPlayground, type RunningPlayground } from '../../../main/core/playground/playground-server';
import type { FaultOptions } from '../../../main/core/playground/playground-options';
import { TestWsClientTransport } from './support/ws-client-transport';
import {
  ClientPool,
  clientTransport,
  INITIALIZE_BODY,
  MCP_POST_HEADERS,
  NETWORK_TRANSPORTS,
  rawInitialize,
  readEventStream,
} from './support/playground-clients';

let playground: RunningPlayground | undefined;
const pool = new ClientPool();

afterEach(async () => {
  await pool.closeAll();
  await playground?.close();
  playground = undefined;
});

async function start(faults: FaultOptions): Promise<RunningPlayground> {
  playground = await startPlayground({ port: 0, faults });
  return playground;
}

const slowCall = (id: number, steps: number) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: { name: 'slow_operation', arguments: { steps, stepMs: 20 }, _meta: { progressToken: 'p' } },
});

const sessionHeaders = (sessionId: string) => ({ ...MCP_POST_HEADERS, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' });

/** Opens a raw WebSocket with the mcp subprotocol and sends one initialize; resolves with the first frame. */
function firstFrameAfterInitialize(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'mcp');
    socket.once('open', () => socket.send(JSON.stringify(INITIALIZE_BODY)));
    socket.once('message', (data) => {
      resolve(String(data));
      socket.close();
    });
    socket.once('error', reject);
  });
}

describe('fault: latency', () => {
  it.each(NETWORK_TRANSPORTS)('%s: every answer comes at least latencyMs later', async (kind) => {
    const pg = await start({ latencyMs: 200 });
    const client = await pool.connect(clientTransport(pg, kind));
    const started = performance.now();
    await client.callTool({ name: 'echo', arguments: { message: 'slow' } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });
});

describe('fault: first-byte delay', () => {
  it('holds back the headers of HTTP responses and the WebSocket handshake', async () => {
    const pg = await start({ firstByteDelayMs: 400 });
    let started = performance.now();
    const response = await fetch(pg.urls.streamable, { method: 'POST', headers: MCP_POST_HEADERS, body: JSON.stringify(INITIALIZE_BODY) });
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(response.status).toBe(200);
    expect(response.headers.get('mcp-session-id')).toBeTruthy();
    expect(await response.text()).toContain('"serverInfo"');

    started = performance.now();
    const client = await pool.connect(clientTransport(pg, 'websocket'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
  });
});

describe('fault: drop stream', () => {
  it('Streamable HTTP: the response stream is cut after two messages; one-message answers are untouched', async () => {
    const pg = await start({ dropStream: true });
    const sessionId = await rawInitialize(pg.urls.streamable);
    const response = await fetch(pg.urls.streamable, { method: 'POST', headers: sessionHeaders(sessionId), body: JSON.stringify(slowCall(2, 5)) });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const { messages, broke } = await readEventStream(response);
    expect(broke).toBe(true);
    expect(messages).toHaveLength(2);
    expect(messages).toEqual([1, 2].map((progress) => expect.objectContaining({ method: 'notifications/progress', params: expect.objectContaining({ progress }) })));
  });

  it('Streamable HTTP: the SDK client resumes with Last-Event-ID and still gets the whole result', async () => {
    const pg = await start({ dropStream: true });
    const client = await pool.connect(clientTransport(pg, 'streamable'));
    const progress: number[] = [];
    // A progress token makes the answer a multi-message stream, which is what dropStream cuts.
    const result = await client.callTool({ name: 'slow_operation', arguments: { steps: 4, stepMs: 20 } }, undefined, {
      onprogress: (p) => progress.push(p.progress),
    });
    expect(progress.slice(0, 2)).toEqual([1, 2]);
    expect(result.content).toEqual([{ type: 'text', text: 'slow_operation completed 4 steps' }]);
    const resumes = pg.seenRequests.filter((r) => r.method === 'GET' && r.path === '/mcp' && r.headers['last-event-id']);
    expect(resumes.length).toBeGreaterThanOrEqual(1);
  }, 15_000);

  it('legacy SSE: the event stream is cut in the middle of the session', async () => {
    const pg = await start({ dropStream: true });
    const transport = clientTransport(pg, 'sse');
    const errors: string[] = [];
    const client = await pool.connect(transport);
    transport.onerror = (error) => errors.push(error.message);
    await client.ping(); // the second message on the stream: delivered, then the socket is destroyed
    await expect(client.listTools(undefined, { timeout: 2_000 })).rejects.toThrow();
    expect(errors.join('\n')).toMatch(/terminated|other side closed|404/);
  });

  it('WebSocket: the connection is cut (1006) during slow_operation', async () => {
    const pg = await start({ dropStream: true });
    const transport = new TestWsClientTransport(pg.urls.websocket);
    const client = await pool.connect(transport);
    const progress: number[] = [];
    const call = client.callTool({ name: 'slow_operation', arguments: { steps: 10, stepMs: 20 } }, undefined, { onprogress: (p) => progress.push(p.progress) });
    await expect(call).rejects.toThrow(/closed/i);
    expect(transport.closeCode).toBe(1006);
    expect(progress.length).toBeLessThanOrEqual(2);
  });
});

describe('fault: malformed JSON', () => {
  it('Streamable HTTP: POSTs get 200 application/json that does not parse, and the SDK client cannot connect', async () => {
    const pg = await start({ malformedJson: true });
    const response = await fetch(pg.urls.streamable, { method: 'POST', headers: MCP_POST_HEADERS, body: JSON.stringify(INITIALIZE_BODY) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await response.text();
    expect(() => JSON.parse(body)).toThrow(SyntaxError);
    await expect(pool.connect(clientTransport(pg, 'streamable'))).rejects.toThrow();
  });

  it('legacy SSE: message events carry broken JSON', async () => {
    const pg = await start({ malformedJson: true });
    const controller = new AbortController();
    const stream = await fetch(pg.urls.sse, { signal: controller.signal });
    const reader = stream.body!.getReader();
    let text = '';
    while (!text.includes('event: endpoint')) text += new TextDecoder().decode((await reader.read()).value);
    const endpoint = /data: (\S+)/.exec(text.slice(text.indexOf('event: endpoint')))![1];
    await fetch(new URL(endpoint, pg.baseUrl), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(INITIALIZE_BODY) });
    while (!text.includes('event: message')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const data = /event: message\ndata: (.*)\n/.exec(text)![1];
    expect(() => JSON.parse(data)).toThrow(SyntaxError);
  });

  it('WebSocket: frames carry broken JSON', async () => {
    const pg = await start({ malformedJson: true });
    const frame = await firstFrameAfterInitialize(pg.urls.websocket);
    expect(() => JSON.parse(frame)).toThrow(SyntaxError);
  });
});
