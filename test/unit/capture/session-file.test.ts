import { WriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readSessionFile, SESSION_FORMAT, SessionFileWriter } from '../../../main/core/capture/session-file';
import { TraceBuffer } from '../../../main/core/capture/trace-buffer';
import { Redactor } from '../../../main/core/capture/redaction';
import { TraceBus } from '../../../main/core/capture/trace-bus';
import { attachRecorder } from '../../../main/core/capture/trace-recorder';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import type { TraceEntry } from '../../../shared/model/trace';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'periscope-session-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** One entry of every type, with optional fields, nested values, unicode and fractional times. */
function sampleEntries(): TraceEntry[] {
  const base = { connectionId: 'conn-1', wallTime: 1_700_000_000_123, monoTime: 1_700_000_000_123.456 };
  return [
    { ...base, seq: 1, type: 'lifecycle', state: 'connecting', text: 'Connecting to http://127.0.0.1/mcp' },
    {
      ...base, seq: 2, type: 'http', exchangeId: 'x1', phase: 'complete', method: 'POST', url: 'http://127.0.0.1/mcp',
      status: 200, statusText: 'OK', requestHeaders: { authorization: 'Bearer [redacted]' }, responseHeaders: { 'content-type': 'application/json' },
      requestBody: '{"a":1}', responseBody: 'é ✓ 😀', bodyTruncated: true, timings: { sent: 1.5, headers: 2.25, done: 3.125 },
    },
    { ...base, seq: 3, type: 'sse-event', exchangeId: 'x1', eventId: '7', event: 'message', retry: 1000, size: 5, data: 'hello' },
    {
      ...base, seq: 4, type: 'message', direction: 'incoming', messageKind: 'response', rpcId: 3, method: 'tools/call', size: 44,
      message: { jsonrpc: '2.0', id: 3, result: { content: [{ type: 'text', text: 'line\nbreak "quoted"' }], nested: { deep: [1, null, true] } } },
      requestSeq: 2, latencyMs: 0.123456789,
    },
    { ...base, seq: 5, type: 'websocket', event: 'close', closeCode: 1006, closeReason: 'abnormal' },
    { ...base, seq: 6, type: 'stderr', line: '  warning: something\t' },
    {
      ...base, seq: 7, type: 'lifecycle', state: 'error', text: 'failed',
      error: { kind: 'refused', message: 'refused', hint: 'start it', detail: { port: 1 } },
    },
  ];
}

async function writeAll(path: string, entries: TraceEntry[], meta?: object): Promise<void> {
  const writer = await SessionFileWriter.open(path, meta);
  for (const e of entries) writer.write(e);
  await writer.close();
}

function expectStorageError(error: unknown, pattern: RegExp): void {
  expect(isPeriscopeError(error)).toBe(true);
  if (!isPeriscopeError(error)) return;
  expect(error.info.kind).toBe('storage');
  expect(error.info.message).toMatch(pattern);
  expect(error.info.hint.length).toBeGreaterThan(0);
}

describe('session file', () => {
  it('round-trips every entry exactly, with a versioned header', async () => {
    const path = join(dir, 'nested', 'session.ndjson');
    const entries = sampleEntries();
    await writeAll(path, entries, { label: 'demo' });

    const text = await readFile(path, 'utf8');
    const firstLine = JSON.parse(text.split('\n')[0]!) as Record<string, unknown>;
    expect(firstLine).toMatchObject({ format: SESSION_FORMAT, version: 1, app: { name: 'MCP Periscope' }, meta: { label: 'demo' } });
    expect(typeof firstLine.createdAt).toBe('number');
    expect(text.trim().split('\n')).toHaveLength(entries.length + 1);

    const read = await readSessionFile(path);
    expect(read.entries).toEqual(entries);
    expect(read.header.meta).toEqual({ label: 'demo' });
  });

  it('uses the app named in meta for the header', async () => {
    const path = join(dir, 's.ndjson');
    await writeAll(path, [], { app: { name: 'MCP Periscope', version: '9.9.9' } });
    const { header, entries } = await readSessionFile(path);
    expect(header.app).toEqual({ name: 'MCP Periscope', version: '9.9.9' });
    expect(header.meta).toBeUndefined();
    expect(entries).toEqual([]);
  });

  it('flush() puts everything written so far on disk while the writer stays open', async () => {
    const path = join(dir, 's.ndjson');
    const writer = await SessionFileWriter.open(path);
    const entries = sampleEntries();
    for (const e of entries) writer.write(e);
    await writer.flush();
    expect((await readSessionFile(path)).entries).toEqual(entries);
    await writer.close();
  });

  it('writes entries queued over many ticks in one write to the file, and all of them land without a flush', async () => {
    const path = join(dir, 's.ndjson');
    const writer = await SessionFileWriter.open(path);
    const writes = vi.spyOn(WriteStream.prototype, 'write');
    try {
      const entries = sampleEntries();
      for (const e of entries) {
        writer.write(e);
        // A tick apart, as a connection's entries arrive: each tick used to cost its own write.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await vi.waitFor(() => expect(writes).toHaveBeenCalled(), { timeout: 2_000, interval: 10 });
      expect(writes).toHaveBeenCalledTimes(1);
      await vi.waitFor(async () => expect((await readSessionFile(path)).entries).toEqual(entries), { timeout: 2_000, interval: 20 });
    } finally {
      writes.mockRestore();
      await writer.close();
    }
  });

  it('reads the rest of a file whose last line is cut short, and reports that line', async () => {
    const path = join(dir, 's.ndjson');
    const entries = sampleEntries();
    await writeAll(path, entries);
    await appendFile(path, '{"seq":8,"type":"stderr","connectionId":"conn-1","li');
    const read = await readSessionFile(path);
    expect(read.entries.slice(0, entries.length)).toEqual(entries);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ kind: 'storage', detail: { line: entries.length + 2 } });
    expect(read.problems[0]!.message).toMatch(/Line 9 .* cut short: the file ends in the middle of it/);
    // The seq the cut line starts with stays with its error entry.
    expect(read.entries.at(-1)).toMatchObject({ type: 'lifecycle', state: 'error', seq: 8, error: { kind: 'storage' } });
  });

  // Every kind of damaged line, anywhere in the file (the middle, or last with or without its
  // newline): skipped, named by number with its reason, the rest read.
  const damagedLines: Array<[string, string, RegExp]> = [
    ['not JSON', '{"seq":4,broken', /it is not JSON/],
    ['JSON but not an object', '[1,2,3]', /not a JSON object/],
    ['a number', '42', /not a JSON object/],
    ['no type', '{"seq":"x","kind":123}', /it has no "type"/],
    ['an unknown type', '{"seq":9,"type":"telepathy","connectionId":"c","wallTime":1,"monoTime":1}', /entry type "telepathy" is not one this version/],
    ['a seq that is not a whole number', '{"seq":"x","type":"stderr","connectionId":"c","wallTime":1,"monoTime":1,"line":"l"}', /"seq" is not a whole number/],
    ['no connectionId', '{"seq":9,"type":"stderr","wallTime":1,"monoTime":1,"line":"l"}', /"connectionId" is not text/],
    ['a wallTime that is text', '{"seq":9,"type":"stderr","connectionId":"c","wallTime":"now","monoTime":1,"line":"l"}', /"wallTime" is not a number/],
    ['no monoTime', '{"seq":9,"type":"stderr","connectionId":"c","wallTime":1,"line":"l"}', /"monoTime" is not a number/],
    ['nested 100,000 levels deep', `{"seq":1,"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, /it has no "type"/],
  ];
  for (const [what, line, why] of damagedLines) {
    for (const where of ['middle', 'last', 'last, without its newline'] as const) {
      it(`reports a damaged line (${what}; ${where}) and reads the rest`, async () => {
        const path = join(dir, 's.ndjson');
        const entries = sampleEntries();
        await writeAll(path, entries);
        const lines = (await readFile(path, 'utf8')).split('\n').slice(0, -1);
        const at = where === 'middle' ? 3 : lines.length;
        lines.splice(at, 0, line);
        await writeFile(path, lines.join('\n') + (where === 'last, without its newline' ? '' : '\n'));
        for (const hold of [undefined, { entryCapBytes: 1024, capacity: 100, budgetBytes: 1 << 20 }]) {
          const read = await readSessionFile(path, hold ? { hold } : {});
          expect(read.problems, `${where}, hold ${String(!!hold)}`).toHaveLength(1);
          expect(read.problems[0]).toMatchObject({ kind: 'storage', detail: { line: at + 1 } });
          expect(read.problems[0]!.message).toMatch(new RegExp(`^Line ${at + 1} of the session file .* could not be read: `));
          // Text that is not JSON and ends the file without a newline is a line the writer was cut off in.
          expect(read.problems[0]!.message).toMatch(where === 'last, without its newline' && what === 'not JSON' ? /cut short/ : why);
          expect(read.entries.filter((e) => !(e.type === 'lifecycle' && e.error?.kind === 'storage'))).toEqual(entries);
        }
      });
    }
  }

  it('reads a file that starts with a UTF-8 byte order mark', async () => {
    const path = join(dir, 's.ndjson');
    const entries = sampleEntries();
    await writeAll(path, entries);
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await readFile(path)]));
    const read = await readSessionFile(path);
    expect(read.entries).toEqual(entries);
    expect(read.problems).toEqual([]);
  });

  it('says a folder given as the session file is a folder, and to give the file inside it', async () => {
    const error = await readSessionFile(dir).catch((e: unknown) => e);
    expectStorageError(error, /is a folder, not a session file/);
    expect(isPeriscopeError(error) && error.info.hint).toMatch(/session file inside it/);
    expect(isPeriscopeError(error) && error.info.message).not.toMatch(/EISDIR|illegal operation/);
  });

  it('reads a final line that lacks only its newline', async () => {
    const path = join(dir, 's.ndjson');
    const entries = sampleEntries();
    await writeAll(path, entries);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace(/\n$/, ''));
    expect((await readSessionFile(path)).entries).toEqual(entries);
  });

  it('turns a damaged line in the middle into a storage error entry naming it, and reads on', async () => {
    const path = join(dir, 's.ndjson');
    const entries = sampleEntries();
    await writeAll(path, entries);
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[2] = '{oops';
    await writeFile(path, lines.join('\n'));
    const read = await readSessionFile(path);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ kind: 'storage', detail: { line: 3 } });
    expect(read.problems[0]!.message).toMatch(/Line 3 .*it is not JSON/);
    // Line 3 held entry seq 2: every other entry is there, and the error stands in its place.
    expect(read.entries.map((e) => e.type)).toEqual(['lifecycle', 'lifecycle', ...entries.slice(2).map((e) => e.type)]);
    expect(read.entries[1]).toMatchObject({ type: 'lifecycle', state: 'error', error: { kind: 'storage' } });
    expect(read.entries.slice(2)).toEqual(entries.slice(2));
  });

  it('rejects a file from a newer format version with a clear message', async () => {
    const path = join(dir, 's.ndjson');
    await writeFile(path, `${JSON.stringify({ format: SESSION_FORMAT, version: 2, createdAt: 1, app: { name: 'MCP Periscope', version: '5.0.0' } })}\n`);
    const error = await readSessionFile(path).catch((e: unknown) => e);
    expectStorageError(error, /newer MCP Periscope.*version 2/);
  });

  it('rejects files that are not sessions', async () => {
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      ['not json at all\n', /not JSON/],
      [`${JSON.stringify({ format: 'something-else', version: 1 })}\n`, /session format/],
      [`${JSON.stringify({ format: SESSION_FORMAT, version: 1 })}\n`, /damaged/],
    ];
    for (const [content, pattern] of cases) {
      const path = join(dir, 'bad.ndjson');
      await writeFile(path, content);
      expectStorageError(await readSessionFile(path).catch((e: unknown) => e), pattern);
    }
  });

  it('reports a missing file as not-found', async () => {
    const error = await readSessionFile(join(dir, 'missing.ndjson')).catch((e: unknown) => e);
    expect(isPeriscopeError(error) && error.info.kind).toBe('not-found');
  });

  it('reports an unwritable location as a storage error', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'x');
    const error = await SessionFileWriter.open(join(blocker, 'session.ndjson')).catch((e: unknown) => e);
    expectStorageError(error, /Could not create the session file/);
  });

  it('reports a disk that fails mid-session (ENOSPC) as a storage error on flush', async () => {
    const writer = await SessionFileWriter.open('/dev/full');
    for (const e of sampleEntries()) writer.write(e);
    expectStorageError(await writer.flush().catch((e: unknown) => e), /Could not write the session file \/dev\/full/);
    expect(writer.error?.info.kind).toBe('storage');
    writer.write(sampleEntries()[0]!); // dropped quietly, never throws
    await writer.close().catch(() => undefined);
  });

  it('keeps on disk everything the buffer evicts', async () => {
    const path = join(dir, 's.ndjson');
    const bus = new TraceBus('conn-evict', new Redactor());
    const buffer = new TraceBuffer(100);
    const file = await SessionFileWriter.open(path);
    const detach = attachRecorder(bus, { buffer, file });
    const emitted: TraceEntry[] = [];
    for (let i = 0; i < 1_000; i++) emitted.push(bus.emit({ type: 'stderr', line: `line ${i}` }));
    detach();
    bus.emit({ type: 'stderr', line: 'after detach' });
    await file.close();

    expect(buffer.size).toBe(100);
    expect(buffer.evicted).toBe(900);
    expect(buffer.entries()).toEqual(emitted.slice(900));
    const { entries } = await readSessionFile(path);
    expect(entries).toEqual(emitted);
  });
});
