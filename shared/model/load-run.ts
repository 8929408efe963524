import * as z from 'zod';
import { ErrorInfo } from './error-info';
import { LatencyFigures } from './metrics';

/**
 * A load run's shapes as they cross the IPC contract (main/core/load runs them; the Latency
 * section's "Load run" panel plans, follows and compares them). Times in ms, rates in requests/s.
 */

/** What to run: N requests or for a duration, by C workers, optionally at a fixed rate (see runLoad). */
export const LoadPlan = z.object({
  /** Measured requests to send (after the warm-up). One of count and durationMs is required. */
  count: z.number().optional(),
  /** Keep sending for this long, in ms (after the warm-up). */
  durationMs: z.number().optional(),
  /** Requests in flight at once (workers). */
  concurrency: z.number(),
  /** A fixed arrival rate, requests per second; latency counts from each request's due time. */
  ratePerS: z.number().optional(),
  /** Requests sent first and not counted. */
  warmup: z.number().optional(),
});
export type LoadPlan = z.infer<typeof LoadPlan>;

/** The one request a run sends over and over. */
export const LoadRequest = z.discriminatedUnion('kind', [
  /** tools/call; `argumentsJson` is the arguments as typed (a JSON object), numbers sent exactly. */
  z.object({ kind: z.literal('tool'), name: z.string().min(1).max(1000), argumentsJson: z.string().max(1024 * 1024).optional() }),
  z.object({ kind: z.literal('resource'), uri: z.string().min(1).max(8192) }),
  z.object({ kind: z.literal('prompt'), name: z.string().min(1).max(1000), arguments: z.record(z.string(), z.string()).optional() }),
  /** Any JSON-RPC method; `paramsJson` a JSON object or empty. */
  z.object({ kind: z.literal('method'), method: z.string().min(1).max(200), paramsJson: z.string().max(1024 * 1024).optional() }),
]);
export type LoadRequest = z.infer<typeof LoadRequest>;

export const LoadFailures = z.object({
  count: z.number().int(),
  /** The first failure's message, as an example of the kind. */
  example: z.string(),
});
export type LoadFailures = z.infer<typeof LoadFailures>;

/** How a group's run uses its instances: one run spread over all, or the whole plan on each in turn. */
export const InstanceSpread = z.enum(['round-robin', 'each']);
export type InstanceSpread = z.infer<typeof InstanceSpread>;

/** One instance's share of a run: its own counts, failures, throughput and latency. */
export const InstanceLoadFigures = z.object({
  /** The instance's MCP endpoint URL. */
  instance: z.string(),
  count: z.number().int(),
  ok: z.number().int(),
  errors: z.record(z.string(), LoadFailures),
  /** Its requests over the run's duration (round-robin) or its own run's (each), requests/s. */
  throughputPerS: z.number(),
  /** Its requests' latency, ms (round-robin: from the send; each: as the run measures it). */
  latency: LatencyFigures.optional(),
  /** The instance could not be reached (an `each` run went on without it): why; it sent nothing. */
  error: ErrorInfo.optional(),
});
export type InstanceLoadFigures = z.infer<typeof InstanceLoadFigures>;

export const LoadResult = z.object({
  /** Measured requests that ended (answered or failed). */
  count: z.number().int(),
  ok: z.number().int(),
  /** Failures by kind: the error's kind (`timeout`, `protocol`, …) or `tool-error` for an isError result. */
  errors: z.record(z.string(), LoadFailures),
  /** From the first measured send to the last end, ms. */
  durationMs: z.number(),
  throughputPerS: z.number(),
  /** Over every measured request, failed ones included (a failure took time too). */
  latency: LatencyFigures.optional(),
  /** The run was stopped before its plan ended; the figures cover what ran. */
  cancelled: z.boolean(),
  /** A group's run: how it used the instances, and each instance's figures. */
  spread: InstanceSpread.optional(),
  instances: z.array(InstanceLoadFigures).optional(),
});
export type LoadResult = z.infer<typeof LoadResult>;

/**
 * Measured requests as columns, for charts: request i ended at `at[i]` (wall clock, ms since the
 * epoch) after `latencyMs[i]`. Bounded by the sender (see MAX_RUN_SAMPLES), never one per request
 * without limit.
 */
export const LoadSamples = z.object({ at: z.array(z.number()), latencyMs: z.array(z.number()) });
export type LoadSamples = z.infer<typeof LoadSamples>;

/** Samples a finished run hands to the window at most (evenly thinned beyond that). */
export const MAX_RUN_SAMPLES = 20_000;
/** Samples one progress event carries at most (the newest ones). */
export const MAX_PROGRESS_SAMPLES = 500;

/** A progress event's body: how far the run is, and the latencies measured since the last one. */
export const LoadProgressEvent = z.object({
  type: z.literal('load-progress'),
  connectionId: z.string(),
  runId: z.string(),
  done: z.number().int(),
  failed: z.number().int(),
  elapsedMs: z.number(),
  /** The count asked for, when the plan has one. */
  planned: z.number().int().optional(),
  /** The duration asked for, when the plan has one. */
  plannedMs: z.number().optional(),
  latest: LoadSamples,
});

/** A run ended: finished, cancelled (the partial result, `cancelled: true`) or failed to run at all (`error`). */
export const LoadEndedEvent = z.object({
  type: z.literal('load-ended'),
  connectionId: z.string(),
  runId: z.string(),
  result: LoadResult.optional(),
  error: ErrorInfo.optional(),
  samples: LoadSamples,
});
