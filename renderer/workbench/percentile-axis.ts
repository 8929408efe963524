/**
 * Where the percentile curve's x axis (in nines: 0 = p0, 1 = p90, 2 = p99…) is labelled: p0, p50
 * and each whole nine (p90, p99, p99.9…) within [min, max]. Zoomed in so that fewer than three of
 * those are in view, the 1-2-5 steps of each nine too (p80, p95, p98, p99.5, p99.8…) when two or
 * more of them are, and deeper still five evenly spaced positions: a zoom never leaves one label
 * across the whole width.
 * `wholeNines`: how many whole nines the axis can reach (its last label).
 */
export function percentileAxisSplits(min: number, max: number, wholeNines: number): number[] {
  const inView = (x: number) => x >= min - 1e-9 && x <= max + 1e-9;
  const whole = [0, Math.log10(2), ...Array.from({ length: wholeNines }, (_, i) => i + 1)].filter(inView);
  if (whole.length >= 3) return whole;
  const steps: number[] = [];
  for (let nine = Math.max(0, Math.floor(min)); nine <= Math.ceil(max); nine++) {
    // 1 - 10^-(nine + log10 2) = 1 - 0.5 × 10^-nine: p50, p95, p99.5; with log10 5: p80, p98, p99.8.
    for (const x of [nine, nine + Math.log10(2), nine + Math.log10(5)]) if (inView(x)) steps.push(x);
  }
  if (steps.length >= 2) return steps.sort((a, b) => a - b);
  return Array.from({ length: 5 }, (_, i) => min + ((max - min) * i) / 4);
}
