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

  it('grows while it fills and keeps order across the growth and the wrap', () => {
    const ring = new LatencySampleRing(5000);
    for (let i = 0; i < 3000; i++) ring.add(i, i, 'm');
    expect(ring.since().at).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    for (let i = 3000; i < 6500; i++) ring.add(i, i, 'm');
    const kept = ring.since();
    expect(kept.from).toBe(1500);
    expect(kept.at).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1500));
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

describe('the percentile curve', () => {
  it('gives each method its latency at every percentile of the axis: its max from the percentile its samples resolve, flat to the right edge', async () => {
    const { percentileCurves, ninesLabel, CURVE_MAX_NINES } = await import('../../../renderer/workbench/latency-chart-data');
    // 1,000 samples 1..1000 ms for tools/call, 5 for ping.
    const at = Array.from({ length: 1005 }, (_, i) => i);
    const latencyMs = [...Array.from({ length: 1000 }, (_, i) => i + 1), 7, 7, 7, 7, 9];
    const method = [...Array<number>(1000).fill(0), ...Array<number>(5).fill(1)];
    const curves = percentileCurves({ methods: ['tools/call', 'ping'], from: 0, next: 1005, at, latencyMs, method });
    expect(curves.methods).toEqual(['tools/call', 'ping']);
    const [xs, call, ping] = curves.columns;
    expect(xs[0]).toBe(0);
    expect(xs.at(-1)).toBe(CURVE_MAX_NINES);
    const at_ = (nines: number, column: Array<number | null>) => column[xs.findIndex((x) => Math.abs(x - nines) < 1e-9)];
    expect(at_(0, call!)).toBe(1);
    expect(at_(1, call!)).toBe(900);
    expect(at_(2, call!)).toBe(990);
    expect(at_(3, call!)).toBe(999);
    // Past p99.9 every percentile of 1,000 samples is the max: the curve steps up to it at p99.9 and runs flat at it.
    expect(call![xs.lastIndexOf(3)]).toBe(1000);
    expect(at_(3.5, call!)).toBe(1000);
    expect(at_(4, call!)).toBe(1000);
    // 5 samples: p0 is the fastest; the max from p80 (log10 5 nines) to the right edge.
    expect(at_(0, ping!)).toBe(7);
    expect(at_(Math.log10(5), ping!)).toBe(9);
    expect(at_(1, ping!)).toBe(9);
    expect(at_(2, ping!)).toBe(9);
    expect(at_(4, ping!)).toBe(9);
    expect([call, ping].every((column) => column!.every((v) => v !== null))).toBe(true);
    expect([ninesLabel(0), ninesLabel(1), ninesLabel(2), ninesLabel(3), ninesLabel(Math.log10(2)), ninesLabel(Math.log10(8))]).toEqual(['p0', 'p90', 'p99', 'p99.9', 'p50', 'p87.5']);
  });
});
