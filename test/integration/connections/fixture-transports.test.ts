import { describe, expect, it } from 'vitest';
import { startSseOnlyFixture } from '../../fixtures/sdk-servers/sse-only-fixture';
import { stdioFixtureCommand } from '../../fixtures/sdk-servers/stdio-fixture';
import { startStreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { startWebSocketFixture } from '../../fixtures/sdk-servers/websocket-fixture';
import { AUTH_HEADERS, SECRET, ofType, textOf, until, useManager } from './connection-test-support';

/**
 * Every transport against servers built straight on the SDK (or, for WebSocket, by hand on ws),
 * so our client and our playground cannot share a mistake. Headers are asserted server-side on
 * every request the server received.
 */
const { manager, cleanup } = useManager();

describe('engine against SDK fixture servers', () => {
  it('Streamable HTTP: initialize, tools, call; headers on every POST/GET/DELETE; DELETE on close', async () => {
    const fixture = await startStreamableFixture();
    cleanup(() => fixture.close());
    const connection = await manager.open({ transport: 'streamable', url: fixture.url, headers: AUTH_HEADERS });
    const info = connection.info();
    expect(info).toMatchObject({ state: 'connected', transport: 'streamable', serverInfo: { name: 'sdk-fixture', version: '9.9.9' }, instructions: 'fixture instructions' });
    expect(info.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(info.sessionId).toBe(fixture.sessionIds()[0]);
    expect(info.capabilities).toHaveProperty('tools');
    const { tools } = await connection.listTools();
    expect(tools.map((t) => t.name)).toEqual(['echo', 'slow']);
    expect(textOf(await connection.callTool('echo', { message: 'hi' }))).toBe('hi');
    // The GET event stream is opened by the SDK after initialize; wait for it before closing.
    await until(() => fixture.requests.some((r) => r.method === 'GET'), 'the GET event stream');
    await manager.close(connection.id);

    const methods = new Set(fixture.requests.map((r) => r.method));
    expect(methods).toEqual(new Set(['POST', 'GET', 'DELETE']));
    for (const request of fixture.requests) {
      expect(request.headers.authorization, `${request.method}`).toBe(`Bearer ${SECRET}`);
      expect(request.headers['x-team'], `${request.method}`).toBe('observability');
    }
    // Auto era: the server/discover probe first, then the 2025 initialize, then the session.
    expect(fixture.requests[0]!.headers['mcp-method']).toBe('server/discover');
    expect(info).toMatchObject({ era: 'legacy', eraDetection: { requested: 'auto', chosen: 'legacy', probe: { outcome: 'http-status' } } });
    expect(info.eraDetection!.explanation).toContain('server/discover POST with HTTP 400');
    const afterInit = fixture.requests.slice(2);
    for (const request of afterInit) {
      expect(request.headers['mcp-session-id'], request.method).toBe(info.sessionId);
      expect(request.headers['mcp-protocol-version'], request.method).toBe(info.protocolVersion);
    }
    expect(fixture.requests.at(-1)).toMatchObject({ method: 'DELETE' });
    expect(fixture.sessionIds()).toEqual([]);

    // Lifecycle: connecting, connected (with the whole info), closed; the DELETE is traced before closed.
    const lifecycle = ofType(connection.buffer.entries(), 'lifecycle');
    expect(lifecycle.map((e) => e.state)).toEqual(['connecting', 'connected', 'closed']);
    expect(lifecycle[0]!.text).toBe(`Connecting to ${fixture.url} with headers Authorization: Bearer [redacted], X-Team: observability`);
    expect(lifecycle[1]!.info).toMatchObject({
      transport: 'streamable',
      serverInfo: { name: 'sdk-fixture', version: '9.9.9' },
      protocolVersion: info.protocolVersion,
      capabilities: { tools: expect.any(Object) },
      instructions: 'fixture instructions',
      sessionId: info.sessionId,
    });
    const deleteEntry = ofType(connection.buffer.entries(), 'http').find((e) => e.method === 'DELETE');
    expect(deleteEntry?.seq).toBeLessThan(lifecycle[2]!.seq);
    expect(lifecycle[2]!.info?.state).toBe('closed');
  });

  it('legacy SSE: headers on the GET stream and on every POST', async () => {
    const fixture = await startSseOnlyFixture();
    cleanup(() => fixture.close());
    const connection = await manager.open({ transport: 'sse', url: fixture.url, headers: AUTH_HEADERS });
    expect(connection.info()).toMatchObject({ transport: 'sse', serverInfo: { name: 'sdk-fixture' } });
    expect(textOf(await connection.callTool('echo', { message: 'over sse' }))).toBe('over sse');
    const gets = fixture.requests.filter((r) => r.method === 'GET');
    const posts = fixture.requests.filter((r) => r.method === 'POST');
    expect(gets).toHaveLength(1);
    expect(posts.length).toBeGreaterThanOrEqual(3); // initialize, initialized, tools/call
    for (const request of [...gets, ...posts]) {
      expect(request.headers.authorization, `${request.method} ${request.path}`).toBe(`Bearer ${SECRET}`);
      expect(request.headers['x-team']).toBe('observability');
    }
    // Each event of the stream is in the trace, the endpoint event first.
    expect(ofType(connection.buffer.entries(), 'sse-event')[0]).toMatchObject({ event: 'endpoint' });
  });

  it('WebSocket: subprotocol mcp, headers on the upgrade, frames and close recorded', async () => {
    const fixture = await startWebSocketFixture();
    cleanup(() => fixture.close());
    const connection = await manager.open({ transport: 'websocket', url: fixture.url, headers: AUTH_HEADERS });
    expect(connection.info()).toMatchObject({ transport: 'websocket', serverInfo: { name: 'ws-fixture' } });
    expect(textOf(await connection.callTool('echo', { message: 'over ws' }))).toBe('over ws');
    expect(fixture.requests).toHaveLength(1);
    expect(fixture.requests[0]!.headers).toMatchObject({ authorization: `Bearer ${SECRET}`, 'x-team': 'observability', 'sec-websocket-protocol': 'mcp' });
    await manager.close(connection.id);

    const ws = ofType(connection.buffer.entries(), 'websocket');
    expect(ws[0]).toMatchObject({ event: 'upgrade', status: 101, requestHeaders: { Authorization: 'Bearer [redacted]' } });
    expect(ws.find((e) => e.event === 'open')).toMatchObject({ protocol: 'mcp' });
    expect(ws.filter((e) => e.event === 'frame-out').length).toBeGreaterThanOrEqual(3);
    expect(ws.filter((e) => e.event === 'frame-in').every((e) => (e.size ?? 0) > 0)).toBe(true);
    expect(ws.at(-1)).toMatchObject({ event: 'close', closeCode: 1000 });
  });

  it('stdio: command, args, env, cwd; stderr lines become trace entries', async () => {
    const { command, args } = stdioFixtureCommand();
    const connection = await manager.open({ transport: 'stdio', command, args, env: { FIXTURE_FLAVOUR: 'mint' }, cwd: '/tmp' });
    expect(connection.info()).toMatchObject({ transport: 'stdio', serverInfo: { name: 'sdk-stdio-fixture', version: '1.2.3' } });
    expect(textOf(await connection.callTool('echo', { message: 'over stdio' }))).toBe('over stdio');
    expect(textOf(await connection.callTool('env', { name: 'FIXTURE_FLAVOUR' }))).toBe('mint');
    // The default environment (PATH etc.) is kept next to the target's env.
    expect(textOf(await connection.callTool('env', { name: 'PATH' }))).toBe(process.env.PATH);
    expect(textOf(await connection.callTool('cwd'))).toBe('/tmp');
    await until(() => ofType(connection.buffer.entries(), 'stderr').length >= 3, 'three stderr lines');
    const lines = ofType(connection.buffer.entries(), 'stderr').map((e) => e.line);
    expect(lines[0]).toMatch(/^fixture starting \(pid \d+\)$/);
    expect(lines).toContain('second line');
    expect(lines).toContain('echo called with over stdio');
  });

  it('auto with a command and no URL runs the command over stdio', async () => {
    const { command, args } = stdioFixtureCommand();
    const connection = await manager.open({ transport: 'auto', command, args });
    expect(connection.info()).toMatchObject({ transport: 'stdio', serverInfo: { name: 'sdk-stdio-fixture' } });
  });
});
