import { describe, expect, it } from 'vitest';
import { stdioFixtureCommand } from '../../fixtures/sdk-servers/stdio-fixture';
import { startStreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { startWebSocketFixture } from '../../fixtures/sdk-servers/websocket-fixture';
import type { TraceEntry } from '../../../shared/model/trace';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { textOf, until, useManager } from './connection-test-support';

const { manager, cleanup } = useManager();

describe('simultaneous connections stay independent', () => {
  it('two connections to one server: closing one leaves the other working', async () => {
    const fixture = await startStreamableFixture();
    cleanup(() => fixture.close());
    const [a, b] = await Promise.all([
      manager.open({ transport: 'streamable', url: fixture.url }, { label: 'a' }),
      manager.open({ transport: 'streamable', url: fixture.url }, { label: 'b' }),
    ]);
    expect(a.info().sessionId).not.toBe(b.info().sessionId);
    await manager.close(a.id);
    expect(a.info().state).toBe('closed');
    expect(textOf(await b.callTool('echo', { message: 'still here' }))).toBe('still here');
    expect(manager.list().map((i) => i.label)).toEqual(['b']);
    // Each trace is its own: b's entries never carry a's id, and seq restarts per connection.
    expect(b.buffer.entries().every((e) => e.connectionId === b.id)).toBe(true);
    expect(b.buffer.entries()[0]!.seq).toBe(1);
    const err = await a.listTools().catch((e: unknown) => e);
    expect(isPeriscopeError(err) && err.info.kind).toBe('closed');
  });

  it('killing one server breaks only its connection; the manager fans out both traces and states', async () => {
    const ws = await startWebSocketFixture();
    const { command, args } = stdioFixtureCommand();
    cleanup(() => ws.close());
    const seen: TraceEntry[] = [];
    const states: string[] = [];
    const stopEntries = manager.subscribe((e) => seen.push(e));
    const stopStates = manager.onStateChange((info) => states.push(`${info.label}:${info.state}`));
    cleanup(async () => {
      stopEntries();
      stopStates();
    });
    const wsConnection = await manager.open({ transport: 'websocket', url: ws.url }, { label: 'ws' });
    const stdio = await manager.open({ transport: 'stdio', command, args }, { label: 'stdio' });

    await ws.close();
    await until(() => wsConnection.info().state === 'lost', 'the WebSocket connection to notice');
    expect(wsConnection.info().error).toMatchObject({ kind: 'closed' });
    expect(textOf(await stdio.callTool('echo', { message: 'unaffected' }))).toBe('unaffected');
    expect(stdio.info().state).toBe('connected');
    expect(new Set(seen.map((e) => e.connectionId))).toEqual(new Set([wsConnection.id, stdio.id]));
    expect(states).toEqual(expect.arrayContaining(['ws:connecting', 'ws:connected', 'stdio:connected', 'ws:lost']));
  });

  it('the buffer keeps the configured number of entries; the session file keeps everything', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readSessionFile } = await import('../../../main/core/capture/session-file');
    const { ConnectionManager } = await import('../../../main/core/connections/connection-manager');
    const dir = mkdtempSync(join(tmpdir(), 'periscope-capacity-'));
    cleanup(async () => rmSync(dir, { recursive: true, force: true }));
    const small = new ConnectionManager({ bufferCapacity: 8 });
    cleanup(() => small.closeAll());
    const fixture = await startStreamableFixture();
    cleanup(() => fixture.close());
    const file = join(dir, 'all.ndjson');
    const connection = await small.open({ transport: 'streamable', url: fixture.url }, { recordTo: file });
    for (let i = 0; i < 5; i++) await connection.callTool('echo', { message: `m${i}` });
    await small.close(connection.id);
    expect(connection.buffer.size).toBe(8);
    expect(connection.buffer.evicted).toBeGreaterThan(0);
    const { entries } = await readSessionFile(file);
    expect(entries).toHaveLength(8 + connection.buffer.evicted);
    expect(entries.slice(-8)).toEqual(connection.buffer.entries());
  });
});
