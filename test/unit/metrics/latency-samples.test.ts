import { describe, expect, it } from 'vitest';
import { LatencySampleRing } from '../../../main/core/metrics/latency-samples';
import { mergeSamples } from '../../../renderer/stores/metrics-store';
import { chartData } from '../../../renderer/workbench/latency-chart-data';

describe('the samples behind the latency charts', () => {
  it('a ring keeps the latest samples, numbered, and hands out those after a given number', () => {
    const ring = new LatencySampleRing(4);
    for (let i = 0; i < 6; i++) ring.add(1000 + i, i + 0.5, i % 2 === 0 ? 'tools/call' : 'ping');
    const all = ring.since();
    expect(all).toMatchObject({ from: 2, next: 6, methods: ['tools/call', 'ping'], at: [1002, 1003, 1004, 1005], latencyMs: [2.5, 3.5, 4.5, 5.5], method: [0, 1, 0, 1] });
    expect(ring.since(5)).toMatchObject({ from: 5, next: 6, at: [1005] });
    expect(ring.since(6).at).toEqual([]);
    // Asked from before the oldest kept: from says where the answer really starts.
    expect(ring.since(0).from).toBe(2);
  });

  it('the window appends what is new and starts again after a gap', () => {
    const ring = new LatencySampleRing(10);
    ring.add(1, 1, 'a');
    const first = ring.since();
    ring.add(2, 2, 'b');
    const merged = mergeSamples(first, ring.since(first.next));
    expect(merged).toMatchObject({ from: 0, next: 2, at: [1, 2], method: [0, 1], methods: ['a', 'b'] });
    // A gap (the window missed samples main no longer keeps): the new answer replaces what was held.
    expect(mergeSamples(first, { ...ring.since(1), from: 5 }).from).toBe(5);
  });

  it('chart data: seconds on x in time order, one column per method present, null where another method sits', () => {
    const data = chartData({ methods: ['tools/call', 'ping', 'unused'], from: 0, next: 3, at: [3000, 1000, 2000], latencyMs: [30, 10, 20], method: [0, 1, 0] });
    expect(data.methods).toEqual(['tools/call', 'ping']);
    expect(data.columns).toEqual([
      [1, 2, 3],
      [null, 20, 30],
      [10, null, null],
    ]);
  });
});
