import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MainEvent } from '../../../shared/ipc/contract';
import type { TraceEntry } from '../../../shared/model';
import { LOG_CAPACITY, LOG_DATA_CAP_BYTES } from '../../../main/core/logging/log-buffer';
import { ConnectionLookup } from '../../../main/core/service/connection-lookup';
import { logHandlers } from '../../../main/core/service/log-handlers';
import { FakeManager } from './fake-manager';

afterEach(() => void vi.useRealTimers());

function setUp() {
  vi.useFakeTimers();
  const manager = new FakeManager();
  const events: MainEvent[] = [];
  const logs = logHandlers({ lookup: new ConnectionLookup(manager), manager, emit: (e) => events.push(e), batchMs: 50 });
  const connection = manager.create({ transport: 'streamable', url: 'http://127.0.0.1:1/mcp' });
  let seq = 0;
  const log = (params: unknown, extra: Partial<TraceEntry> = {}): TraceEntry =>
    ({ type: 'message', seq: ++seq, connectionId: connection.id, wallTime: 1000 + seq, monoTime: seq, direction: 'incoming', messageKind: 'notification', method: 'notifications/message', size: JSON.stringify(params ?? null).length + 50, message: { jsonrpc: '2.0', method: 'notifications/message', params }, ...extra }) as unknown as TraceEntry;
  return { manager, events, logs, connection, log };
}

describe('the log handlers', () => {
  it('keep each notifications/message with level, logger, time and data, and send them as one batched event', async () => {
    const { manager, events, logs, connection, log } = setUp();
    manager.emitEntry(log({ level: 'warning', logger: 'db', data: { free: 12 } }));
    manager.emitEntry(log({ level: 'info', data: 'hello' }));
    manager.emitEntry({ ...log({}), method: 'notifications/progress' } as TraceEntry);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(events).toEqual([
      {
        type: 'log-messages',
        connectionId: connection.id,
        dropped: 0,
        messages: [
          { seq: 1, connectionId: connection.id, at: 1001, level: 'warning', logger: 'db', data: { free: 12 } },
          { seq: 2, connectionId: connection.id, at: 1002, level: 'info', data: 'hello' },
        ],
      },
    ]);
    const snapshot = await logs.handlers['logs:snapshot']({ connectionId: connection.id });
    expect(snapshot.messages.map((m) => m.seq)).toEqual([1, 2]);
    logs.stop();
  });

  it('stay bounded under a flood: older messages are dropped and counted', async () => {
    const { manager, events, logs, connection, log } = setUp();
    for (let i = 0; i < LOG_CAPACITY * 3; i++) manager.emitEntry(log({ level: 'debug', data: `m${i}` }));
    vi.advanceTimersByTime(50);
    const snapshot = await logs.handlers['logs:snapshot']({ connectionId: connection.id });
    expect(snapshot.messages.length).toBeLessThanOrEqual(LOG_CAPACITY);
    expect(snapshot.dropped + snapshot.messages.length).toBe(LOG_CAPACITY * 3);
    expect(snapshot.messages.at(-1)?.data).toBe(`m${LOG_CAPACITY * 3 - 1}`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'log-messages', dropped: snapshot.dropped });
    logs.stop();
  });

  it('cut a huge message to the cap and say so; keep hostile shapes visible as "unknown"', async () => {
    const { manager, logs, connection, log } = setUp();
    manager.emitEntry(log({ level: 'error', data: 'x'.repeat(LOG_DATA_CAP_BYTES * 4) }));
    manager.emitEntry(log('not an object'));
    manager.emitEntry(log({ level: 42, logger: ['x'], data: null }));
    manager.emitEntry(log(undefined, { truncated: { reason: 'size', bytes: 5e8, fullCopy: 'session-file', note: 'truncated: 500 MB' } } as Partial<TraceEntry>));
    const { messages } = await logs.handlers['logs:snapshot']({ connectionId: connection.id });
    expect((messages[0].data as string).length).toBe(LOG_DATA_CAP_BYTES);
    expect(messages[0].truncated).toMatch(/64 KiB: the first 16 KiB kept here; the whole message is in the trace/);
    expect(messages[1]).toMatchObject({ level: 'unknown', data: 'not an object' });
    expect(messages[2]).toMatchObject({ level: 'unknown', data: null });
    expect(messages[2].logger).toBeUndefined();
    expect(messages[3]).toMatchObject({ level: 'unknown', data: 'truncated: 500 MB', truncated: 'truncated: 500 MB' });
    logs.stop();
  });

  it('set the level through the connection and report it in the snapshot', async () => {
    const { logs, connection } = setUp();
    expect(await logs.handlers['logs:set-level']({ connectionId: connection.id, level: 'notice' })).toEqual({ via: 'logging/setLevel' });
    expect(connection.calls).toContainEqual(['setLogLevel', 'notice']);
    expect(await logs.handlers['logs:snapshot']({ connectionId: connection.id })).toEqual({ messages: [], dropped: 0, level: 'notice' });
    logs.stop();
  });
});
