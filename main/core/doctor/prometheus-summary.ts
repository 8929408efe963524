import { type PrometheusFamily, type PrometheusSample, parsePrometheusText } from './prometheus-text';

/** One `mcp_*` metric family in a few numbers. Latencies in ms (converted from `_seconds`). */
export interface McpSeriesSummary {
  name: string;
  type: PrometheusFamily['type'];
  help: string;
  /** How many label sets the family has. */
  series: number;
  /** Counter/gauge/untyped: the sum over its series. */
  total?: number;
  /** Histogram/summary: observations and their mean. */
  count?: number;
  meanMs?: number;
  p50Ms?: number;
  p99Ms?: number;
  /** The largest series by their labels (value: the counter's value, or the observation count). */
  top?: Array<{ labels: string; value: number }>;
}

/**
 * Parses a Prometheus text exposition (prometheus-text.ts) and summarises the `mcp_*` families:
 * counters and gauges as totals with their largest series, histograms as count, mean and p50/p99
 * estimated from the buckets of all series together (linear within the bucket the rank falls in,
 * as PromQL's histogram_quantile does), summaries by the 0.5 and 0.99 quantiles of their busiest
 * series. Families named `*_seconds` are turned into ms. Throws on text that is not the format.
 */
export function summarizeMcpMetrics(text: string): { families: number; mcp: McpSeriesSummary[] } {
  const families = parsePrometheusText(text);
  return { families: families.length, mcp: families.filter((f) => f.name.startsWith('mcp_')).map(summarizeFamily) };
}

function summarizeFamily(family: PrometheusFamily): McpSeriesSummary {
  const scale = family.name.endsWith('_seconds') ? 1000 : 1;
  const seriesKey = (s: PrometheusSample) => labelText(s.labels, ['le', 'quantile']);
  const base = { name: family.name, type: family.type, help: family.help, series: new Set(family.samples.map(seriesKey)).size };
  const sumOf = (suffix: string) => family.samples.filter((s) => s.name === `${family.name}${suffix}`).reduce((n, s) => n + s.value, 0);
  const counts = family.samples.filter((s) => s.name === `${family.name}_count`);
  const top = counts.map((s) => ({ labels: seriesKey(s), value: s.value }));
  if (family.type === 'histogram' || family.type === 'summary') {
    const count = sumOf('_count');
    const mean = count > 0 ? { meanMs: (sumOf('_sum') / count) * scale } : {};
    if (family.type === 'histogram') {
      const merged = new Map<number, number>();
      for (const s of family.samples.filter((x) => x.name === `${family.name}_bucket`)) {
        const le = Number(s.labels.le === '+Inf' ? Infinity : s.labels.le);
        merged.set(le, (merged.get(le) ?? 0) + s.value);
      }
      const buckets = [...merged.entries()].sort((a, b) => a[0] - b[0]);
      const quantiles = count > 0 ? { p50Ms: quantile(0.5, buckets, count) * scale, p99Ms: quantile(0.99, buckets, count) * scale } : {};
      return { ...base, count, ...mean, ...quantiles, top: largest(top) };
    }
    const busiest = largest(top)[0]?.labels ?? '';
    const q = (at: string) => family.samples.find((s) => s.name === family.name && s.labels.quantile === at && seriesKey(s) === busiest && Number.isFinite(s.value))?.value;
    const p50 = q('0.5');
    const p99 = q('0.99');
    return { ...base, count, ...mean, ...(p50 !== undefined ? { p50Ms: p50 * scale } : {}), ...(p99 !== undefined ? { p99Ms: p99 * scale } : {}), top: largest(top) };
  }
  return { ...base, total: family.samples.reduce((n, s) => n + s.value, 0), top: largest(family.samples.map((s) => ({ labels: seriesKey(s), value: s.value })).filter((t) => t.labels)) };
}

function labelText(labels: Record<string, string>, leaveOut: string[]): string {
  return Object.entries(labels)
    .filter(([k]) => !leaveOut.includes(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** histogram_quantile's estimate: linear within the bucket the rank falls in; the highest finite bound past it. */
function quantile(q: number, buckets: Array<[number, number]>, count: number): number {
  const rank = q * count;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const [upper, cumulative] of buckets) {
    if (cumulative >= rank) {
      if (!Number.isFinite(upper)) return lowerBound;
      const inBucket = cumulative - lowerCount;
      return inBucket === 0 ? upper : lowerBound + ((upper - lowerBound) * (rank - lowerCount)) / inBucket;
    }
    lowerBound = upper;
    lowerCount = cumulative;
  }
  return lowerBound;
}

function largest(series: Array<{ labels: string; value: number }>): Array<{ labels: string; value: number }> {
  return [...series].sort((a, b) => b.value - a.value).slice(0, 3);
}
