import type { HealthProbe } from '../../../shared/model';
import { checkInstanceHealth } from '../health/health-probe';
import type { LayerCheck } from './doctor-context';

/**
 * GET /health and /ready next to the MCP endpoint (health/health-probe.ts; the seed's
 * `server.addHealthCheck('/health', ...)` and `('/ready', ...)`). Optional endpoints: when both
 * answer 404 the layer is skipped; a non-2xx answer is a warning (MCP may still work), never a
 * failure of the connection.
 */
export const healthCheck: LayerCheck = {
  layer: 'health',
  title: 'Health endpoints',
  needs: ['tls'],
  async run(ctx) {
    const result = await checkInstanceHealth(ctx.url!.href, { fetch: ctx.tls!.fetch, timeoutMs: ctx.stepTimeoutMs });
    const probes = [result.health, result.ready];
    const facts = { health: result.health, ready: result.ready };
    if (probes.every((p) => p.status === 404)) return { verdict: 'skipped', finding: 'The server has no /health or /ready (both 404): they are optional', facts };
    const finding = probes.map(describe).join('; ');
    const bad = probes.filter((p) => !p.ok && p.status !== 404);
    if (bad.length === 0) return { verdict: 'pass', finding, facts };
    return { verdict: 'warn', finding, fix: bad[0]!.error?.hint ?? 'check the server', facts };
  },
};

function describe(probe: HealthProbe): string {
  if (probe.status === undefined) return `${probe.path}: ${probe.error?.message ?? 'no answer'}`;
  const body = probe.bodyStatus !== undefined ? ` "${probe.bodyStatus}"` : '';
  return `${probe.path} ${probe.status}${body} in ${probe.latencyMs!.toFixed(1)} ms`;
}
