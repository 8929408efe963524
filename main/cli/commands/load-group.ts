import type { InstanceLoadFigures, InstanceSpread, LoadPlan, LoadResult } from '../../../shared/model/load-run';
import type { McpConnection } from '../../core/connections/mcp-connection';
import type { LoadRunOptions } from '../../core/load/load-run';
import { unreachableFigures, unreachableInstancesError, type UnreachableInstance } from '../../core/load/unreachable-instances';
import { withInstance } from '../cli-session';
import { errorInfoOf } from '../error-report';
import type { CommandContext } from '../command-context';
import type { ConnectionOptions } from '../connection-options';
import type { InstanceTarget } from '../../core/remotes/instance-targets';
import { terminalSafe } from '../terminal-safe';
import { instanceRecordPath } from './fanout';

/** An instance the run reached: where it stands in the group, and its connection. */
export interface LiveInstance {
  index: number;
  target: InstanceTarget;
  connection: McpConnection;
}

/**
 * Opens one connection per instance of a group (each through the same engine as every command:
 * capture, masking, the group's headers and TLS), all before the body runs, and closes them all
 * after it, whatever it did. An instance that cannot be connected to does not stop the others:
 * the body gets the reached instances (in the group's order), the unreachable ones with their
 * errors, and the Ctrl-C signal. Errors: when no instance was reached, the unreachable ones named
 * (unreachableInstancesError, the first one's kind); Ctrl-C while connecting (`cancelled`);
 * whatever the body throws.
 */
export async function withInstances<T>(
  cctx: CommandContext,
  instances: InstanceTarget[],
  options: ConnectionOptions,
  run: (live: LiveInstance[], unreachable: UnreachableInstance[], interrupted: AbortSignal) => Promise<T>,
): Promise<T> {
  const next = async (index: number, live: LiveInstance[], unreachable: UnreachableInstance[], interrupted: AbortSignal | undefined): Promise<T> => {
    if (index < instances.length) return open(index, live, unreachable, interrupted);
    if (live.length === 0 || !interrupted) {
      throw unreachableInstancesError(unreachable, 'No instance of the group could be reached; nothing was sent.', 'then run again');
    }
    return run(live, unreachable, interrupted);
  };
  const open = async (index: number, live: LiveInstance[], unreachable: UnreachableInstance[], interrupted: AbortSignal | undefined): Promise<T> => {
    const target = instances[index]!;
    let connected = false;
    try {
      return await withInstance(
        cctx,
        cctx.out,
        target,
        // One HAR file per instance (each connection writes its own at its end).
        instances.length > 1 && options.har ? { ...options, har: instanceRecordPath(options.har, index) } : options,
        async (connection, _info, signal) => {
          connected = true;
          return next(index + 1, [...live, { index, target, connection }], unreachable, signal);
        },
        { bodyHandlesInterrupt: true },
      );
    } catch (error) {
      const info = errorInfoOf(error);
      // Only the connect itself may fail and be passed over; Ctrl-C stops everything.
      if (connected || info.kind === 'cancelled') throw error;
      return next(index + 1, live, [...unreachable, { index, target, error: info }], interrupted);
    }
  };
  return next(0, [], [], undefined);
}

/** `--instances` as given, checked: round-robin (the default for a group) or each. */
export function instanceSpreadOption(value: string | undefined, group: boolean): InstanceSpread | undefined {
  if (value === undefined) return group ? 'round-robin' : undefined;
  if (!group) return undefined;
  return value as InstanceSpread;
}

/**
 * A group's run over the instances reached: round-robin spreads the plan over one connection per
 * instance with the one runner; each runs the plan on every instance in turn. The request is
 * bound to each connection by `sendOn`. Progress goes to stderr through `onProgress` as for a
 * single run. The unreachable instances take their place in `instances`, with their error and
 * nothing sent.
 */
export async function runGroup(
  spread: InstanceSpread,
  live: LiveInstance[],
  unreachable: UnreachableInstance[],
  sendOn: (connection: McpConnection) => () => Promise<unknown>,
  plan: LoadPlan,
  options: { signal: AbortSignal; onProgress: LoadRunOptions['onProgress']; note: (line: string) => void },
): Promise<LoadResult> {
  const { runRoundRobin, runEach } = await import('../../core/load/instance-spread');
  const senders = live.map(({ target, connection }) => ({ instance: target.instance, send: sendOn(connection) }));
  const common = { signal: options.signal, ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
  const total = live.length + unreachable.length;
  const result =
    spread === 'round-robin'
      ? await runRoundRobin(senders, plan, common)
      : await runEach(senders, plan, { ...common, onInstance: (_instance, i) => options.note(`instance ${live[i]!.index + 1} of ${total}: ${live[i]!.target.instance}`) });
  if (unreachable.length === 0) return result;
  // The group's order: each reached instance's figures, and the unreachable ones where they stand.
  const rows: Array<{ index: number; figures: InstanceLoadFigures }> = [
    ...(result.instances ?? []).map((figures, i) => ({ index: live[i]!.index, figures })),
    ...unreachable.map((u) => ({ index: u.index, figures: unreachableFigures(u) })),
  ];
  return { ...result, instances: rows.sort((a, b) => a.index - b.index).map((row) => row.figures) };
}

/** Each instance's figures under the run's own lines: count, failures, throughput, p50 and p99. */
export function formatInstanceFigures(spread: InstanceSpread, figures: InstanceLoadFigures[]): string[] {
  const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
  const width = Math.max(...figures.map((f) => f.instance.length));
  const reached = figures.filter((f) => !f.error).length;
  const of = reached === figures.length ? `${figures.length}` : `${reached} of the ${figures.length}`;
  const lines = [spread === 'round-robin' ? `spread round-robin over ${of} instances:` : `run on each of ${of} instances in turn:`];
  for (const f of figures) {
    if (f.error) {
      lines.push(`  ${terminalSafe(f.instance.padEnd(width))}  not reached (${f.error.kind}): ${terminalSafe(f.error.message)}`);
      continue;
    }
    const latency = f.latency ? `p50 ${ms(f.latency.p50)}  p99 ${ms(f.latency.p99)}` : 'no latency';
    const failed = f.count - f.ok;
    const kinds = failed > 0 ? ` (${Object.entries(f.errors).map(([kind, e]) => `${kind} ${e.count}`).join(', ')})` : '';
    lines.push(`  ${terminalSafe(f.instance.padEnd(width))}  ${String(f.count).padStart(6)} requests  ${String(failed).padStart(4)} failed${kinds}  ${f.throughputPerS.toFixed(1)} requests/s  ${latency}`);
  }
  return lines;
}
