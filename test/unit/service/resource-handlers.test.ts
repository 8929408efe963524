import { describe, expect, it } from 'vitest';
import type { MainEvent } from '../../../shared/ipc/contract';
import type { TraceEntry } from '../../../shared/model';
import { ConnectionLookup } from '../../../main/core/service/connection-lookup';
import { resourceHandlers } from '../../../main/core/service/resource-handlers';
import { FakeManager } from './fake-manager';

function setUp() {
  const manager = new FakeManager();
  const events: MainEvent[] = [];
  const handlers = resourceHandlers({ lookup: new ConnectionLookup(manager), manager, emit: (e) => events.push(e) });
  const connection = manager.create({ transport: 'streamable', url: 'http://127.0.0.1:1/mcp' });
  const updated = (uri: string, seq: number): TraceEntry =>
    ({ type: 'message', seq, connectionId: connection.id, wallTime: 1000 + seq, monoTime: seq, direction: 'incoming', messageKind: 'notification', method: 'notifications/resources/updated', message: { jsonrpc: '2.0', method: 'notifications/resources/updated', params: { uri } } }) as unknown as TraceEntry;
  return { manager, events, handlers, connection, updated };
}

describe('resource subscriptions in the core', () => {
  it('turns updates of subscribed URIs into events, ignores others, and stops listening when none is left', async () => {
    const { manager, events, handlers, connection, updated } = setUp();
    expect(await handlers['connections:subscribe-resource']({ connectionId: connection.id, uri: 'a://1' })).toEqual({ honored: true });
    manager.emitEntry(updated('a://1', 1));
    manager.emitEntry(updated('a://2', 2));
    expect(events).toEqual([{ type: 'resource-updated', connectionId: connection.id, uri: 'a://1', at: 1001 }]);
    await handlers['connections:unsubscribe-resource']({ connectionId: connection.id, uri: 'a://1' });
    expect(connection.calls).toContainEqual(['close-listen', { resourceSubscriptions: ['a://1'] }]);
    expect(manager.listenerCount).toBe(0);
    manager.emitEntry(updated('a://1', 3));
    expect(events).toHaveLength(1);
  });

  it('a connection that ends drops its subscriptions', async () => {
    const { manager, handlers, connection } = setUp();
    await handlers['connections:subscribe-resource']({ connectionId: connection.id, uri: 'a://1' });
    manager.emitState({ ...connection.info(), state: 'lost' });
    expect(connection.calls).toContainEqual(['close-listen', { resourceSubscriptions: ['a://1'] }]);
    expect(manager.listenerCount).toBe(0);
  });
});
