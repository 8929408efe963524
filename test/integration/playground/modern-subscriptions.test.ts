import type { Client } from '@modelcontextprotocol/client';
import { ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPlayground, type RunningPlayground } from '../../../main/core/playground/playground-server';
import { MODERN_TRANSPORTS, ModernClientPool } from './support/modern-clients';
import { ClientPool, clientTransport } from './support/playground-clients';

const COUNTER = 'playground://counter';

let playground: RunningPlayground;
const modern = new ModernClientPool();
const legacyV1 = new ClientPool();

beforeEach(async () => {
  playground = await startPlayground({ port: 0 });
});
afterEach(async () => {
  await modern.closeAll();
  await legacyV1.closeAll();
  await playground.close();
});

/** Collects the URIs of notifications/resources/updated a v2 client receives. */
function updatesOf(client: Client): string[] {
  const uris: string[] = [];
  client.setNotificationHandler('notifications/resources/updated', (n) => void uris.push(n.params.uri));
  return uris;
}

async function counterValue(client: Client): Promise<number> {
  const read = await client.readResource({ uri: COUNTER });
  return (JSON.parse((read.contents[0] as { text: string }).text) as { value: number }).value;
}

describe.each(MODERN_TRANSPORTS)('playground://counter over %s', (kind) => {
  it('2026-07-28: a subscriptions/listen stream gets notifications/resources/updated for each bump', async () => {
    const { client } = await modern.connect(playground, kind, { negotiation: 'pin' });
    const updates = updatesOf(client);
    const subscription = await client.listen({ resourceSubscriptions: [COUNTER] });
    expect(subscription.honoredFilter).toEqual({ resourceSubscriptions: [COUNTER] });
    const start = await counterValue(client);
    const bumped = await client.callTool({ name: 'bump_counter', arguments: { by: 2 } });
    expect(bumped.structuredContent).toEqual({ value: start + 2 });
    await vi.waitFor(() => expect(updates).toEqual([COUNTER]));
    await client.callTool({ name: 'bump_counter', arguments: {} });
    await vi.waitFor(() => expect(updates).toEqual([COUNTER, COUNTER]));
    expect(await counterValue(client)).toBe(start + 3);
    await subscription.close();
    expect(await subscription.closed).toBe('local');
  });

  it('2025: resources/subscribe gets the updates, and resources/unsubscribe stops them', async () => {
    const { client: watcher } = await modern.connect(playground, kind, { negotiation: 'legacy' });
    expect(watcher.getProtocolEra()).toBe('legacy');
    const updates = updatesOf(watcher);
    await watcher.subscribeResource({ uri: COUNTER });
    await watcher.callTool({ name: 'bump_counter', arguments: {} });
    await vi.waitFor(() => expect(updates).toEqual([COUNTER]));
    await watcher.unsubscribeResource({ uri: COUNTER });
    await watcher.callTool({ name: 'bump_counter', arguments: {} });
    // The first update arrived within milliseconds; a second would have had the same time.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(updates).toEqual([COUNTER]);
  });
});

describe('one change, every era and transport (one running playground)', () => {
  it('a bump reaches listen streams on /mcp and /ws and 2025 subscribers on /mcp, /sse and /ws, but not the others', async () => {
    const listeners = await Promise.all((['streamable', 'websocket'] as const).map((kind) => modern.connect(playground, kind, { negotiation: 'pin' })));
    const listened = listeners.map(({ client }) => updatesOf(client));
    for (const { client } of listeners) await client.listen({ resourceSubscriptions: [COUNTER] });
    const elsewhere = await modern.connect(playground, 'streamable', { negotiation: 'pin' });
    const elsewhereUpdates = updatesOf(elsewhere.client);
    await elsewhere.client.listen({ resourceSubscriptions: ['playground://readme'] });

    const subscribed: string[][] = [];
    for (const kind of ['streamable', 'sse', 'websocket'] as const) {
      const client = await legacyV1.connect(clientTransport(playground, kind));
      const uris: string[] = [];
      client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => void uris.push(n.params.uri));
      await client.subscribeResource({ uri: COUNTER });
      subscribed.push(uris);
    }
    const unsubscribed = await legacyV1.connect(clientTransport(playground, 'streamable'));
    const unsubscribedUpdates: string[] = [];
    unsubscribed.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => void unsubscribedUpdates.push(n.params.uri));

    await unsubscribed.callTool({ name: 'bump_counter', arguments: {} });
    await vi.waitFor(() => {
      for (const uris of [...listened, ...subscribed]) expect(uris).toEqual([COUNTER]);
    });
    expect(elsewhereUpdates).toEqual([]);
    expect(unsubscribedUpdates).toEqual([]);
  });

  it('closing the playground ends an open listen stream gracefully', async () => {
    const { client } = await modern.connect(playground, 'streamable', { negotiation: 'pin' });
    const subscription = await client.listen({ resourceSubscriptions: [COUNTER] });
    await playground.close();
    expect(await subscription.closed).toBe('graceful');
  });
});
