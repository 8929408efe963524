import parsePrometheusTextFormat, { type PrometheusFamily, type PrometheusSample } from 'parse-prometheus-text-format';

/** One `mcp_*` metric family in a few numbers. Latencies in ms (converted from `_seconds`). */
export interface McpSeriesSummary {
  name: string;
  type: PrometheusFamily['type'];
  help: string;
  series: number;
  /** Counter/gauge/untyped: the sum over its series. */
  total?: number;
  /** Histogram/summary: observations and their mean. */
  count?: number;
  meanMs?: number;
  p50Ms?: number;
  p99Ms?: number;
  /** The largest series by label, e.g. "method=tools/call 120". */
  top?: Array<{ labels: string; value: number }>;
}

/**
 * Parses a Prometheus text exposition (version 0.0.4) with parse-prometheus-text-format and
 * summarises the `mcp_*` families: counters as totals (with the largest series), histograms as
 * count, mean and p50/p99 estimated from the buckets by linear interpolation within the bucket
 * (as PromQL's histogram_quantile does), summaries by their own 0.5 and 0.99 quantiles.
 * Values of families named `*_seconds` are turned into ms. Throws on text that is not the format.
 */
export function summarizeMcpMetrics(text: string): { families: number; mcp: McpSeriesSummary[] } {
  const families = parsePrometheusTextFormat(text);
  return { families: families.length, mcp: families.filter((f) => f.name.startsWith('mcp_')).map(summarizeFamily) };
}

function summarizeFamily(family: PrometheusFamily): McpSeriesSummary {
  const base = { name: family.name, type: family.type, help: family.help, series: family.metrics.length };
  const scale = family.name.endsWith('_seconds') ? 1000 : 1;
  if (family.type === 'HISTOGRAM') {
    const merged = new Map<number, number>();
    let count = 0;
    let sum = 0;
    for (const m of family.metrics) {
      for (const [le, c] of Object.entries(m.buckets ?? {})) merged.set(bound(le), (merged.get(bound(le)) ?? 0) + Number(c));
      count += Number(m.count ?? 0);
      sum += Number(m.sum ?? 0);
    }
    const buckets = [...merged.entries()].sort((a, b) => a[0] - b[0]);
    return { ...base, count, ...(count > 0 ? { meanMs: (sum / count) * scale, p50Ms: quantile(0.5, buckets, count) * scale, p99Ms: quantile(0.99, buckets, count) * scale } : {}), top: top(family.metrics, (m) => Number(m.count ?? 0)) };
  }
  if (family.type === 'SUMMARY') {
    const busiest = [...family.metrics].sort((a, b) => Number(b.count ?? 0) - Number(a.count ?? 0))[0];
    const count = family.metrics.reduce((n, m) => n + Number(m.count ?? 0), 0);
    const sum = family.metrics.reduce((n, m) => n + Number(m.sum ?? 0), 0);
    const q = (key: string) => {
      const v = busiest?.quantiles?.[key];
      return v !== undefined && Number.isFinite(Number(v)) ? { value: Number(v) * scale } : undefined;
    };
    const p50 = q('0.5');
    const p99 = q('0.99');
    return { ...base, count, ...(count > 0 ? { meanMs: (sum / count) * scale } : {}), ...(p50 ? { p50Ms: p50.value } : {}), ...(p99 ? { p99Ms: p99.value } : {}), top: top(family.metrics, (m) => Number(m.count ?? 0)) };
  }
  const total = family.metrics.reduce((n, m) => n + Number(m.value ?? 0), 0);
  return { ...base, total, top: top(family.metrics, (m) => Number(m.value ?? 0)) };
}

function bound(le: string): number {
  return le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le);
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

function top(metrics: PrometheusSample[], value: (m: PrometheusSample) => number): Array<{ labels: string; value: number }> {
  return metrics
    .filter((m) => m.labels && Object.keys(m.labels).length > 0)
    .map((m) => ({ labels: Object.entries(m.labels!).map(([k, v]) => `${k}=${v}`).join(','), value: value(m) }))
    .sort((a, b) => b.value - a.value)
    .slice(0, 3);
}
