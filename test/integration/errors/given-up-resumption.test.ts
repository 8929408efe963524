import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { useManager } from '../connections/connection-test-support';
import { startBodyServer } from '../error-kind-servers';

/**
 * Over Streamable HTTP the client resumes a request's stream (a GET with Last-Event-ID) while the
 * request waits. Once the 2025-era request is given up (here: its timeout), nothing may go on
 * resuming it: neither a GET a second against resumed streams that keep ending, nor a replayed
 * stream held open for as long as the connection lives. (That a cancel's answers on the POST
 * stream still arrive is tested with the playground's withdrawn questions, server-requests.test.ts.)
 */
const { manager } = useManager();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const NOTE = (text: string) => `data: {"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","data":"${text}"}}\n\n`;

interface ResumingServer {
  url: string;
  /** GETs that carried Last-Event-ID. */
  resumptions: number;
  /** Resumed streams the client has closed. */
  resumedClosed: number;
}

/**
 * A 2025-era server: tools/call answers with an event stream whose event has an id, then ends it
 * without the response; each resumption gets `resume(res)`.
 */
async function resumingServer(resume: (res: ServerResponse) => void): Promise<ResumingServer> {
  const state: ResumingServer = { url: '', resumptions: 0, resumedClosed: 0 };
  const server = await startBodyServer((req, res, body) => {
    if (req.method === 'GET') {
      if (req.headers['last-event-id'] === undefined) return void res.writeHead(405).end();
      state.resumptions++;
      res.on('close', () => state.resumedClosed++);
      return resume(res);
    }
    if (req.method === 'DELETE') return void res.writeHead(200).end();
    const message = JSON.parse(body) as { id?: unknown; method?: string };
    if (message.id === undefined) return void res.writeHead(202).end();
    if (message.method === 'initialize') {
      const result = { protocolVersion: '2025-11-25', capabilities: { tools: {} }, serverInfo: { name: 'resuming', version: '1.0.0' } };
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }));
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(`id: 1\n${NOTE('working')}`);
    setTimeout(() => res.end(), 30);
  });
  state.url = server.url;
  closers.push(() => server.close());
  return state;
}

/** Calls the tool, which times out while its stream is being resumed: a timeout that says so. */
async function timesOut(url: string): Promise<void> {
  const connection = await manager.open({ transport: 'streamable', url, protocolEra: 'legacy', timeouts: { connectMs: 10_000, requestMs: 1_200 } });
  const error = await connection.callTool('work', {}).then(() => undefined, (e: unknown) => e);
  if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
  expect(error.info.kind).toBe('timeout');
  expect(error.info.message).toMatch(/after 1200 ms: the event stream answering POST \S+ ended without the response, and resuming it with Last-Event-ID brought none before the timeout$/);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a 2025-era request given up is no longer resumed', () => {
  it('resumed streams that keep ending: the GETs stop when the request times out', async () => {
    const server = await resumingServer((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`id: 1\n${NOTE('resumed')}`);
      setTimeout(() => res.end(), 30);
    });
    await timesOut(server.url);
    // While it waited, the client did resume.
    expect(server.resumptions).toBeGreaterThan(0);
    const before = server.resumptions;
    await pause(2_500);
    expect(server.resumptions).toBe(before);
  });

  it('a resumed stream the server holds open: the client closes it when the request times out', async () => {
    const server = await resumingServer((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`id: 1\n${NOTE('replayed')}`);
    });
    await timesOut(server.url);
    expect(server.resumptions).toBe(1);
    const deadline = Date.now() + 3_000;
    while (server.resumedClosed === 0 && Date.now() < deadline) await pause(20);
    expect(server.resumedClosed).toBe(1);
  });
});
