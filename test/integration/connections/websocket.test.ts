import { describe, expect, it } from 'vitest';
import { ConnectionManager } from '../../../main/core/connections/connection-manager';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { startWebSocketFixture } from '../../fixtures/sdk-servers/websocket-fixture';
import { SECRET, ofType, until, useManager } from './connection-test-support';

const { manager, cleanup } = useManager();

describe('WebSocket specifics', () => {
  it('a refused upgrade (401) surfaces status and WWW-Authenticate as an auth error', async () => {
    const fixture = await startWebSocketFixture({ requireAuthorization: `Bearer ${SECRET}` });
    cleanup(() => fixture.close());
    const connection = manager.create({ transport: 'websocket', url: fixture.url, headers: [{ name: 'Authorization', value: 'Bearer nope-wrong', secret: true }] });
    const error = await connection.connect().catch((e: unknown) => e);
    expect(isPeriscopeError(error)).toBe(true);
    if (!isPeriscopeError(error)) return;
    expect(error.info.kind).toBe('auth');
    expect(error.info.detail?.wwwAuthenticate).toEqual([expect.objectContaining({ scheme: 'Bearer', params: expect.objectContaining({ realm: 'ws-fixture' }) })]);
    const upgrade = ofType(connection.buffer.entries(), 'websocket').find((e) => e.event === 'upgrade');
    expect(upgrade).toMatchObject({ status: 401, requestHeaders: { Authorization: 'Bearer [redacted]' }, responseHeaders: { 'www-authenticate': expect.stringContaining('Bearer') } });
    expect(JSON.stringify(connection.buffer.entries())).not.toContain('nope-wrong');
  });

  it('a close frame from the server is reported with its code and reason', async () => {
    const fixture = await startWebSocketFixture();
    cleanup(() => fixture.close());
    const connection = await manager.open({ transport: 'websocket', url: fixture.url });
    fixture.closeClients(4001, 'maintenance window');
    await until(() => connection.info().state === 'lost', 'the close');
    expect(connection.info().error).toMatchObject({ kind: 'closed', detail: { closeCode: 4001, closeReason: 'maintenance window' } });
    expect(ofType(connection.buffer.entries(), 'websocket').at(-1)).toMatchObject({ event: 'close', closeCode: 4001, closeReason: 'maintenance window' });
  });

  it('keep-alive pings go out on the interval; a peer that stops answering is cut off', async () => {
    const alive = await startWebSocketFixture();
    const deaf = await startWebSocketFixture({ ignorePings: true });
    cleanup(() => alive.close());
    cleanup(() => deaf.close());
    const pinging = new ConnectionManager({ webSocket: { pingIntervalMs: 60, pongTimeoutMs: 150 } });
    cleanup(() => pinging.closeAll());
    const good = await pinging.open({ transport: 'websocket', url: alive.url });
    const bad = await pinging.open({ transport: 'websocket', url: deaf.url });
    await until(() => bad.info().state === 'lost', 'the deaf peer to be cut off');
    expect(bad.info().error).toMatchObject({ kind: 'closed', detail: { closeCode: 1006 } });
    expect(ofType(bad.buffer.entries(), 'websocket').some((e) => e.event === 'error' && /no pong within 150 ms/.test(e.closeReason ?? ''))).toBe(true);
    await until(() => alive.pingsReceived() >= 3, 'three pings');
    expect(ofType(good.buffer.entries(), 'websocket').filter((e) => e.event === 'pong').length).toBeGreaterThanOrEqual(2);
    expect(good.info().state).toBe('connected');
  });

  it('a server without the mcp subprotocol is refused with a protocol error', async () => {
    const { WebSocketServer } = await import('ws');
    // Without handleProtocols, ws would accept whatever the client offers; this one picks none.
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => false });
    await new Promise((resolve) => wss.once('listening', resolve));
    cleanup(() => new Promise((resolve) => wss.close(resolve)));
    const port = (wss.address() as { port: number }).port;
    const error = await manager.open({ transport: 'websocket', url: `ws://127.0.0.1:${port}/`, timeouts: { connectMs: 3_000 } }).catch((e: unknown) => e);
    expect(isPeriscopeError(error) && error.info.kind).toBe('protocol');
  });
});
