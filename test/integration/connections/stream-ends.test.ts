import { describe, expect, it } from 'vitest';
import type { HttpEntry } from '../../../shared/model/trace';
import { formatTraceLine } from '../../../main/core/capture/trace-format';
import { startPlayground } from '../../../main/core/playground/start-playground';
import { ofType, until, useManager } from './connection-test-support';

const { manager, cleanup } = useManager();

/** The last entry of each event stream, by exchange (the one with its end). */
function streamEnds(entries: Parameters<typeof ofType>[0]): HttpEntry[] {
  return ofType(entries, 'http').filter((e) => e.streaming && e.phase !== 'headers');
}

describe('who ended an event stream', () => {
  it('a POST answered on a stream is ended by the server; a call cancelled mid-stream (2026-07-28) is closed by Periscope', async () => {
    const playground = await startPlayground();
    cleanup(() => playground.close());
    const legacy = await manager.open({ transport: 'streamable', url: playground.urls.streamable, protocolEra: 'legacy' });
    await legacy.callTool('echo', { message: 'hello' });
    await until(() => streamEnds(legacy.buffer.entries()).some((e) => e.method === 'POST'), 'the POST stream to end');
    const post = streamEnds(legacy.buffer.entries()).filter((e) => e.method === 'POST');
    expect(post.map((e) => e.endedBy)).toEqual(post.map(() => 'server'));
    expect(formatTraceLine(post.at(-1)!)).toContain('stream ended by the server');

    // In the 2026-07-28 era a call is cancelled by closing its response stream.
    const modern = await manager.open({ transport: 'streamable', url: playground.urls.streamable, protocolEra: 'modern' });
    const controller = new AbortController();
    let progressed = 0;
    const call = modern.callTool('slow_operation', { steps: 100, stepMs: 40 }, { signal: controller.signal, onProgress: () => ++progressed === 2 && controller.abort('stop') });
    await expect(call).rejects.toThrow();
    await until(() => streamEnds(modern.buffer.entries()).some((e) => e.method === 'POST' && e.messageSeq !== undefined && e.endedBy !== 'server'), 'the call stream to end');
    const cancelled = streamEnds(modern.buffer.entries()).find((e) => e.method === 'POST' && e.endedBy !== 'server')!;
    expect(cancelled).toMatchObject({ phase: 'complete', endedBy: 'client' });
    expect(cancelled.error).toBeUndefined();
    expect(formatTraceLine(cancelled)).toContain('stream closed by Periscope');
  });
});
