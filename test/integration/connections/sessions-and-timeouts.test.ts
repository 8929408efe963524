import { describe, expect, it } from 'vitest';
import { startStreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { ofType, textOf, useManager } from './connection-test-support';

const { manager, cleanup } = useManager();

describe('sessions and timeouts', () => {
  it('with renewal off, an expired session is reported as such, and reinitialize starts a new one', async () => {
    const fixture = await startStreamableFixture();
    cleanup(() => fixture.close());
    const connection = await manager.open({ transport: 'streamable', url: fixture.url, reinitializeOnSessionExpiry: false });
    const firstSession = connection.info().sessionId;
    await fixture.forgetSessions();

    const error = await connection.listTools().catch((e: unknown) => e);
    expect(isPeriscopeError(error)).toBe(true);
    if (!isPeriscopeError(error)) return;
    expect(error.info.kind).toBe('session-expired');
    expect(error.info.hint).toContain('initialize again');
    expect(connection.info()).toMatchObject({ state: 'failed', error: { kind: 'session-expired' } });

    const info = await connection.reinitialize();
    expect(info.state).toBe('connected');
    expect(info.sessionId).toBeDefined();
    expect(info.sessionId).not.toBe(firstSession);
    expect(textOf(await connection.callTool('echo', { message: 'new session' }))).toBe('new session');
    const lifecycle = ofType(connection.buffer.entries(), 'lifecycle').map((e) => e.state);
    expect(lifecycle).toEqual(['connecting', 'connected', 'error', 'info', 'connecting', 'connected']);
  });

  it('progress notifications reset the request timeout', async () => {
    const fixture = await startStreamableFixture();
    cleanup(() => fixture.close());
    const connection = await manager.open({ transport: 'streamable', url: fixture.url, timeouts: { requestMs: 300, resetOnProgress: true } });
    // 6 × 120 ms = 720 ms in all, far past 300 ms, but never 300 ms without progress.
    const progress: number[] = [];
    const result = await connection.callTool('slow', { steps: 6, stepMs: 120 }, { onProgress: (p) => progress.push(p.progress) });
    expect(textOf(result)).toBe('done after 6 steps');
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('without reset, the same call times out, and the trace marks the request as timed out', async () => {
    const fixture = await startStreamableFixture();
    cleanup(() => fixture.close());
    const connection = await manager.open({ transport: 'streamable', url: fixture.url, timeouts: { requestMs: 300, resetOnProgress: false } });
    const error = await connection.callTool('slow', { steps: 6, stepMs: 120 }).catch((e: unknown) => e);
    expect(isPeriscopeError(error) && error.info.kind).toBe('timeout');
    const messages = ofType(connection.buffer.entries(), 'message');
    const call = messages.find((m) => m.method === 'tools/call' && m.direction === 'outgoing')!;
    const cancel = messages.find((m) => m.method === 'notifications/cancelled');
    expect(cancel).toMatchObject({ endsRequestSeq: call.seq, outcome: 'timeout' });
    // The connection itself is fine afterwards.
    expect(textOf(await connection.callTool('echo', { message: 'ok' }))).toBe('ok');
  });

  it('a per-call timeout overrides the connection one, and maxTotalMs caps even a call with progress', async () => {
    const fixture = await startStreamableFixture();
    cleanup(() => fixture.close());
    const connection = await manager.open({ transport: 'streamable', url: fixture.url, timeouts: { requestMs: 10_000, maxTotalMs: 400 } });
    const capped = await connection.callTool('slow', { steps: 10, stepMs: 100 }, { onProgress: () => undefined }).catch((e: unknown) => e);
    expect(isPeriscopeError(capped) && capped.info.kind).toBe('timeout');
    const short = await connection.callTool('slow', { steps: 1, stepMs: 400 }, { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(isPeriscopeError(short) && short.info.kind).toBe('timeout');
  });

  it('the connect timeout bounds connect + initialize', async () => {
    const { createServer } = await import('node:http');
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanup(async () => {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    });
    const port = (silent.address() as { port: number }).port;
    const started = Date.now();
    const error = await manager.open({ transport: 'streamable', url: `http://127.0.0.1:${port}/mcp`, timeouts: { connectMs: 400 } }).catch((e: unknown) => e);
    expect(isPeriscopeError(error) && error.info.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('closing a connection that is still connecting to a silent server stops at once', async () => {
    const { createServer } = await import('node:http');
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanup(async () => {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    });
    const port = (silent.address() as { port: number }).port;
    const connection = manager.create({ transport: 'streamable', url: `http://127.0.0.1:${port}/mcp`, timeouts: { connectMs: 20_000 } });
    const connecting = connection.connect().catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await connection.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    const stopped = await connecting;
    expect(isPeriscopeError(stopped)).toBe(true);
    // Logged as what happened (the user cancelled), not as the connect timeout.
    expect(isPeriscopeError(stopped) && stopped.info).toMatchObject({ kind: 'cancelled', message: expect.stringContaining('was cancelled') });
    const errors = connection.buffer.entries().filter((e) => e.type === 'lifecycle' && e.state === 'error');
    expect(errors.map((e) => (e.type === 'lifecycle' ? e.text : ''))).toEqual([expect.stringContaining('was cancelled')]);
    expect(JSON.stringify(connection.buffer.entries()).match(/.{120}timed out.{60}/i)?.[0]).toBeUndefined();
    expect(connection.info().state).toBe('closed');
  });
});
