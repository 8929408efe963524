import type { RequestOptions } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import type { LiveSession } from '../../../main/core/connections/connection-attempt';
import { ResourceSubscriptions } from '../../../main/core/connections/resource-subscriptions';
import { PeriscopeError } from '../../../main/core/diagnostics/periscope-error';

type Client = LiveSession['client'];

/** A 2025-era client that refuses to subscribe to the URIs in `refused`, and notes what it is sent. */
function fakeClient(refused: string[] = []) {
  const sent: string[] = [];
  const client = {
    subscribeResource: async ({ uri }: { uri: string }) => {
      if (refused.includes(uri)) throw new Error(`Resource not found: ${uri}`);
      sent.push(`subscribe ${uri}`);
      return {};
    },
    unsubscribeResource: async ({ uri }: { uri: string }) => {
      sent.push(`unsubscribe ${uri}`);
      return {};
    },
  } as unknown as Client;
  return { client, sent };
}

function subscriptionsOn(client: Client) {
  return new ResourceSubscriptions({
    current: () => client,
    options: () => ({}) as RequestOptions,
    failure: async (error) => new PeriscopeError({ kind: 'protocol', message: String(error), hint: '' }),
  });
}

describe('2025-era resource subscriptions, counted by URI', () => {
  it('unsubscribes a URI when the last subscription holding it closes, once however often close is called', async () => {
    const { client, sent } = fakeClient();
    const subscriptions = subscriptionsOn(client);
    const first = await subscriptions.subscribe(client, ['file:///a', 'file:///b'], {});
    const second = await subscriptions.subscribe(client, ['file:///a'], {});
    await first();
    await first();
    expect(sent).toEqual(['subscribe file:///a', 'subscribe file:///b', 'subscribe file:///a', 'unsubscribe file:///b']);
    await second();
    expect(sent.at(-1)).toBe('unsubscribe file:///a');
  });

  it('a subscription that fails part-way lets go of the URIs it had subscribed: they are unsubscribed, not restored, not held', async () => {
    const { client, sent } = fakeClient(['file:///missing']);
    const subscriptions = subscriptionsOn(client);
    const holding = await subscriptions.subscribe(client, ['file:///kept'], {});
    await expect(subscriptions.subscribe(client, ['file:///kept', 'file:///new', 'file:///missing'], {})).rejects.toThrow(/Resource not found/);
    // file:///new was held by the failed subscription alone; file:///kept still has its first holder.
    expect(sent).toEqual(['subscribe file:///kept', 'subscribe file:///kept', 'subscribe file:///new', 'unsubscribe file:///new']);
    const restored = await subscriptions.restore({ client } as LiveSession);
    expect(restored.uris).toEqual(['file:///kept']);
    await holding();
    expect(sent.at(-1)).toBe('unsubscribe file:///kept');
  });
});
