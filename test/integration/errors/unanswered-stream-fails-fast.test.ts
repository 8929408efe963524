import { afterEach, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import type { ErrorInfo } from '../../../shared/model/error-info';
import type { TraceEntry } from '../../../shared/model/trace';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { useManager } from '../connections/connection-test-support';
import { startBodyServer, type RunningServer } from '../error-kind-servers';

/**
 * A request whose event stream ends, or breaks off, without its response fails as soon as the
 * client will not resume the stream, not at its timeout: these tests give every request 30 s and
 * expect the failure within a few. A raw HTTP server (not an SDK) plays a 2025-era server that
 * answers the handshake with JSON and tools/call the way each test says.
 */
const { manager } = useManager();
const started: RunningServer[] = [];
afterEach(async () => {
  while (started.length) await started.pop()!.close();
});

const PROGRESS = 'data: {"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","data":"working"}}\n\n';
const TIMEOUTS = { connectMs: 30_000, requestMs: 30_000 };

type ToolsCall = (res: ServerResponse, id: unknown) => void;
type Era = 'legacy' | 'modern';

const SERVER_INFO = { name: 'raw-server', version: '1.0.0' };
/** The 2025 handshake (initialize) and the 2026-07-28 one (server/discover): the server speaks both. */
const HANDSHAKE_RESULTS: Record<string, object> = {
  initialize: { protocolVersion: '2025-11-25', capabilities: { tools: {} }, serverInfo: SERVER_INFO },
  'server/discover': { supportedVersions: ['2026-07-28'], capabilities: { tools: {} }, resultType: 'complete', _meta: { 'io.modelcontextprotocol/serverInfo': SERVER_INFO } },
};

/**
 * A server of both eras: JSON answers to either handshake, `toolsCall` for tools/call, 405 for a GET
 * (no standalone stream, no resumption), each GET's Last-Event-ID kept in `resumedFrom`.
 */
async function serve(toolsCall: ToolsCall): Promise<RunningServer & { resumedFrom: Array<string | undefined> }> {
  const resumedFrom: Array<string | undefined> = [];
  const server = await startBodyServer((req, res, body) => {
    if (req.method !== 'POST') {
      if (req.method === 'GET') resumedFrom.push(req.headers['last-event-id'] as string | undefined);
      return void res.writeHead(405).end();
    }
    const message = JSON.parse(body) as { id?: unknown; method?: string };
    if (message.id === undefined) return void res.writeHead(202).end();
    if (message.method === 'tools/call') return toolsCall(res, message.id);
    const result = HANDSHAKE_RESULTS[message.method ?? ''] ?? {};
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }));
  });
  const running = { ...server, resumedFrom };
  started.push(running);
  return running;
}

async function callFails(server: RunningServer, protocolEra: Era = 'legacy'): Promise<{ info: ErrorInfo; elapsedMs: number; trace: TraceEntry[] }> {
  const connection = await manager.open({ transport: 'streamable', url: server.url, protocolEra, timeouts: TIMEOUTS });
  const began = performance.now();
  const error = await connection.callTool('work', {}).then(() => undefined, (e: unknown) => e);
  const elapsedMs = performance.now() - began;
  if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
  return { info: error.info, elapsedMs, trace: connection.buffer.entries() };
}

describe('a request whose event stream ends without the response fails at once', () => {
  it.each(['legacy', 'modern'] as const)('%s era, a stream that ends cleanly: closed, naming the stream, well before the timeout, with a warning in the trace', async (era) => {
    const server = await serve((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(PROGRESS);
      setTimeout(() => res.end(), 20);
    });
    const { info, elapsedMs, trace } = await callFails(server, era);
    expect(info.kind).toBe('closed');
    expect(info.message).toBe(`The server ended the event stream answering POST ${server.url} without sending the response, and its events had no ids to resume it from`);
    expect(info.detail).not.toHaveProperty('then');
    expect(elapsedMs).toBeLessThan(5_000);
    const call = trace.find((e) => e.type === 'message' && e.method === 'tools/call' && e.direction === 'outgoing')!;
    const warning = trace.find((e) => e.type === 'lifecycle' && e.endsRequestSeq === call.seq);
    expect(warning).toMatchObject({ state: 'warning', text: expect.stringMatching(/can no longer be answered.*fails now instead of waiting for its timeout/) });
    // The stand-in error is the client's: no incoming message claims the server sent it.
    expect(trace.some((e) => e.type === 'message' && e.direction === 'incoming' && e.requestSeq === call.seq)).toBe(false);
  });

  it('a stream that breaks off mid-event: closed, saying it broke off', async () => {
    const server = await serve((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`${PROGRESS}data: {"jsonrpc":"2.0","method":"notifi`, () => setTimeout(() => res.socket?.destroy(), 20));
    });
    const { info, elapsedMs } = await callFails(server);
    expect(info.kind).toBe('closed');
    expect(info.message).toMatch(new RegExp(`^The event stream answering POST ${server.url.replace(/[.]/g, '\\.')} broke off \\(.+\\) before the response came, and its events had no ids to resume it from$`));
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it('an empty stream: closed at once', async () => {
    const server = await serve((res) => void res.writeHead(200, { 'content-type': 'text/event-stream' }).end());
    const { info, elapsedMs } = await callFails(server);
    expect(info.kind).toBe('closed');
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it('with event ids: the client tries to resume it first (GET with Last-Event-ID); when that brings nothing, closed', async () => {
    const server = await serve((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`id: e1\n${PROGRESS}`);
      setTimeout(() => res.end(), 20);
    });
    const { info, elapsedMs } = await callFails(server);
    expect(server.resumedFrom).toContain('e1');
    expect(info.kind).toBe('closed');
    expect(info.message).toBe(`The server ended the event stream answering POST ${server.url} without sending the response; resuming it with Last-Event-ID brought no answer either`);
    expect(elapsedMs).toBeLessThan(10_000);
  });

  it('a stream that carries the response and then ends: the call succeeds', async () => {
    const server = await serve((res, id) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`${PROGRESS}data: ${JSON.stringify({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: 'done' }] } })}\n\n`);
    });
    const connection = await manager.open({ transport: 'streamable', url: server.url, protocolEra: 'legacy', timeouts: TIMEOUTS });
    const result = await connection.callTool('work', {});
    expect(result.content).toEqual([{ type: 'text', text: 'done' }]);
    expect(connection.buffer.entries().some((e) => e.type === 'lifecycle' && e.state === 'warning')).toBe(false);
  });

  // Lines may end with CR alone (the SSE standard allows CR, LF or CR LF); the last event is the response.
  it.each([
    ['CR', '\r'],
    ['CR LF', '\r\n'],
  ])('a stream whose lines end with %s: the response, its last event, is delivered and in the trace', async (_name, eol) => {
    const server = await serve((res, id) => {
      const response = JSON.stringify({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: 'done' }] } });
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`${PROGRESS.replace(/\n/g, eol)}data: ${response}${eol}${eol}`);
    });
    const connection = await manager.open({ transport: 'streamable', url: server.url, protocolEra: 'legacy', timeouts: TIMEOUTS });
    expect((await connection.callTool('work', {})).content).toEqual([{ type: 'text', text: 'done' }]);
    const events = connection.buffer.entries().filter((e) => e.type === 'sse-event');
    expect(events.map((e) => (e.type === 'sse-event' ? JSON.parse(e.data).method ?? 'response' : ''))).toEqual(['notifications/message', 'response']);
  });

  // 2026-07-28: the client gives up by closing the stream, which must not read as the server's doing.
  it.each(['legacy', 'modern'] as const)('%s era, a stream held open past the timeout is still a timeout, not a stream that ended', async (era) => {
    const server = await serve((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(PROGRESS);
    });
    const connection = await manager.open({ transport: 'streamable', url: server.url, protocolEra: era, timeouts: { connectMs: 30_000, requestMs: 400 } });
    expect(connection.info().era).toBe(era);
    const error = await connection.callTool('work', {}).then(() => undefined, (e: unknown) => e);
    expect(isPeriscopeError(error) && error.info.kind).toBe('timeout');
  });
});
