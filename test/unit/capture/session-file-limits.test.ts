import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSessionFile, SESSION_FORMAT, SessionFileWriter } from '../../../main/core/capture/session-file';
import { DEPTH_PREVIEW_LEVELS, valueDepth } from '../../../shared/json/json-depth';
import type { MessageEntry, TraceEntry } from '../../../shared/model/trace';
import { deepText } from '../../fixtures/deep-json';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'periscope-session-limits-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const header = JSON.stringify({ format: SESSION_FORMAT, version: 1, createdAt: 1, app: { name: 'MCP Periscope', version: '1.0.0' } });
const stderr = (seq: number, line = `line ${seq}`): TraceEntry => ({ seq, connectionId: 'c1', wallTime: 1000 + seq, monoTime: 2000 + seq, type: 'stderr', line });
const HOLD = { entryCapBytes: 1024, capacity: 1_000, budgetBytes: 10 * 1024 * 1024 };

describe('session file reader: long lines', () => {
  it('reads past a line longer than the limit: a storage error entry names its line and size', async () => {
    const path = join(dir, 's.ndjson');
    const long = JSON.stringify(stderr(2, 'z'.repeat(5_000)));
    await writeFile(path, [header, JSON.stringify(stderr(1)), long, JSON.stringify(stderr(3)), ''].join('\n'));
    const read = await readSessionFile(path, { maxLineBytes: 1_000 });
    expect(read.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    const problem = read.entries[1]!;
    // The stand-in keeps the skipped entry's own seq, connection and times (read from the line's start).
    expect(problem).toMatchObject({ type: 'lifecycle', state: 'error', seq: 2, connectionId: 'c1', wallTime: 1002, monoTime: 2002 });
    expect(read.problems).toEqual([expect.objectContaining({ kind: 'storage', detail: expect.objectContaining({ line: 3, bytes: long.length, maxLineBytes: 1_000 }) })]);
    expect(read.problems[0]!.message).toMatch(/Line 3 of the session file .* could not be read: it is 5\.\d KB long, more than the 1000 B a line may have/);
    expect(read.entries[2]).toEqual(stderr(3));
  });

  it('skips a real 80 MB line without holding it, streaming (the 600 MB line of issue 8, scaled)', async () => {
    const path = join(dir, 'big.ndjson');
    const out = createWriteStream(path);
    out.write(`${header}\n${JSON.stringify(stderr(1))}\n{"seq":2,"connectionId":"c1","wallTime":1,"monoTime":2,"type":"stderr","line":"`);
    const block = 'w'.repeat(1024 * 1024);
    for (let i = 0; i < 80; i++) if (!out.write(block)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    out.end(`"}\n${JSON.stringify(stderr(3))}\n`);
    await new Promise<void>((resolve) => out.once('finish', () => resolve()));
    expect((await stat(path)).size).toBeGreaterThan(80 * 1024 * 1024);

    const heapBefore = process.memoryUsage().heapUsed;
    const read = await readSessionFile(path, { maxLineBytes: 16 * 1024 * 1024 });
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * 1024 * 1024);
    expect(read.entries.map((e) => [e.seq, e.type])).toEqual([[1, 'stderr'], [2, 'lifecycle'], [3, 'stderr']]);
    expect(read.problems[0]!.message).toMatch(/Line 3 .* it is 80\.0 MB long, more than the 16\.0 MB a line may have/);
  });

  it('still refuses a file whose first line is not a session header, long or not', async () => {
    const path = join(dir, 'x.ndjson');
    await writeFile(path, `${'q'.repeat(3_000)}\n`);
    await expect(readSessionFile(path, { maxLineBytes: 1_000 })).rejects.toMatchObject({ info: { kind: 'storage' } });
  });
});

describe('session file: payloads stored once, any depth', () => {
  it('stores a message carried by an SSE event once, and reads it back whole', async () => {
    const path = join(dir, 'linked.ndjson');
    const payload = { jsonrpc: '2.0', id: 1, result: { text: 'p'.repeat(100_000) } };
    const data = JSON.stringify(payload);
    const event: TraceEntry = { seq: 1, connectionId: 'c1', wallTime: 1, monoTime: 1, type: 'sse-event', exchangeId: 'x', size: data.length, data };
    const msg: TraceEntry = { seq: 2, connectionId: 'c1', wallTime: 1, monoTime: 1, type: 'message', direction: 'incoming', messageKind: 'response', rpcId: 1, size: data.length, message: payload, sseEventSeq: 1 };
    const writer = await SessionFileWriter.open(path);
    writer.write(event);
    writer.write(msg);
    await writer.close();
    const text = await readFile(path, 'utf8');
    expect(text.split('p'.repeat(100_000)).length - 1).toBe(1);
    expect((await readSessionFile(path)).entries).toEqual([event, msg]);
    // For display, both come back cut to the entry cap, each saying where the whole is.
    const held = (await readSessionFile(path, { hold: HOLD })).entries;
    expect(held[1]).toMatchObject({ type: 'message', truncated: { reason: 'size', fullCopy: 'session-file' } });
    expect((held[1] as MessageEntry).message).toBe(data.slice(0, 1024));
  });

  it('keeps the payload when the event that carried it is not in the file', async () => {
    const path = join(dir, 'unlinked.ndjson');
    const payload = { jsonrpc: '2.0', id: 1, result: {} };
    const msg: TraceEntry = { seq: 2, connectionId: 'c1', wallTime: 1, monoTime: 1, type: 'message', direction: 'incoming', messageKind: 'response', size: 10, message: payload, sseEventSeq: 1 };
    const writer = await SessionFileWriter.open(path);
    writer.write(msg);
    await writer.close();
    expect((await readSessionFile(path)).entries).toEqual([msg]);
  });

  it('writes a message nested 100,000 levels deep whole, and shows it safely when read for display', async () => {
    const path = join(dir, 'deep.ndjson');
    const deep = JSON.parse(`{"jsonrpc":"2.0","id":1,"result":${deepText(100_000)}}`) as unknown;
    const msg = { seq: 1, connectionId: 'c1', wallTime: 1, monoTime: 1, type: 'message', direction: 'incoming', messageKind: 'response', size: 600_030, message: deep, depth: 100_002 } as TraceEntry;
    const writer = await SessionFileWriter.open(path);
    writer.write(msg);
    writer.write(stderr(2));
    await writer.close();
    expect(await readFile(path, 'utf8')).toContain(deepText(100_000));

    const full = await readSessionFile(path);
    expect(full.entries[1]).toEqual(stderr(2));
    const shown = await readSessionFile(path, { hold: { ...HOLD, entryCapBytes: 1024 * 1024 } });
    const held = shown.entries[0] as MessageEntry;
    expect(valueDepth(held.message)).toBe(DEPTH_PREVIEW_LEVELS);
    expect(held.truncated).toMatchObject({ reason: 'depth', depth: 100_002 });
    expect(() => structuredClone(shown)).not.toThrow();
  });

  it('finds the depth of a deep message written without it (another tool, an older version)', async () => {
    const path = join(dir, 'deep-unmarked.ndjson');
    const line = `{"seq":1,"connectionId":"c1","wallTime":1,"monoTime":1,"type":"message","direction":"incoming","messageKind":"notification","size":1,"message":{"jsonrpc":"2.0","method":"x","params":${deepText(5_000)}}}`;
    const client = `{"seq":2,"connectionId":"c1","wallTime":1,"monoTime":1,"type":"client-input","method":"m","answeredBy":"user","source":"s","outcome":"answered","request":${deepText(5_000)}}`;
    await writeFile(path, `${header}\n${line}\n${client}\n`);
    const shown = await readSessionFile(path, { hold: HOLD });
    expect(shown.entries[0]).toMatchObject({ depth: 5_001, truncated: { reason: 'depth' } });
    expect(valueDepth(shown.entries[1])).toBeLessThanOrEqual(500);
    expect(() => structuredClone(shown)).not.toThrow();
  });

  it('reads for display only the last entries within the count and byte window', async () => {
    const path = join(dir, 'window.ndjson');
    const writer = await SessionFileWriter.open(path);
    for (let i = 1; i <= 500; i++) writer.write(stderr(i, 'v'.repeat(10_000)));
    await writer.close();
    const shown = await readSessionFile(path, { hold: { entryCapBytes: 1024 * 1024, capacity: 100, budgetBytes: 200_000 } });
    expect(shown.entries.length).toBeLessThanOrEqual(20);
    expect(shown.entries.at(-1)!.seq).toBe(500);
    expect(shown.evicted).toBe(500 - shown.entries.length);
  });
});
