import { describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import { nobodyListens } from '../../../main/core/connections/connection-loss';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { startPlayground } from '../../../main/core/playground/start-playground';
import { stdioFixtureCommand } from '../../fixtures/sdk-servers/stdio-fixture';
import { ofType, until, useManager } from './connection-test-support';

/**
 * A server that goes away under a live connection: the state follows (lost, with the reason), and
 * requests are refused at once with that reason instead of the badge saying "Connected".
 */
const { manager, cleanup } = useManager();

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isPeriscopeError(error)) return error.info;
    throw error;
  }
  throw new Error('expected the request to fail');
}

function watchStates(connectionId: string): ConnectionInfo['state'][] {
  const states: ConnectionInfo['state'][] = [];
  manager.onStateChange((info) => {
    if (info.connectionId === connectionId) states.push(info.state);
  });
  return states;
}

describe('when the server goes away', () => {
  it('Streamable HTTP (2026-07-28, no stream): the first request that finds nobody there marks the connection lost', async () => {
    const playground = await startPlayground();
    cleanup(() => playground.close());
    const connection = await manager.open({ transport: 'streamable', url: playground.urls.streamable, protocolEra: 'modern' });
    const states = watchStates(connection.id);
    await connection.ping();
    await playground.close();

    // The kept-alive socket is cut (closed) or a new one is refused: either way nobody is there.
    const first = await failureOf(connection.ping());
    expect(first.kind).toMatch(/^(closed|refused)$/);
    await until(() => connection.info().state === 'lost', 'the lost state');
    expect(connection.info().error?.kind).toBe(first.kind);
    expect(states).toEqual(['lost']);
    // Nothing more goes on the wire: the next request is refused at once, saying why.
    const before = connection.buffer.entries().length;
    const next = await failureOf(connection.listTools());
    expect(next.message).toMatch(/was lost, so nothing was sent/);
    expect(ofType(connection.buffer.entries().slice(before), 'http')).toEqual([]);
    const lifecycle = ofType(connection.buffer.entries(), 'lifecycle').at(-1);
    expect(lifecycle?.text).toMatch(/^Connection lost: /);
  });

  it('Streamable HTTP (2025, GET stream): the stream dropping for good marks it lost without any request', async () => {
    const playground = await startPlayground();
    cleanup(() => playground.close());
    const connection = await manager.open({ transport: 'streamable', url: playground.urls.streamable, protocolEra: 'legacy' });
    await until(() => ofType(connection.buffer.entries(), 'http').some((e) => e.method === 'GET' && e.streaming === true), 'the GET event stream');
    await playground.close();
    await until(() => connection.info().state === 'lost', 'the lost state', 15_000);
    expect(connection.info().error?.message).toMatch(/event stream is gone/);
  }, 30_000);

  it('WebSocket: the socket closing marks it lost with the reason', async () => {
    const playground = await startPlayground();
    cleanup(() => playground.close());
    const connection = await manager.open({ transport: 'websocket', url: playground.urls.websocket });
    await playground.close();
    await until(() => connection.info().state === 'lost', 'the lost state');
    expect(connection.info().error?.kind).toBe('closed');
    expect((await failureOf(connection.ping())).message).toMatch(/was lost/);
  });

  it('stdio: the process exiting marks it lost', async () => {
    const { command, args } = stdioFixtureCommand();
    const connection = await manager.open({ transport: 'stdio', command, args });
    await until(() => ofType(connection.buffer.entries(), 'stderr').some((e) => /pid \d+/.test(e.line)), 'the fixture pid');
    const pid = Number(/pid (\d+)/.exec(ofType(connection.buffer.entries(), 'stderr').find((e) => /pid \d+/.test(e.line))!.line)![1]);
    process.kill(pid, 'SIGKILL');
    await until(() => connection.info().state === 'lost', 'the lost state');
    expect(connection.info().error).toBeDefined();
  });

  it('tells a cut request from a dead server by one TCP connect (a live server keeps the state)', async () => {
    const playground = await startPlayground();
    cleanup(() => playground.close());
    expect(await nobodyListens(playground.urls.streamable)).toBe(false);
    await playground.close();
    expect(await nobodyListens(playground.urls.streamable)).toBe(true);
  });

  it('closing on purpose is not a loss', async () => {
    const playground = await startPlayground();
    cleanup(() => playground.close());
    const connection = await manager.open({ transport: 'websocket', url: playground.urls.websocket });
    await connection.close();
    expect(connection.info()).toMatchObject({ state: 'closed' });
    expect(connection.info().error).toBeUndefined();
  });
});
