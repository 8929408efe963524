import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSessionFile } from '../../../main/core/capture/session-file';
import { ConnectionTrace } from '../../../main/core/connections/connection-trace';
import type { LifecycleEntry, MessageEntry, TraceEntry } from '../../../shared/model/trace';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'periscope-cap-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

function notification(i: number, text: string) {
  const message = { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: `${i} ${text}` } };
  return { type: 'message' as const, direction: 'incoming' as const, messageKind: 'notification' as const, method: 'notifications/message', size: JSON.stringify(message).length, message };
}

describe('session file size cap', () => {
  it('stops recording at the cap with a notice, never passes it, and the trace goes on in memory', async () => {
    const path = join(dir, 's.ndjson');
    const cap = 256 * 1024;
    const trace = new ConnectionTrace('c1', { label: 'cap test' }, { recordTo: path, sessionFileCapBytes: cap, entryCapBytes: 2_000 });
    await trace.open();
    const seen: TraceEntry[] = [];
    trace.bus.subscribe((e) => seen.push(e));
    for (let i = 0; i < 2_000; i++) {
      trace.bus.emit(notification(i, 'x'.repeat(i % 7 === 0 ? 5_000 : 300)));
      if (i % 100 === 0) await tick();
    }
    await tick();
    await trace.close();

    expect((await stat(path)).size).toBeLessThanOrEqual(cap);
    const notice = seen.find((e): e is LifecycleEntry => e.type === 'lifecycle' && e.recordingStopped !== undefined)!;
    expect(notice.text).toMatch(/Recording stopped: the session file reached its cap of 256\.0 KB/);
    const fromSeq = notice.recordingStopped!.fromSeq;
    expect(notice.recordingStopped).toMatchObject({ reason: 'cap', capBytes: cap, path });

    const { entries } = await readSessionFile(path);
    // The file holds every entry before the stop, in order, then the notice as its last line.
    expect(entries.slice(0, -1).map((e) => e.seq)).toEqual(Array.from({ length: fromSeq - 1 }, (_, i) => i + 1));
    expect(entries.at(-1)).toEqual(notice);
    // Memory got every entry, and its markers say truthfully where a whole payload is.
    expect(seen.filter((e) => e.type === 'message')).toHaveLength(2_000);
    const cut = seen.filter((e): e is MessageEntry => e.type === 'message' && e.truncated !== undefined);
    for (const entry of cut) expect(entry.truncated!.fullCopy).toBe(entry.seq < fromSeq ? 'session-file' : 'none');
    expect(cut.some((e) => e.seq < fromSeq) && cut.some((e) => e.seq > fromSeq)).toBe(true);
  });

  it('a cap is a cap whatever the entry: one entry bigger than the whole cap is not written', async () => {
    const path = join(dir, 'one.ndjson');
    const trace = new ConnectionTrace('c2', {}, { recordTo: path, sessionFileCapBytes: 64 * 1024 });
    await trace.open();
    trace.bus.emit(notification(1, 'small'));
    trace.bus.emit(notification(2, 'y'.repeat(200_000)));
    trace.bus.emit(notification(3, 'small again'));
    await tick();
    await trace.close();
    expect((await stat(path)).size).toBeLessThanOrEqual(64 * 1024);
    const text = await readFile(path, 'utf8');
    expect(text).toContain('1 small');
    expect(text).not.toContain('yyyy');
    expect(text).not.toContain('small again');
    expect(text).toMatch(/Recording stopped/);
  });

  it('releases the in-memory trace once closed, as the file has it', async () => {
    const path = join(dir, 'release.ndjson');
    const trace = new ConnectionTrace('c3', {}, { recordTo: path });
    expect(trace.release()).toBe(false);
    await trace.open();
    for (let i = 0; i < 50; i++) trace.bus.emit(notification(i, 'z'));
    await trace.close();
    expect(trace.sessionFile).toBe(path);
    expect(trace.release()).toBe(true);
    expect(trace.buffer.size).toBe(0);
    expect((await readSessionFile(path)).entries).toHaveLength(50);
  });
});
