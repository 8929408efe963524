import * as z from 'zod';

/** Latency figures of one group of answered requests, in milliseconds (HDR histogram, 3 significant digits). */
export const LatencyFigures = z.object({
  min: z.number(),
  mean: z.number(),
  p50: z.number(),
  p90: z.number(),
  p95: z.number(),
  p99: z.number(),
  p999: z.number(),
  max: z.number(),
});
export type LatencyFigures = z.infer<typeof LatencyFigures>;

/**
 * One row of the analytics: a JSON-RPC method, or one tool / resource / prompt under its method
 * (`name` set: the tool or prompt name, the resource URI).
 */
export const MetricsRow = z.object({
  method: z.string(),
  name: z.string().optional(),
  /** Requests sent. */
  count: z.number().int(),
  /** Requests answered (a result or a JSON-RPC error): the ones the latency figures cover. */
  answered: z.number().int(),
  /** Failures by kind: a JSON-RPC error by its code's name, `tool-error` (isError), `cancelled`, `timeout`. */
  errors: z.record(z.string(), z.number().int()),
  /** Requests per second between the first request and the last answer of this row. */
  throughputPerS: z.number(),
  latency: LatencyFigures.optional(),
  /**
   * Over HTTP, where the transport shows them (see RequestPhases): the median time from the
   * request leaving to the response headers, and to the first server-sent event of a streamed
   * response, in ms, over `count` answered requests whose exchange was seen. The median time to
   * the result is `latency.p50`.
   */
  phases: z
    .object({
      count: z.number().int(),
      headersP50: z.number().optional(),
      firstEventP50: z.number().optional(),
    })
    .optional(),
});
export type MetricsRow = z.infer<typeof MetricsRow>;

export const MetricsSnapshot = z.object({
  /** Rows per method (name absent), then per name, sorted by method then name. */
  rows: z.array(MetricsRow),
  /** Every request of the connection together. */
  total: MetricsRow,
  /** Requests still waiting for an answer (open subscription streams not counted: see `streams`). */
  pending: z.number().int(),
  /** Requests that stay open by design: 2026-07-28 `subscriptions/listen` streams. Absent when none. */
  streams: z.number().int().optional(),
});
export type MetricsSnapshot = z.infer<typeof MetricsSnapshot>;

/**
 * Answered requests as columns, for the charts: sample i was answered at `at[i]` (wall clock, ms
 * since the epoch) after `latencyMs[i]`, for method `methods[method[i]]`. `from` is the sequence
 * number of the first sample here; ask with `since: next` for the ones after.
 */
export const LatencySamples = z.object({
  methods: z.array(z.string()),
  from: z.number().int().nonnegative(),
  next: z.number().int().nonnegative(),
  at: z.array(z.number()),
  latencyMs: z.array(z.number()),
  method: z.array(z.number().int().nonnegative()),
});
export type LatencySamples = z.infer<typeof LatencySamples>;
