import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogSnapshot, MainEvent } from '../../../shared/ipc/contract';
import { startPlayground } from '../../../main/core/playground/playground-server';
import { startStreamableFixture, type StreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { createStreamingFixtureServer } from '../../fixtures/sdk-servers/v1-streaming-server';
import { startTestCore, type TestCore } from '../hostile/app-core-support';
import { type Answer, openRemote, until } from './core-calls';

/**
 * The Logs section's and Ping's paths through the app core and the contract's validation: the
 * level set per era (logging/setLevel, or the request _meta in 2026-07-28, checked on the wire),
 * the messages kept and sent as 'log-messages' events, against the playground (2.x SDK) in both
 * eras and a 1.x SDK server that logs on its own.
 */
let test: TestCore;
let playground: Awaited<ReturnType<typeof startPlayground>>;
let v1: StreamableFixture;

beforeAll(async () => {
  test = await startTestCore();
  playground = await startPlayground();
  v1 = await startStreamableFixture(() => createStreamingFixtureServer());
});
afterAll(async () => {
  await test?.close();
  await playground?.close();
  await v1?.close();
});


const connect = async (url: string, era?: 'legacy' | 'modern') => (await openRemote(test, url, era)).connectionId;


const logEvents = (connectionId: string) =>
  test.events.filter((e): e is Extract<MainEvent, { type: 'log-messages' }> => e.type === 'log-messages' && e.connectionId === connectionId).flatMap((e) => e.messages);

const outgoing = (connectionId: string, method: string) =>
  test.core.manager
    .get(connectionId)!
    .buffer.entries()
    .filter((e) => e.type === 'message' && e.direction === 'outgoing' && e.method === method) as Array<{ message: { params?: { _meta?: Record<string, unknown> } } }>;

describe.each(['legacy', 'modern'] as const)('the playground, %s era', (era) => {
  it('keeps the log messages of a call from the level asked for up, says how the level applied, and sends them as events', async () => {
    const connectionId = await connect(playground.urls.streamable, era);
    const set = await test.call('logs:set-level', { connectionId, level: 'warning' });
    expect(set).toEqual({ ok: true, value: { via: era === 'legacy' ? 'logging/setLevel' : 'request-meta' } });
    expect(outgoing(connectionId, 'logging/setLevel')).toHaveLength(era === 'legacy' ? 1 : 0);
    await test.call('connections:call-tool', { connectionId, name: 'log', argumentsJson: '{"message":"hello","levels":["debug","warning","error"]}' });
    await until(() => logEvents(connectionId).length === 2, 'two log messages');
    expect(logEvents(connectionId).map((m) => [m.level, m.logger, m.data])).toEqual([
      ['warning', 'playground', 'hello'],
      ['error', 'playground', 'hello'],
    ]);
    if (era === 'modern') expect(outgoing(connectionId, 'tools/call').at(-1)?.message.params?._meta?.['io.modelcontextprotocol/logLevel']).toBe('warning');
    const snapshot = (await test.call('logs:snapshot', { connectionId })) as Answer<LogSnapshot>;
    expect(snapshot).toMatchObject({ ok: true, value: { dropped: 0, level: 'warning', messages: [{ level: 'warning' }, { level: 'error' }] } });
  });

  it('ping: a round trip in the 2025 era; the 2026-07-28 era measures with server/discover, having no ping', async () => {
    const connectionId = await connect(playground.urls.streamable, era);
    const pinged = (await test.call('connections:ping', { connectionId })) as Answer<{ latencyMs: number; method: string }>;
    expect(pinged).toMatchObject({ ok: true, value: { latencyMs: expect.any(Number), method: era === 'legacy' ? 'ping' : 'server/discover' } });
  });
});

describe('the level after a new session', () => {
  it('2025 era: a reinitialized session has not heard logging/setLevel, so no level is claimed; 2026-07-28 keeps it', async () => {
    const legacy = await connect(playground.urls.streamable, 'legacy');
    await test.call('logs:set-level', { connectionId: legacy, level: 'error' });
    expect(await test.call('logs:snapshot', { connectionId: legacy })).toMatchObject({ ok: true, value: { level: 'error' } });
    await test.call('connections:reinitialize', { connectionId: legacy });
    const after = (await test.call('logs:snapshot', { connectionId: legacy })) as Answer<LogSnapshot>;
    expect(after.ok && after.value.level).toBeUndefined();

    const modern = await connect(playground.urls.streamable, 'modern');
    await test.call('logs:set-level', { connectionId: modern, level: 'error' });
    await test.call('connections:reinitialize', { connectionId: modern });
    expect(await test.call('logs:snapshot', { connectionId: modern })).toMatchObject({ ok: true, value: { level: 'error' } });
  });
});

describe('a 1.x SDK server that logs on its own', () => {
  it('after logging/setLevel its unsolicited messages arrive, from the level up', async () => {
    const connectionId = await connect(v1.url);
    expect(await test.call('logs:set-level', { connectionId, level: 'notice' })).toEqual({ ok: true, value: { via: 'logging/setLevel' } });
    await until(() => logEvents(connectionId).length === 3, 'three log messages');
    expect(logEvents(connectionId).map((m) => m.level)).toEqual(['notice', 'warning', 'error']);
    expect(logEvents(connectionId)[2]).toMatchObject({ logger: 'fixture', data: { message: 'disk almost full', freeMb: 12 } });
  });

  it('refuses a level outside the spec before anything is sent', async () => {
    const connectionId = await connect(v1.url);
    const refused = (await test.call('logs:set-level', { connectionId, level: 'verbose' })) as Answer<unknown>;
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });
});
