import * as z from 'zod';
import { LatencyFigures } from '../model/metrics';
import type { LoadResult } from '../model/load-run';

/**
 * Comparing two load runs, shared by `periscope load --compare` and the Latency section's run
 * comparison (so both say the same figures the same way).
 */

/** What a saved run (`periscope load --json` output) must hold to be compared with. */
export const SavedLoadRun = z.looseObject({
  count: z.number(),
  ok: z.number(),
  throughputPerS: z.number(),
  latency: LatencyFigures.optional(),
  errors: z.record(z.string(), z.looseObject({ count: z.number() })).optional(),
});
export type SavedLoadRun = z.infer<typeof SavedLoadRun>;

/** One figure of two runs: before, now, and the change as a fraction (0.1 = 10 % more). */
export interface FigureChange {
  figure: string;
  before: number;
  now: number;
  change: number | null;
  unit: 'requests/s' | 'ms' | 'requests';
}

const FIGURES: Array<{ figure: string; unit: FigureChange['unit']; of: (r: SavedLoadRun) => number | undefined }> = [
  { figure: 'throughput', unit: 'requests/s', of: (r) => r.throughputPerS },
  { figure: 'p50', unit: 'ms', of: (r) => r.latency?.p50 },
  { figure: 'p90', unit: 'ms', of: (r) => r.latency?.p90 },
  { figure: 'p99', unit: 'ms', of: (r) => r.latency?.p99 },
  { figure: 'p99.9', unit: 'ms', of: (r) => r.latency?.p999 },
  { figure: 'max', unit: 'ms', of: (r) => r.latency?.max },
  { figure: 'failed', unit: 'requests', of: (r) => r.count - r.ok },
];

/**
 * Two runs side by side: each figure before and now, and the change as a fraction of before
 * (null when before was 0). Figures a run does not have (no answer, so no latency) are left out.
 */
export function compareLoadRuns(before: SavedLoadRun, now: LoadResult | SavedLoadRun): FigureChange[] {
  return FIGURES.flatMap(({ figure, unit, of }) => {
    const b = of(before);
    const n = of(now as unknown as SavedLoadRun);
    if (b === undefined || n === undefined) return [];
    return [{ figure, unit, before: b, now: n, change: b === 0 ? null : (n - b) / b }];
  });
}

/** "p99: 42.1 ms → 38.0 ms (−9.7 %)". */
export function formatFigureChange(c: FigureChange): string {
  const value = (v: number) => (c.unit === 'ms' ? `${v.toFixed(v < 10 ? 2 : 1)} ms` : c.unit === 'requests/s' ? `${v.toFixed(1)} requests/s` : String(v));
  const change = c.change === null ? '' : ` (${c.change >= 0 ? '+' : '−'}${Math.abs(c.change * 100).toFixed(1)} %)`;
  return `${c.figure}: ${value(c.before)} → ${value(c.now)}${change}`;
}
