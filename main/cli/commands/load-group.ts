import type { InstanceLoadFigures, InstanceSpread, LoadPlan, LoadResult } from '../../../shared/model/load-run';
import type { McpConnection } from '../../core/connections/mcp-connection';
import type { LoadRunOptions } from '../../core/load/load-run';
import { withInstance } from '../cli-session';
import type { CommandContext } from '../command-context';
import type { ConnectionOptions } from '../connection-options';
import type { InstanceTarget } from '../../core/remotes/instance-targets';
import { terminalSafe } from '../terminal-safe';
import { instanceRecordPath } from './fanout';

/**
 * Opens one connection per instance of a group (each through the same engine as every command:
 * capture, masking, the group's headers and TLS), all before the body runs, and closes them all
 * after it, whatever it did. The body gets the connections in the instances' order and the
 * Ctrl-C signal. A failure to connect to any instance fails the whole command with its error.
 */
export async function withInstances<T>(
  cctx: CommandContext,
  instances: InstanceTarget[],
  options: ConnectionOptions,
  run: (connections: McpConnection[], interrupted: AbortSignal) => Promise<T>,
): Promise<T> {
  const open = async (index: number, connections: McpConnection[]): Promise<T> =>
    withInstance(
      cctx,
      cctx.out,
      instances[index]!,
      // One HAR file per instance (each connection writes its own at its end).
      instances.length > 1 && options.har ? { ...options, har: instanceRecordPath(options.har, index) } : options,
      async (connection, _info, interrupted) => {
        const all = [...connections, connection];
        return index + 1 < instances.length ? open(index + 1, all) : run(all, interrupted);
      },
      { bodyHandlesInterrupt: true },
    );
  return open(0, []);
}

/** `--instances` as given, checked: round-robin (the default for a group) or each. */
export function instanceSpreadOption(value: string | undefined, group: boolean): InstanceSpread | undefined {
  if (value === undefined) return group ? 'round-robin' : undefined;
  if (!group) return undefined;
  return value as InstanceSpread;
}

/**
 * A group's run: round-robin spreads the plan over one connection per instance with the one
 * runner; each runs the plan on every instance in turn. The request is bound to each connection
 * by `sendOn`. Progress goes to stderr through `onProgress` as for a single run.
 */
export async function runGroup(
  spread: InstanceSpread,
  instances: InstanceTarget[],
  connections: McpConnection[],
  sendOn: (connection: McpConnection) => () => Promise<unknown>,
  plan: LoadPlan,
  options: { signal: AbortSignal; onProgress: LoadRunOptions['onProgress']; note: (line: string) => void },
): Promise<LoadResult> {
  const { runRoundRobin, runEach } = await import('../../core/load/instance-spread');
  const senders = instances.map((instance, i) => ({ instance: instance.instance, send: sendOn(connections[i]!) }));
  const common = { signal: options.signal, ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
  if (spread === 'round-robin') return runRoundRobin(senders, plan, common);
  return runEach(senders, plan, { ...common, onInstance: (instance, index) => options.note(`instance ${index + 1} of ${instances.length}: ${instance}`) });
}

/** Each instance's figures under the run's own lines: count, failures, throughput, p50 and p99. */
export function formatInstanceFigures(spread: InstanceSpread, figures: InstanceLoadFigures[]): string[] {
  const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
  const width = Math.max(...figures.map((f) => f.instance.length));
  const lines = [spread === 'round-robin' ? `spread round-robin over ${figures.length} instances:` : `run on each of ${figures.length} instances in turn:`];
  for (const f of figures) {
    const latency = f.latency ? `p50 ${ms(f.latency.p50)}  p99 ${ms(f.latency.p99)}` : 'no latency';
    const failed = f.count - f.ok;
    const kinds = failed > 0 ? ` (${Object.entries(f.errors).map(([kind, e]) => `${kind} ${e.count}`).join(', ')})` : '';
    lines.push(`  ${terminalSafe(f.instance.padEnd(width))}  ${String(f.count).padStart(6)} requests  ${String(failed).padStart(4)} failed${kinds}  ${f.throughputPerS.toFixed(1)} requests/s  ${latency}`);
  }
  return lines;
}
