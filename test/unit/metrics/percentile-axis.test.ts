import { describe, expect, it } from 'vitest';
import { ninesLabel } from '../../../renderer/workbench/latency-chart-data';
import { percentileAxisSplits } from '../../../renderer/workbench/percentile-axis';

/** The percentile curve's x axis labels, whole and zoomed in (x in nines). */
describe('the percentile axis labels', () => {
  const labels = (min: number, max: number) => percentileAxisSplits(min, max, 4).map(ninesLabel);

  it('whole: p0, p50 and each whole nine', () => {
    expect(labels(0, 4)).toEqual(['p0', 'p50', 'p90', 'p99', 'p99.9', 'p99.99']);
  });

  it('zoomed past the whole nines: the 1-2-5 steps of each nine, never a single label', () => {
    expect(labels(0.9, 2.1)).toEqual(['p90', 'p95', 'p98', 'p99']);
    expect(labels(1.1, 1.9)).toEqual(['p95', 'p98']);
    expect(labels(2, 3)).toEqual(['p99', 'p99.5', 'p99.8', 'p99.9']);
  });

  it('deeper than the steps: five evenly spaced labels, in order', () => {
    const splits = percentileAxisSplits(1.32, 1.36, 4);
    expect(splits).toHaveLength(5);
    expect(splits[0]).toBeCloseTo(1.32, 9);
    expect(splits[4]).toBeCloseTo(1.36, 9);
    for (const [min, max] of [[0.9, 2.1], [1.1, 1.9], [1.32, 1.36]] as const) expect(percentileAxisSplits(min, max, 4).length).toBeGreaterThanOrEqual(2);
  });
});
