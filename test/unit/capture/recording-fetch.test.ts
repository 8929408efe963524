import { gzipSync } from 'node:zlib';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRecordingFetch } from '../../../main/core/capture/recording-fetch';
import { REDACTED, Redactor } from '../../../main/core/capture/redaction';
import { TraceBus } from '../../../main/core/capture/trace-bus';
import type { HttpEntry, SseEventEntry, TraceEntry } from '../../../shared/model/trace';

const TOKEN = 'tok-91f0c2d8e7';
let server: Server;
let base: string;
let foreverClosed: Promise<void>;
let resolveForeverClosed: () => void;

const SSE_FIRST = 'retry: 1500\nid: 1\nevent: message\ndata: {"jsonrpc":"2.0","method":"a"}\n\n';
const SSE_SECOND = `id: 2\nevent: custom\ndata: line one ${TOKEN}\ndata: line two\n\n`;

function route(req: IncomingMessage, res: ServerResponse, body: string): void {
  switch (req.url) {
    case '/json':
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'sid=cookie-abc123; HttpOnly' });
      res.end(JSON.stringify({ youSent: body, yourAuth: req.headers.authorization }));
      return;
    case '/sse':
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(SSE_FIRST);
      setTimeout(() => res.end(SSE_SECOND), 20);
      return;
    case '/drop':
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('id: 1\ndata: first\n\n');
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    case '/retry-first':
    case '/retry-first-crlf': {
      // A retry-only block and the next event in one chunk.
      const text = 'retry: 3000\n\nid: 7\ndata: {"jsonrpc":"2.0","method":"b"}\n\n';
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(req.url === '/retry-first' ? text : text.replace(/\n/g, '\r\n'));
      return;
    }
    case '/forever':
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': keep-alive\n\n');
      res.on('close', () => resolveForeverClosed());
      return;
    case '/big':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('x'.repeat(100_000));
      return;
    case '/endless-text': {
      // Never ends: a body the caller has not read yet must not hold the recording back.
      res.writeHead(200, { 'content-type': 'text/plain' });
      const more = (): void => {
        if (!res.destroyed) res.write('x'.repeat(16 * 1024), () => setTimeout(more, 5));
      };
      more();
      return;
    }
    case '/endless-event':
    case '/endless-json':
    case '/endless-page': {
      // Never ends: one event that never gets its blank line, a chunked JSON body, an error page.
      const type = req.url === '/endless-event' ? 'text/event-stream' : req.url === '/endless-json' ? 'application/json' : 'text/html';
      res.writeHead(req.url === '/endless-page' ? 500 : 200, { 'content-type': type });
      res.write(req.url === '/endless-event' ? 'data: ' : '{"x":"');
      const more = (): void => {
        if (!res.destroyed) res.write('A'.repeat(16 * 1024), () => setTimeout(more, 1));
      };
      more();
      return;
    }
    case '/gzip-bomb': {
      // 1 MiB of zeros compressed to about 1 KB, with its (honest) compressed Content-Length.
      const bomb = gzipSync(Buffer.alloc(1024 * 1024, 0x30));
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.byteLength) });
      res.end(bomb);
      return;
    }
    case '/declared-huge':
      // Promises 10 GB: refused before a byte of the body is read.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * 1024 ** 3) });
      res.write('{');
      return;
    case '/big-json':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ text: 'x'.repeat(100_000) }));
      return;
    case '/drop-json':
    case '/drop-text':
      // Promises more than it sends, then hangs up mid-body.
      res.writeHead(200, { 'content-type': req.url === '/drop-json' ? 'application/json' : 'text/plain', 'content-length': '5000' });
      res.write('{"jsonrpc":"2.0","id":1,"result":{"content":[');
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    case '/accepted':
      res.writeHead(202, { 'content-type': 'text/plain' });
      res.end('Accepted');
      return;
    default:
      res.writeHead(404).end();
  }
}

beforeAll(async () => {
  foreverClosed = new Promise((resolve) => (resolveForeverClosed = resolve));
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => route(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function recorder(opts?: { bodyCapBytes?: number; maxAnswerBytes?: number }) {
  const redactor = new Redactor();
  const bus = new TraceBus('conn-http', redactor);
  const entries: TraceEntry[] = [];
  bus.subscribe((e) => entries.push(e));
  const fetch = createRecordingFetch(bus, redactor, opts);
  const http = () => entries.filter((e): e is HttpEntry => e.type === 'http');
  const sse = () => entries.filter((e): e is SseEventEntry => e.type === 'sse-event');
  return { fetch, entries, http, sse };
}

describe('recording fetch', () => {
  it('records a JSON exchange with redacted headers, bodies and timings', async () => {
    const { fetch, entries, http } = recorder();
    const response = await fetch(`${base}/json`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'world' }),
    });
    const json = (await response.json()) as { yourAuth: string };
    expect(json.yourAuth).toBe(`Bearer ${TOKEN}`); // the real value went on the wire

    await vi.waitFor(() => expect(http()).toHaveLength(1));
    const entry = http()[0]!;
    expect(entry).toMatchObject({
      phase: 'complete',
      method: 'POST',
      url: `${base}/json`,
      status: 200,
      requestHeaders: { authorization: `Bearer ${REDACTED}`, 'content-type': 'application/json' },
      requestBody: '{"hello":"world"}',
    });
    expect(entry.responseHeaders!['set-cookie']).toBe(REDACTED);
    expect(entry.responseBody).toContain(`Bearer ${REDACTED}`);
    expect(entry.bodyTruncated).toBeUndefined();
    const { sent, headers, done } = entry.timings;
    expect(headers!).toBeGreaterThanOrEqual(sent);
    expect(done!).toBeGreaterThanOrEqual(headers!);
    expect(JSON.stringify(entries)).not.toContain(TOKEN);
  });

  it('records server-sent events as they arrive and hands the caller the exact bytes', async () => {
    const { fetch, entries, http, sse } = recorder();
    const response = await fetch(`${base}/sse`, { headers: { 'x-api-key': TOKEN } });
    expect(http()).toMatchObject([{ phase: 'headers', streaming: true, status: 200 }]);

    const text = await response.text();
    expect(text).toBe(SSE_FIRST + SSE_SECOND);

    expect(sse()).toHaveLength(2);
    expect(sse()[0]).toMatchObject({ eventId: '1', event: 'message', retry: 1500, data: '{"jsonrpc":"2.0","method":"a"}' });
    expect(sse()[1]).toMatchObject({ eventId: '2', event: 'custom', data: `line one ${REDACTED}\nline two` });
    expect(sse()[1]!.size).toBe(Buffer.byteLength(`line one ${TOKEN}\nline two`));
    expect(sse()[1]!.retry).toBeUndefined();
    const exchangeId = http()[0]!.exchangeId;
    expect(sse().every((e) => e.exchangeId === exchangeId)).toBe(true);

    const last = http().at(-1)!;
    expect(last).toMatchObject({ phase: 'complete', streaming: true, endedBy: 'server', exchangeId });
    expect(last.timings.done!).toBeGreaterThanOrEqual(sse()[1]!.monoTime);
    expect(entries.at(-1)).toBe(last);
    expect(JSON.stringify(entries)).not.toContain(TOKEN);
  });

  it('records a retry-only block on its own, not on the event after it in the same chunk (LF and CR LF lines)', async () => {
    for (const path of ['/retry-first', '/retry-first-crlf']) {
      const { fetch, sse } = recorder();
      await (await fetch(`${base}${path}`)).text();
      expect(sse(), path).toMatchObject([
        { retry: 3000, data: '' },
        { eventId: '7', data: '{"jsonrpc":"2.0","method":"b"}' },
      ]);
      expect(sse()[1]!.retry, path).toBeUndefined();
    }
  });

  it('reports a dropped stream as failed and gives the caller the same error', async () => {
    const { fetch, http, sse } = recorder();
    const response = await fetch(`${base}/drop`);
    await expect(response.text()).rejects.toThrow();
    expect(sse()).toMatchObject([{ eventId: '1', data: 'first' }]);
    const last = http().at(-1)!;
    expect(last.phase).toBe('failed');
    expect(last.streaming).toBe(true);
    expect(last.error?.message.length).toBeGreaterThan(0);
    // Nobody chose to end it: the error says what happened.
    expect(last.endedBy).toBeUndefined();
  });

  it('cancelling the caller stream cancels the server stream', async () => {
    const { fetch, http } = recorder();
    const response = await fetch(`${base}/forever`);
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await foreverClosed; // the server saw the connection go away
    expect(http().at(-1)).toMatchObject({ phase: 'complete', streaming: true, endedBy: 'client' });
  });

  it('treats a stream the caller aborted as complete, not failed', async () => {
    const { fetch, http } = recorder();
    const controller = new AbortController();
    const response = await fetch(`${base}/sse`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.read().catch(() => undefined);
    await vi.waitFor(() => expect(http().at(-1)!.phase).not.toBe('headers'));
    expect(http().at(-1)).toMatchObject({ phase: 'complete', endedBy: 'client' });
    expect(http().at(-1)!.error).toBeUndefined();
  });

  // A JSON answer is read whole and handed over anew; any other body is recorded from a clone.
  it.each([
    ['text', '/big', 100_000, 'x'.repeat(1024)],
    ['JSON', '/big-json', 100_011, `{"text":"${'x'.repeat(1024 - 9)}`],
  ])('caps a large %s body and flags it truncated, without changing what the caller reads', async (_kind, path, length, recorded) => {
    const { fetch, http } = recorder({ bodyCapBytes: 1024 });
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(200);
    expect((await response.text()).length).toBe(length);
    await vi.waitFor(() => expect(http()).toHaveLength(1));
    expect(http()[0]).toMatchObject({ phase: 'complete', bodyTruncated: true });
    expect(http()[0]!.responseBody).toBe(recorded);
  });

  // A server must not be able to fill memory: every body the caller reads stops at the limit.
  it.each([
    ['an event that never ends', '/endless-event', 'event'],
    ['a chunked JSON body that never ends', '/endless-json', 'body'],
    ['an error page that never ends', '/endless-page', 'body'],
    ['a JSON body whose Content-Length is over the limit', '/declared-huge', 'body'],
    ['a small compressed JSON body that decodes past the limit', '/gzip-bomb', 'body'],
  ])('%s fails for the caller past the answer limit, recorded as too large', async (_what, path, part) => {
    const { fetch, http } = recorder({ maxAnswerBytes: 256 * 1024 });
    const response = await fetch(`${base}${path}`).catch((error: unknown) => error);
    // The JSON answers are read before they are handed over: the caller gets a body that fails.
    const read = response instanceof Response ? response.text() : Promise.reject(response);
    await expect(read).rejects.toMatchObject({ code: 'ERR_ANSWER_TOO_LARGE', limitBytes: 256 * 1024, part });
    await vi.waitFor(() => expect(http().some((e) => e.phase === 'failed')).toBe(true));
    const failed = http().find((e) => e.phase === 'failed')!;
    expect(failed.error).toMatchObject({ kind: 'too-large', detail: { limitBytes: 256 * 1024, part } });
    expect(failed.error!.message).toMatch(part === 'event' ? /more than 256 KB on an event stream .* without ending an event/ : /larger than the 256 KB limit/);
  });

  it('events within the limit pass however long the stream runs', async () => {
    const { fetch, sse } = recorder({ maxAnswerBytes: 100 });
    const response = await fetch(`${base}/sse`);
    const text = await response.text();
    expect(text).toContain('line two');
    expect(sse()).toHaveLength(2);
  });

  it('records a capped body at the cap, even one that never ends and the caller has not read yet', async () => {
    const { fetch, http } = recorder({ bodyCapBytes: 1024 });
    const controller = new AbortController();
    const response = await fetch(`${base}/endless-text`, { signal: controller.signal });
    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(http()).toHaveLength(1));
    expect(http()[0]).toMatchObject({ phase: 'complete', bodyTruncated: true, responseBody: 'x'.repeat(1024) });
    // The caller's copy still reads on.
    const reader = response.body!.getReader();
    expect((await reader.read()).value!.byteLength).toBeGreaterThan(0);
    controller.abort();
  });

  // The caller's own abort (a cancel, a closed connection) is no timeout, however far the
  // exchange had got: every way a body is read records it as cancelled.
  it.each([
    ['a JSON body', '/endless-json'],
    ['a text body', '/endless-text'],
    ['an error page', '/endless-page'],
  ])('%s the caller aborts while it is read is recorded as cancelled, not as a timeout', async (_kind, path) => {
    const { fetch, http } = recorder({ bodyCapBytes: 64 * 1024 * 1024 });
    const controller = new AbortController();
    const answer = fetch(`${base}${path}`, { signal: controller.signal }).then((response) => response.text());
    setTimeout(() => controller.abort(), 50);
    await expect(answer).rejects.toThrow();
    await vi.waitFor(() => expect(http().some((e) => e.phase === 'failed')).toBe(true));
    for (const failed of http().filter((e) => e.phase === 'failed')) expect(failed.error).toMatchObject({ kind: 'cancelled' });
  });

  it.each([['text', '/drop-text'], ['JSON', '/drop-json']])('a %s body dropped mid-way fails for the caller and is recorded as failed', async (_kind, path) => {
    const { fetch, http } = recorder();
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    await vi.waitFor(() => expect(http()).toHaveLength(1));
    expect(http()[0]!.phase).toBe('failed');
    expect(http()[0]!.error?.message.length).toBeGreaterThan(0);
  });

  it('hands over a JSON answer with its status, status text and headers as the server sent them', async () => {
    const { fetch } = recorder();
    const response = await fetch(`${base}/json`, { method: 'POST', body: 'hi' });
    expect(response.ok).toBe(true);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('set-cookie')).toBe('sid=cookie-abc123; HttpOnly');
    expect(await response.json()).toMatchObject({ youSent: 'hi' });
  });

  it('records the body of a response the caller only cancels (202 Accepted)', async () => {
    const { fetch, http } = recorder();
    const response = await fetch(`${base}/accepted`, { method: 'POST', body: '{}' });
    await response.body?.cancel();
    await vi.waitFor(() => expect(http()).toHaveLength(1));
    expect(http()[0]).toMatchObject({ phase: 'complete', status: 202, responseBody: 'Accepted' });
  });

  it('records a refused connection as failed and rethrows the original error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const { fetch, http } = recorder();
    const error = await fetch(`http://127.0.0.1:${port}/mcp`, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError); // undici's own "fetch failed", untouched
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
    expect(http()).toHaveLength(1);
    expect(http()[0]).toMatchObject({ phase: 'failed', method: 'POST', requestBody: '{}', error: { kind: 'refused' } });
    expect(http()[0]!.status).toBeUndefined();
  });
});
