import type { InstanceLoadFigures, LoadFailures, LoadPlan, LoadResult } from '../../../shared/model/load-run';
import { LatencyHistogram } from '../metrics/latency-histogram';
import { runLoad, settle, type LoadRunOptions, type SendRequest } from './load-run';

/** One instance of a group with the request bound to its own connection (loadSender). */
export interface InstanceSender {
  /** The instance's MCP endpoint URL. */
  instance: string;
  send: SendRequest;
}

interface Tally {
  count: number;
  ok: number;
  errors: Record<string, LoadFailures>;
  histogram: LatencyHistogram;
}

/**
 * One SendRequest spread over the instances in turn (request i goes to instance i mod n, in the
 * order the runner issues them), each on its own connection, counting each instance's requests,
 * failures (classified as runLoad does) and latency (ms, from its send to its end). `reset()`
 * forgets what was counted (the warm-up); `figures(durationMs)` gives each instance's share,
 * its throughput over the run's duration.
 * Errors: throws a RangeError for an empty list.
 */
export function roundRobinSender(senders: InstanceSender[], now: () => number = () => performance.now()) {
  if (senders.length === 0) throw new RangeError('a round-robin run needs at least one instance');
  let tallies = senders.map(newTally);
  let next = 0;
  const send: SendRequest = async () => {
    const index = next++ % senders.length;
    const tally = tallies[index]!;
    const started = now();
    let value: unknown;
    let thrown: { error: unknown } | undefined;
    const outcome = await settle(async () => {
      try {
        return (value = await senders[index]!.send());
      } catch (error) {
        thrown = { error };
        throw error;
      }
    });
    tally.histogram.record(now() - started);
    tally.count += 1;
    if (outcome) addFailure(tally.errors, outcome.kind, outcome.message);
    else tally.ok += 1;
    // The runner classifies the same value or error again, for the run as a whole.
    if (thrown) throw thrown.error;
    return value;
  };
  return {
    send,
    reset: () => {
      tallies = senders.map(newTally);
      next = 0;
    },
    figures: (durationMs: number): InstanceLoadFigures[] => senders.map((sender, i) => figuresOf(sender.instance, tallies[i]!, durationMs)),
  };
}

/**
 * A group's run spread round-robin over its instances by the one runner (runLoad): the plan as a
 * whole (its count, duration, concurrency and rate), and each instance's figures next to it.
 */
export async function runRoundRobin(senders: InstanceSender[], plan: LoadPlan, options: LoadRunOptions = {}): Promise<LoadResult> {
  const spread = roundRobinSender(senders, options.now);
  const result = await runLoad(spread.send, plan, {
    ...options,
    onMeasureStart: () => {
      spread.reset();
      options.onMeasureStart?.();
    },
  });
  return { ...result, spread: 'round-robin', instances: spread.figures(result.durationMs) };
}

/**
 * The whole plan on each instance in turn (a run per instance, one after the other), each
 * instance's figures as its own run measured them; the whole: every request of every run
 * (durations added up, latency over all of them). Stopped by the signal, it runs no further
 * instance and the result is `cancelled`. `onInstance` is told which instance starts.
 */
export async function runEach(senders: InstanceSender[], plan: LoadPlan, options: LoadRunOptions & { onInstance?: (instance: string, index: number) => void } = {}): Promise<LoadResult> {
  const overall = newTally();
  const instances: InstanceLoadFigures[] = [];
  let durationMs = 0;
  let cancelled = false;
  for (const [index, sender] of senders.entries()) {
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
    options.onInstance?.(sender.instance, index);
    const run = await runLoad(sender.send, plan, {
      ...options,
      onProgress: (p) => {
        overall.histogram.record(p.latencyMs);
        options.onProgress?.({ ...p, done: overall.count + p.done, failed: overall.count - overall.ok + p.failed, elapsedMs: durationMs + p.elapsedMs, ...(p.planned !== undefined ? { planned: p.planned * senders.length } : {}) });
      },
    });
    instances.push({ instance: sender.instance, count: run.count, ok: run.ok, errors: run.errors, throughputPerS: run.throughputPerS, ...(run.latency ? { latency: run.latency } : {}) });
    overall.count += run.count;
    overall.ok += run.ok;
    for (const [kind, failures] of Object.entries(run.errors)) {
      const known = overall.errors[kind];
      if (known) known.count += failures.count;
      else overall.errors[kind] = { ...failures };
    }
    durationMs += run.durationMs;
    if (run.cancelled) {
      cancelled = true;
      break;
    }
  }
  const latency = overall.histogram.figures();
  return {
    count: overall.count,
    ok: overall.ok,
    errors: overall.errors,
    durationMs,
    throughputPerS: durationMs > 0 ? (overall.count * 1000) / durationMs : 0,
    ...(latency ? { latency } : {}),
    cancelled,
    spread: 'each',
    instances,
  };
}

function newTally(): Tally {
  return { count: 0, ok: 0, errors: {}, histogram: new LatencyHistogram() };
}

function addFailure(errors: Record<string, LoadFailures>, kind: string, message: string): void {
  const known = errors[kind];
  if (known) known.count += 1;
  else errors[kind] = { count: 1, example: message };
}

function figuresOf(instance: string, tally: Tally, durationMs: number): InstanceLoadFigures {
  const latency = tally.histogram.figures();
  return {
    instance,
    count: tally.count,
    ok: tally.ok,
    errors: tally.errors,
    throughputPerS: durationMs > 0 ? (tally.count * 1000) / durationMs : 0,
    ...(latency ? { latency } : {}),
  };
}
