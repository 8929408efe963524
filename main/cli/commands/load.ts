import { Option, type Command } from 'commander';
import { compareLoadRuns, formatFigureChange, type SavedLoadRun } from '../../../shared/load/load-compare';
import type { ErrorKind } from '../../../shared/model/error-info';
import { EXIT_CODES } from '../../core/diagnostics/exit-codes';
import { PeriscopeError } from '../../core/diagnostics/periscope-error';
import type { LoadPlan, LoadResult } from '../../core/load/load-run';
import type { McpConnection } from '../../core/connections/mcp-connection';
import { withInstance } from '../cli-session';
import type { InstanceTarget } from '../../core/remotes/instance-targets';
import { resolveGroupTargets } from '../group-targets';
import { describeUnreachable, unreachableInstancesError } from '../../core/load/unreachable-instances';
import { checkWritable, readSavedRun, writeArtillery } from './load-files';
import { formatInstanceFigures, instanceSpreadOption, runGroup, withInstances } from './load-group';
import { findTool } from './call';
import { FailedOutcome } from '../error-report';
import { actionCommand, connectingArgs, requireArg, TARGET_HELP, type CommandContext } from '../command-context';
import { connectingUsage, withConnectionOptions, type ConnectionOptions } from '../connection-options';
import { buildToolArguments, checkArgsJson, splitPair } from '../tool-arguments';

interface LoadOptions {
  args?: string;
  requests?: string;
  duration?: string;
  concurrency: string;
  rate?: string;
  warmup: string;
  compare?: string;
  artillery?: string;
  instances?: string;
}

/** The most requests in flight one CLI run keeps: each is a worker and a socket of this one process. */
export const MAX_CLI_CONCURRENCY = 10_000;

/** Progress lines on stderr at most this often, ms. */
const PROGRESS_EVERY_MS = 1000;

/**
 * `periscope load <target> <tool> [key=value ... | --args JSON] (-n N | -d DURATION) [-c C]
 * [--rate R] [--warmup N] [--json]`: one tool call sent many times through the same engine as
 * every command (capture included), measured by runLoad. Ctrl-C stops the run and prints what ran.
 * A saved group: `--instances round-robin` (its default) spreads the run over one connection per
 * instance, `each` runs the plan on every instance in turn; the result carries each instance's
 * figures (`instances`). Exits 0 when any request succeeded; when every one failed, with the exit
 * code of the first failure's kind; a group's instance that cannot be reached: see loadGroup.
 */
export function registerLoadCommand(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program
      .command('load')
      .argument('[target]', TARGET_HELP)
      .argument('[tool]', 'tool name')
      .argument('[arguments...]', 'tool arguments as key=value (typed by the input schema)')
      .usage(connectingUsage('<tool> [key=value ...] (-n N | -d DURATION) [-c C] [--rate R]'))
      .option('--args <json>', 'all tool arguments as one JSON object')
      .option('-n, --requests <n>', 'measured requests to send')
      .option('-d, --duration <time>', 'send for this long instead: 30s, 500ms, 2m (a bare number is seconds)')
      .option('-c, --concurrency <c>', 'requests in flight at once', '1')
      .option('--rate <r>', 'a fixed rate, requests per second; latency counts from when each request was due (no coordinated omission)')
      .option('--warmup <n>', 'requests sent first and not counted', '0')
      .option('--compare <file>', 'compare with an earlier run saved from --json: each figure before, now, and the change')
      .addOption(new Option('--instances <mode>', 'a saved group: spread the run round-robin over its instances (default), or run it on each instance in turn; per-instance figures either way').choices(['round-robin', 'each']))
      .option('--artillery <file>', 'also write the run as an Artillery scenario (YAML) that sends the same requests; secrets as environment variables')
      .description('call a tool many times and report latency percentiles, throughput and failures by kind; Ctrl-C stops and reports what ran'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target, rest } = connectingArgs(cmd, cctx);
    const [toolName, ...pairs] = rest;
    requireArg(toolName, 'tool name', cmd);
    const opts = cmd.opts() as LoadOptions;
    pairs.forEach(splitPair);
    if (opts.args !== undefined) checkArgsJson(opts.args);
    const plan = loadPlan(opts);
    const before = opts.compare !== undefined ? await readSavedRun(opts.compare) : undefined;
    const artillery = opts.artillery !== undefined ? await import('../../core/load/artillery-scenario') : undefined;
    artillery?.checkArtilleryPlan(plan);
    if (opts.artillery !== undefined) await checkWritable(opts.artillery);
    const resolved = await resolveGroupTargets(target, options, cctx);
    const spread = instanceSpreadOption(opts.instances, resolved.group);
    if (opts.instances !== undefined && !resolved.group) throw invalid(`--instances needs a saved group (a remote with other instances); ${resolved.label} is one server.`);
    if (spread) {
      if (artillery) throw invalid('--artillery exports one server\'s run; give one instance\'s URL instead of the group.');
      await loadGroup(cctx, spread, resolved.instances, options, toolName!, opts, pairs, plan, before);
      return;
    }

    await withInstance(
      cctx,
      cctx.out,
      resolved.instances[0]!,
      options,
      async (connection, _info, interrupted) => {
        const tool = await findTool(connection, toolName);
        const args = buildToolArguments(opts.args, pairs, tool.inputSchema);
        // The session's handshake is taken now: a long run may push it out of the trace buffer.
        const handshake = artillery ? connection.buffer.entries().slice() : [];
        const result = await run(cctx, connection, toolName, args, plan, interrupted);
        const comparison = before ? compareLoadRuns(before, result) : undefined;
        const exported = artillery && opts.artillery ? await writeArtillery(artillery, [...handshake, ...connection.buffer.entries()], plan, `tools/call ${toolName}`, opts.artillery) : undefined;
        cctx.out.data({ tool: toolName, plan, ...result, ...(comparison ? { comparison } : {}), ...(exported ? { artillery: exported } : {}) });
        if (exported) cctx.out.note(`Artillery scenario written to ${opts.artillery}${exported.env.length ? `; set ${exported.env.join(', ')} in the environment before running it` : ''}`);
        if (!cctx.out.json) {
          for (const line of formatLoadResult(toolName, result)) cctx.out.line(line);
          if (comparison) {
            cctx.out.line(`compared with ${opts.compare}:`);
            for (const change of comparison) cctx.out.line(`  ${formatFigureChange(change)}`);
          }
        }
        everyRequestFailed(result);
      },
      { bodyHandlesInterrupt: true },
    );
  });
}

/**
 * A group's run: one connection per instance, the result with each instance's figures. An
 * instance that cannot be reached: round-robin sends nothing and names it (the run would not be
 * the one asked for: the others would take its share); `each` runs the reachable instances,
 * reports the unreachable one in the result (`error`, nothing sent) and ends with its error's
 * exit code.
 */
async function loadGroup(
  cctx: CommandContext,
  spread: 'round-robin' | 'each',
  instances: InstanceTarget[],
  options: ConnectionOptions,
  toolName: string,
  opts: LoadOptions,
  pairs: string[],
  plan: LoadPlan,
  before: SavedLoadRun | undefined,
): Promise<void> {
  await withInstances(cctx, instances, options, async (live, unreachable, interrupted) => {
    if (unreachable.length > 0 && spread === 'round-robin') {
      throw unreachableInstancesError(
        unreachable,
        'A round-robin run spreads the requests over every instance of the group; nothing was sent.',
        'or run the reachable instances one after the other with --instances each (the unreachable ones are reported in its result)',
      );
    }
    for (const u of unreachable) cctx.out.note(`warning: ${describeUnreachable(u)}; the run goes on with the other instances`);
    const tool = await findTool(live[0]!.connection, toolName);
    const args = buildToolArguments(opts.args, pairs, tool.inputSchema);
    const result = await runGroup(spread, live, unreachable, (connection) => () => connection.callTool(toolName, args), plan, {
      signal: interrupted,
      onProgress: progressNotes(cctx),
      note: (line) => cctx.out.note(line),
    });
    const comparison = before ? compareLoadRuns(before, result) : undefined;
    cctx.out.data({ tool: toolName, plan, ...result, ...(comparison ? { comparison } : {}) });
    if (!cctx.out.json) {
      for (const line of formatLoadResult(toolName, result)) cctx.out.line(line);
      for (const line of formatInstanceFigures(spread, result.instances ?? [])) cctx.out.line(line);
      if (comparison) {
        cctx.out.line(`compared with ${opts.compare}:`);
        for (const change of comparison) cctx.out.line(`  ${formatFigureChange(change)}`);
      }
    }
    everyRequestFailed(result);
    if (unreachable.length > 0) {
      const { info } = unreachableInstancesError(unreachable, `The run measured the other ${live.length} of the ${instances.length} instances (above).`, 'then run again to measure every instance');
      throw new FailedOutcome(info);
    }
  });
}

/** Progress lines on stderr, at most one a second. */
function progressNotes(cctx: CommandContext): (p: { done: number; failed: number; elapsedMs: number; planned?: number }) => void {
  let shownAt = 0;
  return (p) => {
    if (p.elapsedMs - shownAt < PROGRESS_EVERY_MS) return;
    shownAt = p.elapsedMs;
    cctx.out.note(`progress: ${p.done}${p.planned ? `/${p.planned}` : ''} requests, ${p.failed} failed, ${(p.elapsedMs / 1000).toFixed(1)} s`);
  };
}

/** Every request failed: the exit code of the first failure's kind (the result is printed already). */
function everyRequestFailed(result: LoadResult): void {
  if (!(result.count > 0 && result.ok === 0)) return;
  const [kind, first] = Object.entries(result.errors)[0]!;
  // The run's own kind where it is an error kind (its exit code), else a protocol failure.
  throw new FailedOutcome({ kind: kind in EXIT_CODES ? (kind as ErrorKind) : 'protocol', message: `Every request failed (${result.count}); the first kind: ${kind}: ${first.example}`, hint: 'Call the tool once (periscope call) to see the failure on its own.' });
}

async function run(cctx: CommandContext, connection: McpConnection, name: string, args: Record<string, unknown>, plan: LoadPlan, interrupted: AbortSignal): Promise<LoadResult> {
  const onInterrupt = () => cctx.out.note('stopping: waiting for the requests in flight...');
  interrupted.addEventListener('abort', onInterrupt, { once: true });
  try {
    // Loaded on use: the HDR histograms (and their compression library) are only needed here.
    const { runLoad } = await import('../../core/load/load-run');
    return await runLoad(() => connection.callTool(name, args), plan, {
      signal: interrupted,
      onProgress: progressNotes(cctx),
    });
  } finally {
    interrupted.removeEventListener('abort', onInterrupt);
  }
}

/** The options as a plan; a bad value is an `invalid-input` error (exit 11) before any connection. */
export function loadPlan(opts: Pick<LoadOptions, 'requests' | 'duration' | 'concurrency' | 'rate' | 'warmup'>): LoadPlan {
  if ((opts.requests === undefined) === (opts.duration === undefined)) throw invalid('Give either -n/--requests or -d/--duration (one of them).');
  const plan: LoadPlan = { concurrency: whole(opts.concurrency, '-c/--concurrency', 1), warmup: whole(opts.warmup, '--warmup', 0) };
  if (plan.concurrency > MAX_CLI_CONCURRENCY) throw invalid(`-c/--concurrency must be at most ${MAX_CLI_CONCURRENCY.toLocaleString('en-US')} requests in flight from one process, not "${opts.concurrency}". For more, run the exported --artillery scenario on several machines.`);
  if (opts.requests !== undefined) plan.count = whole(opts.requests, '-n/--requests', 1);
  if (opts.duration !== undefined) plan.durationMs = durationMs(opts.duration);
  if (opts.rate !== undefined) {
    const rate = Number(opts.rate);
    if (!Number.isFinite(rate) || rate <= 0) throw invalid(`--rate must be a number of requests per second above 0, not "${opts.rate}".`);
    plan.ratePerS = rate;
  }
  return plan;
}

function whole(text: string, option: string, min: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min) throw invalid(`${option} must be a whole number of at least ${min}, not "${text}".`);
  return n;
}

/** "30s", "500ms", "2m", "1h", or a bare number of seconds, in ms. */
export function durationMs(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text);
  const ms = match ? Number(match[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h'] : Number.NaN;
  if (!(ms > 0) || ms > 24 * 3_600_000) throw invalid(`-d/--duration must be a time such as 30s, 500ms or 2m (at most 24h), not "${text}".`);
  return ms;
}

function invalid(message: string): PeriscopeError {
  return new PeriscopeError({ kind: 'invalid-input', message, hint: 'See periscope load --help.' });
}

/** The result for people: counts, throughput, percentiles, failures with an example each. */
export function formatLoadResult(tool: string, r: LoadResult): string[] {
  const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
  const lines = [
    `${tool}: ${r.count} ${r.count === 1 ? 'request' : 'requests'} in ${(r.durationMs / 1000).toFixed(2)} s${r.cancelled ? ' (stopped early)' : ''}, ${r.ok} ok, ${r.count - r.ok} failed, ${r.throughputPerS.toFixed(1)} requests/s`,
  ];
  if (r.latency) {
    const l = r.latency;
    lines.push(`latency: min ${ms(l.min)}  p50 ${ms(l.p50)}  p90 ${ms(l.p90)}  p95 ${ms(l.p95)}  p99 ${ms(l.p99)}  p99.9 ${ms(l.p999)}  max ${ms(l.max)}`);
  }
  for (const [kind, f] of Object.entries(r.errors)) lines.push(`failed (${kind}): ${f.count}, e.g. ${f.example}`);
  return lines;
}
