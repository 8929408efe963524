/** Types for parse-prometheus-text-format 1.1.1 (it ships none): prom2json-shaped metric families. */
declare module 'parse-prometheus-text-format' {
  export interface PrometheusSample {
    labels?: Record<string, string>;
    /** Counter, gauge, untyped: the value as written ("1027", "+Inf"). */
    value?: string;
    /** Histogram: upper bound (le) → cumulative count. */
    buckets?: Record<string, string>;
    /** Summary: quantile → value. */
    quantiles?: Record<string, string>;
    count?: string;
    sum?: string;
  }
  export interface PrometheusFamily {
    name: string;
    help: string;
    type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
    metrics: PrometheusSample[];
  }
  export default function parsePrometheusTextFormat(text: string): PrometheusFamily[];
}
