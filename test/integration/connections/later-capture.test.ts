import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { useManager } from './connection-test-support';

// A JSON answer's HTTP entry is recorded at the next turn of the event loop (LaterWork). Output
// made outside the engine goes through the connection's masker, which finishes that work first:
// a command's result prints after the trace lines of the exchanges that made it.
const { manager } = useManager();
let playground: RunningPlayground;

beforeAll(async () => {
  playground = await startPlayground();
});
afterAll(async () => {
  await playground?.close();
});

describe('output after a call comes after the trace of the call', () => {
  it.each(['modern', 'legacy'] as const)('%s era: the call\'s HTTP exchange is printed before its result', async (protocolEra) => {
    const connection = await manager.open({ transport: 'streamable', url: playground.urls.streamable, protocolEra });
    const printed: string[] = [];
    connection.bus.subscribe((entry) => {
      // An event stream's exchange prints at its headers (its end comes later); a JSON answer's once, whole.
      if (entry.type === 'http' && entry.method === 'POST' && !printed.includes(`http ${entry.messageSeq}`)) printed.push(`http ${entry.messageSeq}`);
      if (entry.type === 'message' && entry.method === 'tools/call' && entry.messageKind === 'request') printed.push(`request ${entry.seq}`);
    });
    const result = await connection.callTool('echo', { message: 'in order' });
    printed.push(connection.masker.text(`result ${JSON.stringify(result).length > 0}`));
    const request = printed.find((line) => line.startsWith('request '))!.split(' ')[1];
    expect(printed).toEqual([`request ${request}`, `http ${request}`, 'result true']);
  });
});

describe('a burst of calls', () => {
  it('100 calls at once: every POST names the request it carried', async () => {
    const connection = await manager.open({ transport: 'streamable', url: playground.urls.streamable, protocolEra: 'modern' });
    await Promise.all(Array.from({ length: 100 }, (_, i) => connection.callTool('echo', { message: `burst ${i}` })));
    const entries = connection.buffer.entries();
    const linked = new Set(entries.flatMap((e) => (e.type === 'http' && e.messageSeq !== undefined ? [e.messageSeq] : [])));
    const calls = entries.filter((e) => e.type === 'message' && e.messageKind === 'request' && e.method === 'tools/call');
    expect(calls).toHaveLength(100);
    expect(calls.filter((call) => !linked.has(call.seq))).toEqual([]);
  });
});
