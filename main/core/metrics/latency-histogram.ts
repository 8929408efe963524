import { build, type Histogram } from 'hdr-histogram-js';
import type { LatencyFigures } from '../../../shared/model/metrics';

/** Values are kept in microseconds: a loopback round trip is well under a millisecond. */
const MICROS_PER_MS = 1000;
/** One hour, in microseconds: longer latencies are clamped to it (a timeout ends a call long before). */
const HIGHEST_MICROS = 3_600_000_000;

/**
 * A latency distribution as an HDR histogram (hdr-histogram-js: constant memory, ~0.1 % value
 * precision at 3 significant digits, O(1) recording). Input and output in milliseconds.
 */
export class LatencyHistogram {
  private readonly histogram: Histogram = build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_MICROS,
    numberOfSignificantValueDigits: 3,
    autoResize: false,
    bitBucketSize: 32,
    useWebAssembly: false,
  });

  /** Records one latency in ms; negative or non-finite values are ignored (a clock that went back). */
  record(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, Math.round(ms * MICROS_PER_MS))));
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  /** The figures in ms, or undefined before the first value. */
  figures(): LatencyFigures | undefined {
    const h = this.histogram;
    if (h.totalCount === 0) return undefined;
    const min = h.minNonZeroValue / MICROS_PER_MS;
    const max = h.maxValue / MICROS_PER_MS;
    // A percentile is its bucket's highest equivalent value, which can pass the largest value
    // recorded (and the smallest can sit below it): clamped, so min ≤ p50 ≤ … ≤ max always holds.
    const at = (p: number) => Math.min(max, Math.max(min, h.getValueAtPercentile(p) / MICROS_PER_MS));
    return { min, mean: h.mean / MICROS_PER_MS, p50: at(50), p90: at(90), p95: at(95), p99: at(99), p999: at(99.9), max };
  }
}
