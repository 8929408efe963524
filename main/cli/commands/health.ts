import type { Command } from 'commander';
import type { InstanceHealth } from '../../../shared/model/instance-health';
import { PeriscopeError } from '../../core/diagnostics/periscope-error';
import { actionCommand, connectingArgs, TARGET_HELP, type CommandContext } from '../command-context';
import { connectingUsage, withConnectionOptions } from '../connection-options';
import { FailedOutcome } from '../error-report';
import { resolveGroupTargets } from '../group-targets';
import { terminalSafe } from '../terminal-safe';
import { noExtra } from './connect';

/**
 * `periscope health <url|remote|group>`: GET /health and /ready on the origin of each instance's
 * MCP endpoint (the seed's `server.addHealthCheck('/health', ...)`), at once: HTTP status,
 * latency and the JSON body's `status` field. No MCP session is opened. Exit 0 when every probe
 * answered 2xx; otherwise the exit code of the first failure's kind (`http-status` for a non-2xx
 * answer, `refused`, `dns`, `tls`, `timeout` when none came).
 */
export function registerHealthCommand(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program
      .command('health')
      .argument('[target]', `${TARGET_HELP}; a saved group: every instance`)
      .usage(connectingUsage())
      .description('GET /health and /ready next to each instance\'s MCP endpoint: status, latency and the body\'s status field'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target, rest } = connectingArgs(cmd, cctx);
    noExtra(rest, cmd);
    if (options.stdio) throw new PeriscopeError({ kind: 'invalid-input', message: 'A stdio server has no health endpoints to ask.', hint: 'Give a URL, a saved remote or a group.' });
    const { instances } = await resolveGroupTargets(target, options, cctx);
    const { checkInstanceHealth } = await import('../../core/health/health-probe');
    const timeoutMs = options.timeout;
    const results = await Promise.all(instances.map((i) => checkInstanceHealth(i.instance, { ...(i.target.tls ? { tls: { caFiles: i.target.tls.caFiles ?? [], acceptInvalidCertificates: i.target.tls.acceptInvalidCertificates ?? false } } : {}), ...(timeoutMs ? { timeoutMs } : {}) })));
    cctx.out.data({ instances: results, ok: results.every((r) => r.ok) });
    for (const line of formatHealth(results)) cctx.out.line(line);
    const failed = results.flatMap((r) => [r.health, r.ready].filter((p) => !p.ok).map((p) => ({ instance: r.instance, probe: p })));
    if (failed.length === 0) return;
    const first = failed[0]!;
    throw new FailedOutcome({
      ...first.probe.error!,
      message: `${failed.length} of ${results.length * 2} health checks failed; the first: ${first.instance} ${first.probe.error!.message}`,
      detail: { ...first.probe.error!.detail, failing: [...new Set(failed.map((f) => f.instance))] },
    });
  });
}

/** One line per instance: each probe's status, latency and body status, or why it failed. */
export function formatHealth(results: InstanceHealth[]): string[] {
  const width = Math.max(...results.map((r) => r.instance.length));
  return results.map((r) => {
    const probes = [r.health, r.ready].map((p) => {
      if (p.status === undefined) return `${p.path} ${p.error?.kind ?? 'failed'}`;
      const body = p.bodyStatus !== undefined ? ` "${p.bodyStatus}"` : '';
      return `${p.path} ${p.status}${p.notServed ? ' not served' : ''}${body} ${p.latencyMs!.toFixed(1)} ms`;
    });
    return `${r.ok ? 'ok  ' : 'FAIL'}  ${terminalSafe(r.instance.padEnd(width))}  ${terminalSafe(probes.join('   '))}`;
  });
}
