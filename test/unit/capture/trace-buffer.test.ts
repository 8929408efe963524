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
