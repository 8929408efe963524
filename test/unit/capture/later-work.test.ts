import { describe, expect, it } from 'vitest';
import { LaterWork } from '../../../main/core/capture/later-work';
import { createRecordingFetch } from '../../../main/core/capture/recording-fetch';
import { redactorForHeaders } from '../../../main/core/capture/redaction';
import { TraceBus } from '../../../main/core/capture/trace-bus';
import { TraceBuffer } from '../../../main/core/capture/trace-buffer';
import type { HttpEntry, TraceEntry } from '../../../shared/model/trace';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('LaterWork', () => {
  it('runs nothing at once, then everything at the next turn of the event loop, in the order queued', async () => {
    const later = new LaterWork();
    const ran: string[] = [];
    later.add(() => ran.push('a'));
    later.add(() => ran.push('b'));
    await Promise.resolve();
    expect(ran).toEqual([]);
    expect(later.pending).toBe(2);
    await nextTurn();
    expect(ran).toEqual(['a', 'b']);
    expect(later.pending).toBe(0);
  });

  it('settle() runs it now, work queued by work included, and the turn after runs nothing twice', async () => {
    const later = new LaterWork();
    const ran: string[] = [];
    later.add(() => {
      ran.push('a');
      later.add(() => ran.push('queued by a'));
      later.settle(); // nested: must not run b before a has finished
      ran.push('a done');
    });
    later.add(() => ran.push('b'));
    later.settle();
    expect(ran).toEqual(['a', 'a done', 'b', 'queued by a']);
    await nextTurn();
    expect(ran).toHaveLength(4);
  });

  it('a piece of work that throws is dropped; the rest still runs', () => {
    const later = new LaterWork();
    const ran: string[] = [];
    later.add(() => {
      throw new Error('broken');
    });
    later.add(() => ran.push('after'));
    expect(() => later.settle()).not.toThrow();
    expect(ran).toEqual(['after']);
  });
});

describe('the recording fetch leaves its bookkeeping for later, and readers never see the trace behind', () => {
  const answer = '{"jsonrpc":"2.0","id":1,"result":{"token":"s3cr3t-value"}}';
  const setUp = () => {
    const redactor = redactorForHeaders([]);
    redactor.addSecretValue('s3cr3t-value');
    const bus = new TraceBus('c', redactor);
    const buffer = new TraceBuffer(100, 1_000_000, () => bus.settle());
    const seen: TraceEntry[] = [];
    bus.subscribe((entry) => {
      seen.push(entry);
      buffer.push(entry);
    });
    const fetch = createRecordingFetch(bus, redactor, {
      baseFetch: async () => new Response(answer, { headers: { 'content-type': 'application/json' } }),
    });
    return { bus, buffer, seen, fetch };
  };
  const post = (body: string) => ({ method: 'POST', headers: { authorization: 'Bearer s3cr3t-value' }, body });

  it('a JSON answer reaches the caller before its entry is made; the entry keeps its times and is masked', async () => {
    const { seen, fetch } = setUp();
    const before = Date.now();
    const response = await fetch('http://127.0.0.1:1/mcp', post('{"jsonrpc":"2.0","id":1,"method":"ping"}'));
    expect(await response.text()).toBe(answer);
    expect(seen).toEqual([]);
    await nextTurn();
    const [entry] = seen as HttpEntry[];
    expect(entry).toMatchObject({ phase: 'complete', status: 200, method: 'POST' });
    expect(entry!.requestHeaders.authorization).not.toContain('s3cr3t-value');
    expect(entry!.responseBody).not.toContain('s3cr3t-value');
    expect(entry!.requestBody).toBe('{"jsonrpc":"2.0","id":1,"method":"ping"}');
    // Stamped when the body was read, not when the entry was made.
    expect(entry!.monoTime).toBe(entry!.timings.done);
    expect(entry!.wallTime).toBeGreaterThanOrEqual(before);
  });

  it('reading the buffer, or settling the bus, makes every entry at once and in order', async () => {
    const { bus, buffer, seen, fetch } = setUp();
    await fetch('http://127.0.0.1:1/mcp', post('{"jsonrpc":"2.0","id":1,"method":"ping"}'));
    await fetch('http://127.0.0.1:1/mcp', post('{"jsonrpc":"2.0","id":2,"method":"ping"}'));
    const entries = buffer.entries() as HttpEntry[];
    expect(entries.map((e) => JSON.parse(e.requestBody!).id)).toEqual([1, 2]);
    await fetch('http://127.0.0.1:1/mcp', post('{"jsonrpc":"2.0","id":3,"method":"ping"}'));
    bus.settle();
    expect(seen).toHaveLength(3);
  });
});

describe('TraceBus.settle', () => {
  it('waits while an entry is being delivered, so every listener gets the entries in seq order', async () => {
    const bus = new TraceBus('c', redactorForHeaders([]));
    const firstListener: number[] = [];
    const lastListener: number[] = [];
    bus.subscribe((entry) => {
      firstListener.push(entry.seq);
      bus.settle(); // a listener that reads what the entries feed
    });
    bus.subscribe((entry) => lastListener.push(entry.seq));
    bus.later(() => bus.emit({ type: 'lifecycle', state: 'info', text: 'queued' }));
    bus.emit({ type: 'lifecycle', state: 'info', text: 'now' });
    expect(lastListener).toEqual([1]);
    bus.settle();
    expect(firstListener).toEqual([1, 2]);
    expect(lastListener).toEqual([1, 2]);
  });
});
