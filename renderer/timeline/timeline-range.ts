/** A visible time range of the timeline, in trace monoTime ms (`from` < `to`). */
export interface TimeRange {
  from: number;
  to: number;
}

/** The narrowest range one may zoom into: 0.1 ms (a loopback round trip is a fraction of a ms). */
export const MIN_RANGE_MS = 0.1;
/** The widest: a day. */
export const MAX_RANGE_MS = 24 * 3600 * 1000;

/** Everything from `start` to `end`, with 2 % air on each side; a lone instant gets 100 ms around it. */
export function fitRange(start: number, end: number): TimeRange {
  const width = end - start;
  if (!(width > 0)) return { from: start - 50, to: start + 50 };
  const pad = width * 0.02;
  return { from: start - pad, to: end + pad };
}

/**
 * Zooms by `factor` (below 1 zooms in) keeping `anchor` (a time, default the middle) where it is
 * on screen, within MIN_RANGE_MS and MAX_RANGE_MS.
 */
export function zoomRange(range: TimeRange, factor: number, anchor = (range.from + range.to) / 2): TimeRange {
  const width = range.to - range.from;
  const next = Math.min(MAX_RANGE_MS, Math.max(MIN_RANGE_MS, width * factor));
  const share = width > 0 ? (anchor - range.from) / width : 0.5;
  const from = anchor - next * share;
  return { from, to: from + next };
}

/** Moves the range by `fraction` of its width (negative: earlier). */
export function panRange(range: TimeRange, fraction: number): TimeRange {
  const shift = (range.to - range.from) * fraction;
  return { from: range.from + shift, to: range.to + shift };
}

/** Axis ticks for a range drawn `width` px wide: about one per 110 px, at 1, 2 or 5 × 10^k ms from `origin` (the labels' zero). */
export function axisTicks(range: TimeRange, width: number, origin = 0): number[] {
  const span = range.to - range.from;
  if (!(span > 0) || width <= 0) return [];
  const rough = span / Math.max(1, Math.floor(width / 110));
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let k = Math.ceil((range.from - origin) / step); origin + k * step <= range.to; k++) ticks.push(origin + k * step);
  return ticks;
}

/** "0 ms", "12.5 ms", "1.25 s", "2 min 5 s": a duration or an offset in words a person reads at a glance. */
export function formatOffset(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const a = Math.abs(ms);
  if (a === 0) return '0 ms';
  if (a < 1) return `${sign}${a.toFixed(2)} ms`;
  if (a < 10) return `${sign}${a.toFixed(1)} ms`;
  if (a < 1000) return `${sign}${Math.round(a)} ms`;
  if (a < 60_000) return `${sign}${(a / 1000).toFixed(a < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(a / 60_000);
  return `${sign}${minutes} min ${Math.round((a - minutes * 60_000) / 1000)} s`;
}

/** Wall-clock time of day with milliseconds, e.g. "14:03:07.250" (local time). */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

/**
 * An axis label: the offset from the origin with as many decimals as the tick step needs, so
 * neighbouring ticks never read alike ("5.015 s", "5.020 s" at a 5 ms step; "250 ms" at 50 ms).
 */
export function formatTick(offset: number, step: number): string {
  if (offset === 0) return '0 ms';
  const decimals = (unit: number) => Math.max(0, Math.min(6, Math.ceil(-Math.log10(step / unit) - 1e-9)));
  if (Math.abs(offset) < 1000) return `${offset.toFixed(decimals(1))} ms`;
  return `${(offset / 1000).toFixed(decimals(1000))} s`;
}

