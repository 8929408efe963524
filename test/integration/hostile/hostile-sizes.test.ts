// Issue 8, sizes: a big answer is stored once and held cut in memory; a closed connection's trace
// lives on disk, not in the heap; a session file stops at its cap while the connection goes on.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TraceSnapshot, type MainEvent } from '../../../shared/ipc/contract';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { LifecycleEntry, MessageEntry, SseEventEntry, TraceEntry } from '../../../shared/model/trace';
import { readSessionFile } from '../../../main/core/capture/session-file';
import { BIG_TEXT_CHAR, startHostileShapesServer } from '../../fixtures/sdk-servers/misbehaving/hostile-shapes-fixture';
import { until } from '../connections/connection-test-support';
import { startTestCore, type TestCore } from './app-core-support';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});
async function setup(options: Parameters<typeof startHostileShapesServer>[0]) {
  const server = await startHostileShapesServer(options);
  cleanups.push(() => server.close());
  const test: TestCore = await startTestCore();
  cleanups.push(() => test.close());
  const opened = await test.call('connections:open', { remoteId: await test.remote('hostile', server.url) });
  const info = (opened as { value: ConnectionInfo }).value;
  expect(info.state).toBe('connected');
  return { server, test, connectionId: info.connectionId };
}

const BIG = 24 * 1024 * 1024;
const run = (n: number) => BIG_TEXT_CHAR.repeat(n);

describe('big answers', () => {
  it('a 24 MB answer: the call gets it whole, memory keeps 1 MiB copies, the session file stores it once', async () => {
    const { test, connectionId } = await setup({ bigBytes: BIG });
    const result = await test.call('connections:call-tool', { connectionId, name: 'big' });
    expect(((result as { value: { result: { content: Array<{ text: string }> } } }).value.result.content[0]!.text).length).toBe(BIG);

    const connection = test.core.manager.get(connectionId)!;
    const held = connection.buffer.entries();
    const event = held.find((e): e is SseEventEntry => e.type === 'sse-event' && e.size > BIG)!;
    const message = held.find((e): e is MessageEntry => e.type === 'message' && e.method === 'tools/call' && e.direction === 'incoming')!;
    for (const entry of [event, message]) expect(entry.truncated).toMatchObject({ reason: 'size', fullCopy: 'session-file', keptBytes: 1024 * 1024 });
    expect(message.truncated!.note).toBe('truncated: 24.0 MB, the first 1.0 MB kept here; the full copy is in the session file');
    expect(message.sseEventSeq).toBe(event.seq);
    expect(connection.buffer.bytes).toBeLessThan(4 * 1024 * 1024);
    // What the window receives is the cut copy too.
    const traced = test.events.filter((e): e is Extract<MainEvent, { type: 'trace' }> => e.type === 'trace').flatMap((e) => e.entries);
    expect(traced.every((e) => JSON.stringify(e).length < 2 * 1024 * 1024)).toBe(true);

    await connection.trace.flush();
    const file = connection.trace.sessionFile!;
    const text = await readFile(file, 'utf8');
    expect(text.split(run(1024 * 1024)).length - 1).toBe(24); // the 24 MB run appears once, not twice
    expect((await stat(file)).size).toBeLessThan(BIG * 1.1);
    const whole = (await readSessionFile(file)).entries.find((e): e is MessageEntry => e.type === 'message' && e.seq === message.seq)!;
    expect((whole.message as { result: { content: Array<{ text: string }> } }).result.content[0]!.text).toBe(run(BIG));
  });

  it('closing releases the trace from memory; the closed tab reads it back from disk, and saving copies the file whole', async () => {
    const { test, connectionId } = await setup({ bigBytes: 4 * 1024 * 1024 });
    await test.call('connections:call-tool', { connectionId, name: 'big' });
    const connection = test.core.manager.get(connectionId)!;
    const before = TraceSnapshot.parse((await test.call('trace:snapshot', { connectionId }) as { value: unknown }).value);

    expect(await test.call('connections:close', { connectionId })).toEqual({ ok: true, value: undefined });
    expect(connection.buffer.size).toBe(0);
    expect(connection.trace.released).toBe(true);
    const after = TraceSnapshot.parse((await test.call('trace:snapshot', { connectionId }) as { value: unknown }).value);
    // Everything the live view had, plus the closing entries, now read from the file (cut the same way).
    expect(after.entries.slice(0, before.entries.length).map((e) => [e.seq, e.type])).toEqual(before.entries.map((e) => [e.seq, e.type]));
    const answer = after.entries.find((e): e is MessageEntry => e.type === 'message' && e.method === 'tools/call' && e.direction === 'incoming')!;
    expect(answer.truncated).toMatchObject({ reason: 'size', fullCopy: 'session-file' });
    expect((answer.message as string).startsWith('{"jsonrpc":"2.0"')).toBe(true);
    expect(after.entries.at(-1)).toMatchObject({ type: 'lifecycle', state: 'closed' });

    // Saving copies the recorded file: every entry, the 4 MB payload whole.
    test.dialogAnswer.path = join(test.dir, 'saved.ndjson');
    const saved = await test.call('session:save', { connectionId });
    expect(saved).toEqual({ ok: true, value: { cancelled: false, path: test.dialogAnswer.path, count: after.entries.length } });
    const copy = (await readSessionFile(test.dialogAnswer.path)).entries;
    const whole = copy.find((e): e is MessageEntry => e.type === 'message' && e.seq === answer.seq)!;
    expect((whole.message as { result: { content: Array<{ text: string }> } }).result.content[0]!.text).toBe(run(4 * 1024 * 1024));

    // Opening the saved file offline shows it cut the same way, never whole in the window.
    const opened = await test.call('session:open', undefined);
    const shown = (opened as { value: { entries: TraceEntry[]; evicted: number; problems: unknown[] } }).value;
    expect(shown.entries.map((e) => e.seq)).toEqual(after.entries.map((e) => e.seq));
    expect(shown).toMatchObject({ evicted: 0, problems: [] });
    expect(shown.entries.find((e) => e.seq === answer.seq)).toMatchObject({ truncated: { reason: 'size' } });
  });
});

describe('a big handshake', () => {
  it('3 MB capabilities and instructions: the connection info stays small, the trace keeps the answer', async () => {
    const { test, connectionId } = await setup({ handshakeBytes: 3 * 1024 * 1024 });
    const listed = (await test.call('connections:list', undefined)) as { value: ConnectionInfo[] };
    const info = listed.value.find((i) => i.connectionId === connectionId)!;
    expect(JSON.stringify(info).length).toBeLessThan(100 * 1024);
    expect(info.capabilities).toEqual({ tools: { '[cut]': expect.stringMatching(/the capabilities take 3\.0 MB/) }, experimental: { '[cut]': expect.any(String) } });
    expect(info.instructions).toMatch(/^i+… \(cut: the instructions are 3\.0 MB; the handshake answer in the trace has them whole\)$/);
    const connection = test.core.manager.get(connectionId)!;
    const answer = connection.buffer.entries().find((e): e is MessageEntry => e.type === 'message' && e.method === 'initialize' && e.direction === 'incoming')!;
    expect(answer.truncated).toMatchObject({ reason: 'size', fullCopy: 'session-file' });
    for (const entry of connection.buffer.entries()) expect(JSON.stringify(entry).length).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('session file cap', () => {
  it('an endless event stream: recording stops at the cap with a notice, the file stays under it, the connection goes on', async () => {
    const server = await startHostileShapesServer({ endlessStream: true });
    cleanups.push(() => server.close());
    const test = await startTestCore();
    cleanups.push(() => test.close());
    expect(await test.call('settings:update', { patch: { sessionFileCapMB: 1 } })).toEqual({ ok: true, value: { sessionFileCapMB: 1 } });
    const opened = await test.call('connections:open', { remoteId: await test.remote('endless', server.url) });
    const { connectionId } = (opened as { value: ConnectionInfo }).value;

    await until(() => test.events.some((e) => e.type === 'notice' && /Recording stopped/.test(e.message)), 'the cap notice', 20_000);
    const notice = test.events.find((e): e is Extract<MainEvent, { type: 'notice' }> => e.type === 'notice' && /Recording stopped/.test(e.message))!;
    expect(notice).toMatchObject({ level: 'warning', message: expect.stringMatching(/reached its cap of 1\.0 MB .*The connection goes on/) });
    const connection = test.core.manager.get(connectionId)!;
    const seqAtStop = connection.bus.peekNextSeq();
    await until(() => connection.bus.peekNextSeq() > seqAtStop + 100, 'more entries after the stop');
    expect(await test.call('connections:ping', { connectionId })).toMatchObject({ ok: true });
    expect(connection.info().state).toBe('connected');

    const file = connection.trace.sessionFile!;
    await test.call('connections:close', { connectionId });
    expect((await stat(file)).size).toBeLessThanOrEqual(1024 * 1024);
    const { entries } = await readSessionFile(file);
    const last = entries.at(-1) as LifecycleEntry;
    expect(last.recordingStopped).toMatchObject({ reason: 'cap', capBytes: 1024 * 1024 });
    expect(entries.filter((e: TraceEntry) => e.type === 'message').length).toBeGreaterThan(100);
    expect(file.startsWith(join(test.sessionDir))).toBe(true);
  });
});
