import { describe, expect, it } from 'vitest';
import { compareLoadRuns, formatFigureChange } from '../../../shared/load/load-compare';
import type { LoadResult } from '../../../main/core/load/load-run';

const figures = (p50: number) => ({ min: 1, mean: p50, p50, p90: p50 * 2, p95: p50 * 3, p99: p50 * 4, p999: p50 * 5, max: p50 * 6 });

describe('comparing two load runs', () => {
  it('gives each figure before and now with its change, and says it in words', () => {
    const before = { count: 100, ok: 98, throughputPerS: 200, latency: figures(10) };
    const now: LoadResult = { count: 100, ok: 100, errors: {}, durationMs: 400, throughputPerS: 250, latency: figures(8), cancelled: false };
    const changes = compareLoadRuns(before, now);
    expect(changes.map((c) => [c.figure, c.before, c.now])).toEqual([
      ['throughput', 200, 250],
      ['p50', 10, 8],
      ['p90', 20, 16],
      ['p99', 40, 32],
      ['p99.9', 50, 40],
      ['max', 60, 48],
      ['failed', 2, 0],
    ]);
    expect(changes.map(formatFigureChange)).toEqual([
      'throughput: 200.0 requests/s → 250.0 requests/s (+25.0 %)',
      'p50: 10.0 ms → 8.00 ms (−20.0 %)',
      'p90: 20.0 ms → 16.0 ms (−20.0 %)',
      'p99: 40.0 ms → 32.0 ms (−20.0 %)',
      'p99.9: 50.0 ms → 40.0 ms (−20.0 %)',
      'max: 60.0 ms → 48.0 ms (−20.0 %)',
      'failed: 2 → 0 (−100.0 %)',
    ]);
  });

  it('leaves out what a run lacks, and has no percentage from zero', () => {
    const before = { count: 3, ok: 0, throughputPerS: 0 };
    const now: LoadResult = { count: 3, ok: 3, errors: {}, durationMs: 10, throughputPerS: 300, latency: figures(1), cancelled: false };
    const changes = compareLoadRuns(before, now);
    expect(changes.map((c) => c.figure)).toEqual(['throughput', 'failed']);
    expect(changes[0]!.change).toBeNull();
    expect(formatFigureChange(changes[0]!)).toBe('throughput: 0.0 requests/s → 300.0 requests/s');
  });
});
