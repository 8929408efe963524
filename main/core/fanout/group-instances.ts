import type { ConnectionTargetInput } from '../../../shared/model/connection';
import type { InstanceCheck, SendToAllResult } from '../../../shared/model/instance-group';
import { toErrorInfo } from '../diagnostics/classify-error';
import { checkInstanceHealth } from '../health/health-probe';
import type { GroupConnections } from '../load/load-run-registry';
import { unreachableInstancesError } from '../load/unreachable-instances';
import { parseToolArguments } from '../service/exact-tool-arguments';
import type { ConnectionPort } from '../service/ports';
import { compareAnswers } from './answer-diff';
import type { InstanceTarget } from '../remotes/instance-targets';



/** Opens a short-lived connection that the caller closes; never listed among the window's connections. */
export interface InstanceOpener {
  open(target: ConnectionTargetInput, label: string): Promise<{ connection: ConnectionPort; close(): Promise<void> }>;
}

/**
 * The work of a group's Instances panel, on connections of their own (never the tab's): each
 * instance's health and latency, the same tool call to all with the answers compared, and the
 * connections a group's load run spreads over. Every instance runs at once.
 */
export class GroupInstances {
  constructor(private readonly opener: InstanceOpener) {}

  /**
   * /health and /ready (with the remote's TLS settings) and one liveness round trip after
   * connecting (ping, or server/discover in the 2026-07-28 era). Never rejects for an instance
   * that fails: its failure is in its entry.
   */
  async check(instances: InstanceTarget[]): Promise<InstanceCheck[]> {
    return Promise.all(
      instances.map(async ({ instance, target, label }) => {
        const [health, round] = await Promise.all([
          checkInstanceHealth(instance, target.tls ? { tls: { caFiles: target.tls.caFiles ?? [], acceptInvalidCertificates: target.tls.acceptInvalidCertificates ?? false } } : {}),
          this.withInstance(target, label, (connection) => connection.ping()).catch((error: unknown) => ({ error: toErrorInfo(error) })),
        ]);
        if ('error' in round) return { instance, health, latencyError: round.error };
        const method = (round as { method?: 'ping' | 'server/discover' }).method;
        return { instance, health, latencyMs: round.latencyMs, ...(method ? { method } : {}) };
      }),
    );
  }

  /**
   * tools/call `tool` with the same arguments (a JSON object as typed, numbers exact) on every
   * instance, then compareAnswers: instances grouped by answer, the paths where each odd one out
   * differs. `ignore` names paths left out (e.g. `_meta`).
   * @throws PeriscopeError `invalid-input` when the arguments are not a JSON object (nothing sent).
   */
  async sendToAll(instances: InstanceTarget[], tool: string, argumentsJson: string | undefined, ignore: string[] = []): Promise<SendToAllResult> {
    const args = argumentsJson?.trim() ? parseToolArguments(argumentsJson) : {};
    const outcomes = await Promise.all(
      instances.map(async ({ instance, target, label }) => {
        try {
          return await this.withInstance(target, label, async (connection) => {
            const started = performance.now();
            const result = await connection.callTool(tool, args, { unvalidatedOutput: true });
            return { instance, latencyMs: performance.now() - started, result: connection.masker ? connection.masker.value(result) : result };
          });
        } catch (error) {
          return { instance, error: toErrorInfo(error) };
        }
      }),
    );
    const comparison = compareAnswers(outcomes, ignore);
    const answerOf = (instance: string) => comparison.groups.find((group) => group.instances.includes(instance))?.label;
    return { tool, outcomes: outcomes.map((o) => ({ ...o, ...(answerOf(o.instance) ? { answer: answerOf(o.instance) } : {}) })), comparison };
  }

  /**
   * A connection to every instance, for a load run; all opened or none (a failure closes the
   * others). Errors: the instances that could not be reached, each named by its label
   * (`staging (instance 2 of 4)`), with the first one's kind (unreachableInstancesError).
   */
  async openAll(instances: InstanceTarget[]): Promise<GroupConnections> {
    const opened = await Promise.allSettled(instances.map(({ target, label }) => this.opener.open(target, label)));
    const ok = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    const unreachable = opened.flatMap((o, index) => (o.status === 'rejected' ? [{ index, target: instances[index]!, error: toErrorInfo(o.reason) }] : []));
    if (unreachable.length > 0) {
      await Promise.all(ok.map((o) => o.close()));
      throw unreachableInstancesError(unreachable, 'A run over the group needs every instance; nothing was sent.', 'then start the run again');
    }
    return {
      connections: ok.map((o, i) => ({ instance: instances[i]!.instance, connection: o.connection })),
      close: async () => void (await Promise.all(ok.map((o) => o.close()))),
    };
  }

  private async withInstance<T>(target: ConnectionTargetInput, label: string, run: (connection: ConnectionPort) => Promise<T>): Promise<T> {
    const { connection, close } = await this.opener.open(target, label);
    try {
      return await run(connection);
    } finally {
      await close();
    }
  }
}
