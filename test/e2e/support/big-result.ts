import type { TraceEntry } from '../../../shared/model/trace';

/** A tiny valid PNG (1x1), as an image result carries it. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/**
 * A trace with a tools/call whose text result is over 5 MB (ending in a phrase found nowhere
 * else), and one whose result is an image, for the detail pane and the search.
 */
export function bigResultEntries(): TraceEntry[] {
  const lines = Array.from({ length: 52_000 }, (_, i) => `line ${i}: ${'the quick brown fox jumps over the lazy dog '.repeat(2)}`);
  const text = `${lines.join('\n')}\nthe very end of the text`;
  const base = { connectionId: 'big', monoTime: 1 };
  const call = (seq: number, id: number, name: string): TraceEntry => ({
    ...base,
    seq,
    wallTime: 1_750_000_000_000 + seq,
    type: 'message',
    direction: 'outgoing',
    messageKind: 'request',
    rpcId: id,
    method: 'tools/call',
    size: 80,
    message: { jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: {} } },
  });
  const answer = (seq: number, id: number, result: unknown, size: number): TraceEntry => ({
    ...base,
    seq,
    wallTime: 1_750_000_000_000 + seq,
    type: 'message',
    direction: 'incoming',
    messageKind: 'response',
    rpcId: id,
    requestSeq: seq - 1,
    latencyMs: 12,
    size,
    message: { jsonrpc: '2.0', id, result },
  });
  return [
    call(1, 1, 'dump_log'),
    answer(2, 1, { content: [{ type: 'text', text }] }, text.length),
    call(3, 2, 'image'),
    answer(4, 2, { content: [{ type: 'image', mimeType: 'image/png', data: PNG }] }, PNG.length),
  ];
}
