// Issue 8, nesting: messages nested thousands of levels deep, through the real v2 SDK client over
// HTTP, in the engine and in the app core. One connection's bad message never breaks another.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionInfo } from '../../../shared/model/connection';
import { TraceSnapshot } from '../../../shared/ipc/contract';
import type { MessageEntry } from '../../../shared/model/trace';
import { DEPTH_PREVIEW_LEVELS, valueDepth } from '../../../shared/json/json-depth';
import { startHostileShapesServer, type HostileShapesServer } from '../../fixtures/sdk-servers/misbehaving/hostile-shapes-fixture';
import { deepText } from '../../fixtures/deep-json';
import { startTestCore, type TestCore } from './app-core-support';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});
async function server(options: Parameters<typeof startHostileShapesServer>[0]): Promise<HostileShapesServer> {
  const started = await startHostileShapesServer(options);
  cleanups.push(() => started.close());
  return started;
}
async function core(): Promise<TestCore> {
  const started = await startTestCore();
  cleanups.push(() => started.close());
  return started;
}

describe('nesting deeper than Periscope handles', () => {
  it('capabilities nested 5,000 deep: that connection fails with a protocol error naming the depth; listing and the other connection work', async () => {
    const deep = await server({ capabilitiesDepth: 5_000 });
    const fine = await server({});
    const { call, remote, core: app } = await core();
    const deepId = await remote('deep', deep.url);
    const fineId = await remote('fine', fine.url);

    const opened = await call('connections:open', { remoteId: deepId });
    expect(opened).toMatchObject({ ok: true, value: { state: 'failed', error: { kind: 'protocol' } } });
    const failed = (opened as { value: ConnectionInfo }).value;
    expect(failed.error!.message).toBe("The server's answer to initialize is nested 5,004 levels deep; Periscope handles up to 500 levels");
    const other = await call('connections:open', { remoteId: fineId });
    expect(other).toMatchObject({ ok: true, value: { state: 'connected' } });
    const otherId = (other as { value: ConnectionInfo }).value.connectionId;

    const listed = await call('connections:list', undefined);
    expect(listed.ok).toBe(true);
    const infos = (listed as { value: ConnectionInfo[] }).value;
    expect(infos.map((i) => i.state).sort()).toEqual(['connected', 'failed']);
    for (const info of infos) expect(() => structuredClone(ConnectionInfo.parse(info))).not.toThrow();
    expect(await call('connections:list-tools', { connectionId: otherId })).toMatchObject({ ok: true, value: { tools: [{ name: 'deep' }, { name: 'big' }, { name: 'echo' }] } });

    // The failed connection's trace shows the answer safely; its session file has it whole.
    const snapshot = await call('trace:snapshot', { connectionId: failed.connectionId });
    const { entries } = TraceSnapshot.parse((snapshot as { value: unknown }).value);
    const answer = entries.find((e): e is MessageEntry => e.type === 'message' && e.method === 'initialize' && e.direction === 'incoming')!;
    expect(answer).toMatchObject({ depth: 5_004, truncated: { reason: 'depth', fullCopy: 'session-file' } });
    expect(valueDepth(answer.message)).toBe(DEPTH_PREVIEW_LEVELS);
    expect(() => structuredClone(entries)).not.toThrow();
    const connection = app.manager.get(failed.connectionId)!;
    await connection.trace.flush();
    expect(await readFile(connection.trace.sessionFile!, 'utf8')).toContain(deepText(5_000));
  });

  it('a result nested 100,000 deep fails that call as a protocol error, is kept in the trace, and the connection goes on', async () => {
    const deep = await server({ resultDepth: 100_000 });
    const { call, remote } = await core();
    const opened = await call('connections:open', { remoteId: await remote('deep result', deep.url) });
    const connectionId = (opened as { value: ConnectionInfo }).value.connectionId;

    const result = await call('connections:call-tool', { connectionId, name: 'deep' });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: 'protocol', message: "The server's answer to tools/call is nested 100,002 levels deep; Periscope handles up to 500 levels" }),
    });
    expect(await call('connections:call-tool', { connectionId, name: 'echo' })).toMatchObject({ ok: true, value: { result: { content: [{ text: 'echo' }] } } });

    const snapshot = TraceSnapshot.parse((await call('trace:snapshot', { connectionId }) as { value: unknown }).value);
    const kept = snapshot.entries.filter((e): e is MessageEntry => e.type === 'message' && e.depth === 100_002);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.warnings?.join(' ')).toMatch(/nested 100,002 levels deep/);
    expect(() => structuredClone(snapshot)).not.toThrow();
  });
});
