import type { LoadFailures, LoadPlan, LoadResult } from '../../../shared/model/load-run';
import { isPeriscopeError } from '../diagnostics/periscope-error';
import { LatencyHistogram } from '../metrics/latency-histogram';
import { allowManyListeners } from '../signals/listener-limit';

export type { LoadPlan, LoadResult, LoadFailures } from '../../../shared/model/load-run';

export interface LoadProgress {
  /** Measured requests ended so far (answered or failed). */
  done: number;
  failed: number;
  elapsedMs: number;
  /** The count asked for, when the plan has one. */
  planned?: number;
  /** The latency of the request that just ended, ms (from its due time under a fixed rate). */
  latencyMs: number;
}

export interface LoadRunOptions {
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
  /** Called once the warm-up is over, before the first measured request (a spreader resets its counts). */
  onMeasureStart?: () => void;
  now?: () => number;
}

/** One request: resolves with its result (a tools/call result, say) or rejects with why it failed. */
/** The longest delay setTimeout keeps (2^31 - 1 ms, about 24.8 days); a longer one fires after 1 ms. */
const MAX_TIMER_MS = 2_147_483_647;

export type SendRequest = () => Promise<unknown>;

/**
 * Runs one request many times and measures it: HDR latency percentiles (ms), throughput, and
 * failures by kind with an example of each. Stopped by `signal`, it sends nothing more, waits for
 * the requests in flight, and returns what ran (`cancelled: true`). `onProgress` is called after
 * each measured request ends (cheap: the caller throttles its own output).
 * Errors: a plan without count or duration, or with a concurrency, count or rate below 1, throws
 * a RangeError before anything is sent.
 */
export async function runLoad(send: SendRequest, plan: LoadPlan, options: LoadRunOptions = {}): Promise<LoadResult> {
  checkPlan(plan);
  const now = options.now ?? (() => performance.now());
  const signal = options.signal;
  // Each worker waiting for its due time listens to the run's signal.
  allowManyListeners(signal);
  if (plan.warmup) await inParallel(Math.min(plan.concurrency, plan.warmup), plan.warmup, () => send().catch(() => undefined), signal);

  options.onMeasureStart?.();
  const histogram = new LatencyHistogram();
  const errors: Record<string, LoadFailures> = {};
  let ok = 0;
  let failed = 0;
  let issued = 0;
  let lastEnd = 0;
  const started = now();
  const interval = plan.ratePerS ? 1000 / plan.ratePerS : 0;
  // At a fixed rate a run for a duration sends the requests due within it (R × D), not those a
  // free worker happens to claim before the time is up (it claims ahead, then waits for the due time).
  const withinDuration = () => (interval > 0 ? issued * interval < plan.durationMs! : now() - started < plan.durationMs!);
  const more = () => !signal?.aborted && (plan.count !== undefined ? issued < plan.count : withinDuration());

  const worker = async () => {
    while (more()) {
      const index = issued++;
      const due = started + index * interval;
      // In steps: a timer longer than 2^31 - 1 ms fires at once (a very low rate is due that far off).
      while (interval > 0 && due > now() && !signal?.aborted) await sleep(Math.min(due - now(), MAX_TIMER_MS), signal);
      if (signal?.aborted) return;
      const sent = interval > 0 ? due : now();
      const outcome = await settle(send);
      if (outcome) fail(outcome.kind, outcome.message);
      else ok += 1;
      lastEnd = now();
      const latencyMs = lastEnd - sent;
      histogram.record(latencyMs);
      options.onProgress?.({ done: ok + failed, failed, elapsedMs: lastEnd - started, ...(plan.count !== undefined ? { planned: plan.count } : {}), latencyMs });
    }
  };
  const fail = (kind: string, message: string) => {
    failed += 1;
    const known = errors[kind];
    if (known) known.count += 1;
    else errors[kind] = { count: 1, example: message };
  };
  // A worker beyond the request count would find nothing to send: no more are started than that.
  await Promise.all(Array.from({ length: plan.count !== undefined ? Math.min(plan.concurrency, plan.count) : plan.concurrency }, worker));

  const count = ok + failed;
  const durationMs = count > 0 ? lastEnd - started : 0;
  const latency = histogram.figures();
  return {
    count,
    ok,
    errors,
    durationMs,
    throughputPerS: durationMs > 0 ? (count * 1000) / durationMs : 0,
    ...(latency ? { latency } : {}),
    cancelled: signal?.aborted === true,
  };
}

/**
 * Sends one request and says how it failed, or undefined when it succeeded: `tool-error` for a
 * tools/call result with isError: true, the PeriscopeError's kind, or `error` for anything else.
 */
export async function settle(send: SendRequest): Promise<{ kind: string; message: string } | undefined> {
  try {
    const result = await send();
    if ((result as { isError?: unknown } | undefined)?.isError === true) return { kind: 'tool-error', message: 'the tool answered with isError: true' };
    return undefined;
  } catch (error) {
    return { kind: isPeriscopeError(error) ? error.info.kind : 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Refuses a plan runLoad cannot run, with a RangeError that names the field and says why (no
 * count nor duration, a concurrency, count or warm-up that is not a whole number, a rate or
 * duration not above 0).
 */
export function checkPlan(plan: LoadPlan): void {
  if (plan.count === undefined && plan.durationMs === undefined) throw new RangeError('a load run needs a request count or a duration');
  if (!Number.isInteger(plan.concurrency) || plan.concurrency < 1) throw new RangeError(`concurrency must be a whole number of at least 1, not ${plan.concurrency}`);
  if (plan.count !== undefined && (!Number.isInteger(plan.count) || plan.count < 1)) throw new RangeError(`the request count must be a whole number of at least 1, not ${plan.count}`);
  if (plan.durationMs !== undefined && !(plan.durationMs > 0)) throw new RangeError('the duration must be longer than 0');
  if (plan.ratePerS !== undefined && !(plan.ratePerS > 0)) throw new RangeError(`the rate must be above 0 requests per second, not ${plan.ratePerS}`);
  if (plan.warmup !== undefined && (!Number.isInteger(plan.warmup) || plan.warmup < 0)) throw new RangeError(`the warm-up must be a whole number of requests, not ${plan.warmup}`);
}

async function inParallel(workers: number, total: number, run: () => Promise<unknown>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < total && !signal?.aborted) {
        next += 1;
        await run();
      }
    }),
  );
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
