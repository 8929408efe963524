import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MainEvent } from '../../../shared/ipc/contract';
import { startPlayground } from '../../../main/core/playground/start-playground';
import { startListenStreamServer } from '../cli/support/listen-stream-server';
import { startTestCore, type TestCore } from '../hostile/app-core-support';
import { openRemote, until, valueOf } from './core-calls';

/**
 * 2026-07-28: a resource subscription is a subscriptions/listen stream, which the server may end.
 * The app core then forgets the subscription and tells the window how it ended (it showed the
 * resource as subscribed, waiting for updates that could no longer come).
 */
let test: TestCore;
const servers: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  test = await startTestCore();
});
afterAll(async () => {
  await test?.close();
  await Promise.all(servers.map((server) => server.close()));
});

const ended = (connectionId: string) =>
  test.events.filter((e): e is Extract<MainEvent, { type: 'resource-subscription-ended' }> => e.type === 'resource-subscription-ended' && e.connectionId === connectionId);

describe('a subscription whose listen stream the server ends', () => {
  it.each([
    ['ends', 'remote'],
    ['graceful', 'graceful'],
  ] as const)('server behaviour %s: a resource-subscription-ended event (%s), and Subscribe works again', async (behaviour, how) => {
    const server = await startListenStreamServer(behaviour);
    servers.push(server);
    const { connectionId } = await openRemote(test, server.url, 'modern');
    const uri = 'test://watched';
    expect(valueOf(await test.call('connections:subscribe-resource', { connectionId, uri }))).toEqual({ honored: true });
    await until(() => ended(connectionId).length > 0, 'the subscription-ended event');
    expect(ended(connectionId)).toEqual([{ type: 'resource-subscription-ended', connectionId, uri, how }]);
    // Forgotten: subscribing again opens a new listen stream instead of answering from the old one.
    expect(valueOf(await test.call('connections:subscribe-resource', { connectionId, uri }))).toEqual({ honored: true });
    await until(() => ended(connectionId).length > 1, 'the second stream to end too');
  });

  it('Unsubscribe (the stream closed here) sends no such event', async () => {
    const playground = await startPlayground();
    servers.push(playground);
    const { connectionId } = await openRemote(test, playground.urls.streamable, 'modern');
    const uri = 'playground://counter';
    expect(valueOf(await test.call('connections:subscribe-resource', { connectionId, uri }))).toEqual({ honored: true });
    valueOf(await test.call('connections:unsubscribe-resource', { connectionId, uri }));
    // The local close settles at once; give a wrongly sent event the time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ended(connectionId)).toEqual([]);
  });
});
