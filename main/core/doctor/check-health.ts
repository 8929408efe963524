import type { HealthProbe } from '../../../shared/model';
import { checkInstanceHealth } from '../health/health-probe';
import type { LayerCheck } from './doctor-context';

/**
 * GET /health and /ready next to the MCP endpoint (health/health-probe.ts; the seed's
 * `server.addHealthCheck('/health', ...)` and `('/ready', ...)`). Optional endpoints: when neither
 * is served (404, 405 or 501: HealthProbe.notServed) the layer is skipped; any other non-2xx
 * answer is a warning (MCP may still work), never a failure of the connection.
 */
export const healthCheck: LayerCheck = {
  layer: 'health',
  title: 'Health endpoints',
  needs: ['tls'],
  async run(ctx) {
    const result = await checkInstanceHealth(ctx.url!.href, { fetch: ctx.tls!.fetch, timeoutMs: ctx.stepTimeoutMs });
    const probes = [result.health, result.ready];
    const facts = { health: result.health, ready: result.ready };
    if (probes.every((p) => p.notServed)) return { verdict: 'skipped', finding: `The server has no /health or /ready (${statuses(probes)}): they are optional`, facts };
    const finding = probes.map(describe).join('; ');
    const bad = probes.filter((p) => !p.ok && !p.notServed);
    if (bad.length === 0) return { verdict: 'pass', finding, facts };
    return { verdict: 'warn', finding, fix: bad[0]!.error?.hint ?? 'check the server', facts };
  },
};

function describe(probe: HealthProbe): string {
  if (probe.status === undefined) return `${probe.path}: ${probe.error?.message ?? 'no answer'}`;
  const body = probe.bodyStatus !== undefined ? ` "${probe.bodyStatus}"` : '';
  return `${probe.path} ${probe.status}${probe.notServed ? ' (not served)' : ''}${body} in ${probe.latencyMs!.toFixed(1)} ms`;
}

/** "both 404", "405 and 404": the answers that said neither endpoint is served. */
function statuses(probes: HealthProbe[]): string {
  const [a, b] = probes.map((p) => p.status);
  return a === b ? `both ${a}` : `${a} and ${b}`;
}
