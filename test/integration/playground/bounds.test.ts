// Issue 8: the playground runs inside the app's main process, so what it keeps per request and
// per session is bounded. Counts and sizes are asserted, never wall time.
import { afterEach, describe, expect, it } from 'vitest';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';

const running: RunningPlayground[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.close()));
});
async function playground(options: Parameters<typeof startPlayground>[0]): Promise<RunningPlayground> {
  const started = await startPlayground(options);
  running.push(started);
  return started;
}

const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' };

async function post(url: string, body: unknown, sessionId?: string): Promise<Response> {
  const response = await fetch(url, { method: 'POST', headers: { ...HEADERS, ...(sessionId ? { 'mcp-session-id': sessionId } : {}) }, body: JSON.stringify(body) });
  await response.text();
  return response;
}

async function openSession(url: string): Promise<string> {
  const response = await post(url, { jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bounds', version: '1' } } });
  const id = response.headers.get('mcp-session-id');
  if (!id) throw new Error(`initialize answered ${response.status} without a session id`);
  await post(url, { jsonrpc: '2.0', method: 'notifications/initialized' }, id);
  return id;
}

/** `count` GET /health requests, 25 at a time (each is a seen request). */
async function healthChecks(pg: RunningPlayground, count: number): Promise<void> {
  for (let start = 0; start < count; start += 25) {
    await Promise.all(Array.from({ length: Math.min(25, count - start) }, (_, i) => fetch(`${pg.baseUrl}/health?n=${start + i}`).then((r) => r.text())));
  }
}

const ping = (url: string, sessionId: string, id = 1) => post(url, { jsonrpc: '2.0', id, method: 'ping' }, sessionId);
const sessionsOf = async (pg: RunningPlayground) => ((await (await fetch(`${pg.baseUrl}/health`)).json()) as { sessions: { streamable: number } }).sessions.streamable;

describe('playground bounds', () => {
  it('120 sessions with a cap of 20: never more than 20 kept, the least recently used closed and answering 404', async () => {
    const pg = await playground({ sessions: { maxSessions: 20 } });
    const url = pg.urls.streamable;
    const first = await openSession(url);
    const kept = await openSession(url);
    for (let i = 0; i < 118; i++) {
      await openSession(url);
      // Using `kept` now and then makes it recently used: it survives the churn.
      if (i % 10 === 0) expect((await ping(url, kept)).status).toBe(200);
    }
    expect(await sessionsOf(pg)).toBe(20);
    expect((await ping(url, first)).status).toBe(404);
    expect((await ping(url, kept)).status).toBe(200);
  });

  it('an idle session expires and answers 404; one in use stays', async () => {
    const pg = await playground({ sessions: { idleTimeoutMs: 300 } });
    const url = pg.urls.streamable;
    const idle = await openSession(url);
    const busy = await openSession(url);
    for (let i = 0; i < 12; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await ping(url, busy, i + 2)).status).toBe(200);
    }
    expect((await ping(url, idle)).status).toBe(404);
    expect(await sessionsOf(pg)).toBe(1);
  });

  it('2,000 requests keep only the latest `seenRequestLimit` seen requests', async () => {
    const pg = await playground({ seenRequestLimit: 100 });
    const url = pg.urls.streamable;
    const session = await openSession(url);
    await healthChecks(pg, 2_000);
    await ping(url, session);
    expect(pg.seenRequests).toHaveLength(100);
    // The latest ones: the ping last, before it only requests of the last few batches.
    expect(pg.seenRequests.at(-1)!.headers['mcp-session-id']).toBe(session);
    const numbers = pg.seenRequests.slice(0, -1).map((r) => Number(new URL(r.url, pg.baseUrl).searchParams.get('n')));
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(2_000 - 99 - 25);
  });

  it('defaults: 100 sessions and 1,000 seen requests at most', async () => {
    const pg = await playground({});
    const url = pg.urls.streamable;
    for (let i = 0; i < 105; i++) await openSession(url);
    expect(await sessionsOf(pg)).toBe(100);
    expect(pg.seenRequests.length).toBeLessThanOrEqual(1_000);
    await healthChecks(pg, 1_000);
    expect(pg.seenRequests).toHaveLength(1_000);
  });
});
