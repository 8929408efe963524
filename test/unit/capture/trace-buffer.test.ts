import { describe, expect, it } from 'vitest';
import { TraceBuffer } from '../../../main/core/capture/trace-buffer';
import type { TraceEntry } from '../../../shared/model/trace';

function entry(seq: number): TraceEntry {
  return { type: 'stderr', seq, connectionId: 'c', wallTime: seq, monoTime: seq, line: `line ${seq}` };
}

describe('TraceBuffer', () => {
  it('defaults to 50,000 entries', () => {
    expect(new TraceBuffer().capacity).toBe(50_000);
  });

  it('keeps entries in order until full', () => {
    const buffer = new TraceBuffer(5);
    for (let i = 1; i <= 3; i++) buffer.push(entry(i));
    expect(buffer.entries().map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(buffer.size).toBe(3);
    expect(buffer.evicted).toBe(0);
  });

  it('evicts the oldest and counts what it evicted', () => {
    const buffer = new TraceBuffer(3);
    for (let i = 1; i <= 10; i++) buffer.push(entry(i));
    expect(buffer.entries().map((e) => e.seq)).toEqual([8, 9, 10]);
    expect(buffer.size).toBe(3);
    expect(buffer.evicted).toBe(7);
  });

  it('returns a copy and can be cleared', () => {
    const buffer = new TraceBuffer(2);
    buffer.push(entry(1));
    const snapshot = buffer.entries();
    buffer.push(entry(2));
    buffer.push(entry(3));
    expect(snapshot.map((e) => e.seq)).toEqual([1]);
    buffer.clear();
    expect(buffer.size).toBe(0);
    expect(buffer.evicted).toBe(0);
    expect(buffer.entries()).toEqual([]);
    buffer.push(entry(4));
    expect(buffer.entries().map((e) => e.seq)).toEqual([4]);
  });

  it('rejects a nonsensical capacity', () => {
    expect(() => new TraceBuffer(0)).toThrow(RangeError);
  });
});

describe('TraceBuffer byte budget', () => {
  const sized = (seq: number, bytes: number): TraceEntry => ({ type: 'stderr', seq, connectionId: 'c', wallTime: seq, monoTime: seq, line: 'x'.repeat(bytes) });

  it('evicts the oldest entries by bytes as well as by count', () => {
    const buffer = new TraceBuffer(1_000, 100_000);
    for (let i = 1; i <= 100; i++) buffer.push(sized(i, 10_000));
    expect(buffer.bytes).toBeLessThanOrEqual(100_000);
    expect(buffer.size).toBeLessThan(10);
    expect(buffer.entries().at(-1)!.seq).toBe(100);
    expect(buffer.evicted).toBe(100 - buffer.size);
  });

  it('keeps a single entry bigger than the whole budget (the latest is always visible)', () => {
    const buffer = new TraceBuffer(10, 1_000);
    buffer.push(sized(1, 10));
    buffer.push(sized(2, 50_000));
    expect(buffer.entries().map((e) => e.seq)).toEqual([2]);
    buffer.push(sized(3, 10));
    expect(buffer.entries().map((e) => e.seq)).toEqual([3]);
  });

  it('stays bounded under 10,000 one-megabyte entries (a cap is a cap whatever the volume)', () => {
    const buffer = new TraceBuffer(50_000, 8 * 1024 * 1024);
    const line = 'y'.repeat(1024 * 1024);
    for (let i = 1; i <= 10_000; i++) buffer.push({ type: 'stderr', seq: i, connectionId: 'c', wallTime: i, monoTime: i, line });
    expect(buffer.bytes).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(buffer.size).toBe(7);
    buffer.clear();
    expect(buffer.bytes).toBe(0);
  });
});
