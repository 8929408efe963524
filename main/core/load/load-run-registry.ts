import { randomUUID } from 'node:crypto';
import type * as z from 'zod';
import { MAX_PROGRESS_SAMPLES, MAX_RUN_SAMPLES, type InstanceSpread, type LoadEndedEvent, type LoadPlan, type LoadProgressEvent, type LoadRequest, type LoadResult } from '../../../shared/model/load-run';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { isPeriscopeError, PeriscopeError } from '../diagnostics/periscope-error';
import type { ConnectionPort } from '../service/ports';
import { loadSender } from './load-request';
import { checkPlan, runLoad, type LoadProgress, type LoadRunOptions } from './load-run';
import { runEach, runRoundRobin } from './instance-spread';
import { SampleReservoir } from './sample-reservoir';

export type LoadRunEvent = z.infer<typeof LoadProgressEvent> | z.infer<typeof LoadEndedEvent>;

/** Limits of a run started from the window, beyond runLoad's own checks: a typo must not tie up main for a day. */
export const LOAD_LIMITS = { maxConcurrency: 256, maxCount: 1_000_000, maxDurationMs: 3_600_000, maxWarmup: 100_000, maxRatePerS: 100_000 } as const;

/** Progress events per run at most this often, ms (about 10 a second). */
export const PROGRESS_EVERY_MS = 100;

interface RunningLoad {
  connectionId: string;
  abort: AbortController;
  ended: Promise<LoadResult | undefined>;
}

/** A group's instances, each on a connection of its own, and how to close them all. */
export interface GroupConnections {
  connections: Array<{ instance: string; connection: ConnectionPort }>;
  close(): Promise<void>;
}

export interface LoadRunRegistryOptions {
  /** Receives each run's progress (throttled) and its end. */
  emit(event: LoadRunEvent): void;
  progressEveryMs?: number;
  /** Wall clock, ms since the epoch (the samples' `at`). */
  clock?: () => number;
}

/**
 * The load runs started from the window, each in main on a live connection with runLoad. A run
 * reports 'load-progress' events at most every PROGRESS_EVERY_MS (done, failed, elapsed, and up
 * to MAX_PROGRESS_SAMPLES of the latencies measured since the last event), then one 'load-ended'
 * event with its result (partial and `cancelled: true` when cancelled) and at most
 * MAX_RUN_SAMPLES samples (evenly thinned), so a run of 10,000 or 1,000,000 requests sends the
 * window a bounded trickle, never one message per request.
 */
export class LoadRunRegistry {
  private readonly runs = new Map<string, RunningLoad>();
  private readonly every: number;
  private readonly clock: () => number;

  constructor(private readonly options: LoadRunRegistryOptions) {
    this.every = options.progressEveryMs ?? PROGRESS_EVERY_MS;
    this.clock = options.clock ?? Date.now;
  }

  /**
   * Starts a run and returns its id at once; the run goes on in the background.
   * @throws PeriscopeError `invalid-input` for a plan that cannot run (its message names the field
   *   and says why, `detail.field` names it too), arguments that are not a JSON object, or a
   *   connection that has a run going already.
   */
  start(connectionId: string, connection: ConnectionPort, request: LoadRequest, plan: LoadPlan): { runId: string } {
    checkAppPlan(plan);
    // One at a time per connection: the window follows and cancels one run, and two would measure each other.
    if ([...this.runs.values()].some((run) => run.connectionId === connectionId)) {
      throw new PeriscopeError({ kind: 'invalid-input', message: 'A load run is already going on this connection: cancel it or wait for its end, then start again.', hint: 'Cancel run stops the one going; its partial result is kept.' });
    }
    const send = loadSender(connection, request);
    return this.begin(connectionId, plan, async (options) => runLoad(send, plan, options));
  }

  /**
   * Starts a group's run: `open` connects to every instance (one short-lived connection each,
   * closed when the run ends), then the request goes round-robin over them or the whole plan runs
   * on each in turn; the result carries each instance's figures. Returns the run's id at once; a
   * failure to connect ends the run with its error.
   * @throws PeriscopeError `invalid-input` as start().
   */
  startSpread(connectionId: string, open: () => Promise<GroupConnections>, request: LoadRequest, spread: InstanceSpread, plan: LoadPlan): { runId: string } {
    checkAppPlan(plan);
    return this.begin(connectionId, plan, async (options) => {
      const group = await open();
      try {
        const senders = group.connections.map(({ instance, connection }) => ({ instance, send: loadSender(connection, request) }));
        return spread === 'round-robin' ? await runRoundRobin(senders, plan, options) : await runEach(senders, plan, options);
      } finally {
        await group.close();
      }
    });
  }

  private begin(connectionId: string, plan: LoadPlan, execute: (options: LoadRunOptions) => Promise<LoadResult>): { runId: string } {
    const runId = randomUUID();
    const abort = new AbortController();
    const ended = this.run(connectionId, runId, execute, plan, abort.signal);
    this.runs.set(runId, { connectionId, abort, ended });
    return { runId };
  }

  /** Stops a run: nothing more is sent, the requests in flight are awaited, the partial result follows. False when no such run is going. */
  cancel(runId: string): boolean {
    const run = this.runs.get(runId);
    run?.abort.abort();
    return run !== undefined;
  }

  /** Stops every run of a connection (it is closing), or every run at all. */
  cancelAll(connectionId?: string): void {
    for (const run of this.runs.values()) if (connectionId === undefined || run.connectionId === connectionId) run.abort.abort();
  }

  /** The result of a run still going (undefined when it is not or failed to run): for tests and shutdown. */
  async ended(runId: string): Promise<LoadResult | undefined> {
    return this.runs.get(runId)?.ended;
  }

  get running(): number {
    return this.runs.size;
  }

  private async run(connectionId: string, runId: string, execute: (options: LoadRunOptions) => Promise<LoadResult>, plan: LoadPlan, signal: AbortSignal): Promise<LoadResult | undefined> {
    const all = new SampleReservoir(MAX_RUN_SAMPLES);
    let latest = { at: [] as number[], latencyMs: [] as number[] };
    let last: LoadProgress | undefined;
    let shownAt = -Infinity;
    const emitProgress = () => {
      if (!last) return;
      const planned = plan.count !== undefined ? { planned: plan.count } : {};
      const plannedMs = plan.durationMs !== undefined ? { plannedMs: plan.durationMs } : {};
      // The newest ones only: the window draws them live, the full set comes with the end.
      const newest = latest.at.length > MAX_PROGRESS_SAMPLES ? { at: latest.at.slice(-MAX_PROGRESS_SAMPLES), latencyMs: latest.latencyMs.slice(-MAX_PROGRESS_SAMPLES) } : latest;
      this.options.emit({ type: 'load-progress', connectionId, runId, done: last.done, failed: last.failed, elapsedMs: last.elapsedMs, ...planned, ...plannedMs, latest: newest });
      latest = { at: [], latencyMs: [] };
      shownAt = last.elapsedMs;
    };
    const onProgress = (p: LoadProgress) => {
      const at = this.clock();
      all.add(at, p.latencyMs);
      latest.at.push(at);
      latest.latencyMs.push(p.latencyMs);
      // Trimmed now and then, not on every request: memory stays bounded between two events.
      if (latest.at.length >= 2 * MAX_PROGRESS_SAMPLES) latest = { at: latest.at.slice(-MAX_PROGRESS_SAMPLES), latencyMs: latest.latencyMs.slice(-MAX_PROGRESS_SAMPLES) };
      last = p;
      if (p.elapsedMs - shownAt >= this.every) emitProgress();
    };
    // Let start() return the run id before the first request goes out.
    await Promise.resolve();
    try {
      const result = await execute({ signal, onProgress });
      if (latest.at.length > 0) emitProgress();
      this.options.emit({ type: 'load-ended', connectionId, runId, result, samples: all.samples() });
      return result;
    } catch (error) {
      this.options.emit({ type: 'load-ended', connectionId, runId, error: asErrorInfo(error), samples: all.samples() });
      return undefined;
    } finally {
      this.runs.delete(runId);
    }
  }
}

/** runLoad's checks and the window's limits, as an `invalid-input` error naming the field. */
function checkAppPlan(plan: LoadPlan): void {
  try {
    checkPlan(plan);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw badPlan(fieldOf(error.message), `The plan cannot run: ${error.message}.`);
  }
  const over = (value: number | undefined, max: number) => value !== undefined && value > max;
  if (over(plan.concurrency, LOAD_LIMITS.maxConcurrency)) throw badPlan('concurrency', `The plan cannot run: concurrency is at most ${LOAD_LIMITS.maxConcurrency} here, not ${plan.concurrency}.`);
  if (over(plan.count, LOAD_LIMITS.maxCount)) throw badPlan('count', `The plan cannot run: at most ${LOAD_LIMITS.maxCount.toLocaleString('en-US')} requests, not ${plan.count}.`);
  if (over(plan.durationMs, LOAD_LIMITS.maxDurationMs)) throw badPlan('durationMs', 'The plan cannot run: a run lasts at most an hour here.');
  if (over(plan.warmup, LOAD_LIMITS.maxWarmup)) throw badPlan('warmup', `The plan cannot run: the warm-up is at most ${LOAD_LIMITS.maxWarmup.toLocaleString('en-US')} requests.`);
  if (over(plan.ratePerS, LOAD_LIMITS.maxRatePerS)) throw badPlan('ratePerS', `The plan cannot run: the rate is at most ${LOAD_LIMITS.maxRatePerS.toLocaleString('en-US')} requests/s.`);
}

function fieldOf(message: string): string {
  if (message.startsWith('concurrency')) return 'concurrency';
  if (message.startsWith('the request count')) return 'count';
  if (message.startsWith('the duration')) return 'durationMs';
  if (message.startsWith('the rate')) return 'ratePerS';
  if (message.startsWith('the warm-up')) return 'warmup';
  return 'count';
}

function badPlan(field: string, message: string): PeriscopeError {
  return new PeriscopeError({ kind: 'invalid-input', message, hint: 'Change that field of the plan and start again.', detail: { field } });
}

function asErrorInfo(error: unknown): ErrorInfo {
  if (isPeriscopeError(error)) return error.info;
  return { kind: 'internal', message: `The load run stopped: ${error instanceof Error ? error.message : String(error)}`, hint: 'Start it again; if it happens again, report it.' };
}
