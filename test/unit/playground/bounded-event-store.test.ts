import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';
import { BoundedEventStore } from '../../../main/core/playground/bounded-event-store';

const note = (n: number): JSONRPCMessage => ({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 't', progress: n } });

async function replay(store: BoundedEventStore, after: string) {
  const sent: Array<[string, JSONRPCMessage]> = [];
  const streamId = await store.replayEventsAfter(after, { send: async (id, message) => void sent.push([id, message]) });
  return { streamId, sent };
}

describe('BoundedEventStore', () => {
  it('replays only the later events of the same stream, in order, skipping priming events', async () => {
    const store = new BoundedEventStore();
    const first = await store.storeEvent('a', note(1));
    await store.storeEvent('b', note(99));
    await store.storeEvent('a', {} as JSONRPCMessage); // priming event
    const third = await store.storeEvent('a', note(2));
    const fourth = await store.storeEvent('a', note(3));
    expect(await store.getStreamIdForEventId(first)).toBe('a');
    const { streamId, sent } = await replay(store, first);
    expect(streamId).toBe('a');
    expect(sent).toEqual([
      [third, note(2)],
      [fourth, note(3)],
    ]);
  });

  it('keeps at most its capacity and refuses to resume from an evicted event', async () => {
    const store = new BoundedEventStore(3);
    const oldest = await store.storeEvent('a', note(1));
    for (let n = 2; n <= 5; n++) await store.storeEvent('a', note(n));
    expect(store.size).toBe(3);
    expect(await store.getStreamIdForEventId(oldest)).toBeUndefined();
    await expect(replay(store, oldest)).rejects.toThrow(/unknown or was evicted/);
  });
});
