import type { LayerCheck } from './doctor-context';
import { type McpSeriesSummary, summarizeMcpMetrics } from './prometheus-summary';

/** The most of a /metrics body read, in characters. */
const BODY_CHARS = 4 * 1024 * 1024;

/**
 * GET /metrics next to the MCP endpoint (the seed's `prometheus.register.metrics()`): parsed as
 * the Prometheus text format, its `mcp_*` series summarised (request counts, p50/p99 latency)
 * beside the round trips this run measured itself. Optional: a 404 skips the layer; an
 * unparsable body is a warning.
 */
export const metricsCheck: LayerCheck = {
  layer: 'metrics',
  title: 'Prometheus metrics',
  needs: ['tls'],
  async run(ctx) {
    const url = ctx.url!;
    const scheme = url.protocol === 'wss:' ? 'https:' : url.protocol === 'ws:' ? 'http:' : url.protocol;
    const metricsUrl = `${scheme}//${url.host}/metrics`;
    const ours = [...(ctx.mcp?.handshake ?? []), ...(ctx.mcp?.liveness ? [ctx.mcp.liveness] : [])];
    let status: number;
    let text: string;
    try {
      const response = await ctx.tls!.fetch(metricsUrl, { headers: { accept: 'text/plain;version=0.0.4' }, redirect: 'manual', signal: AbortSignal.timeout(ctx.stepTimeoutMs) });
      status = response.status;
      text = (await response.text()).slice(0, BODY_CHARS);
    } catch (error) {
      return { verdict: 'warn', finding: `GET ${metricsUrl} failed: ${(error as Error).message}`, fix: 'the metrics endpoint is optional; check it if you expect one', facts: { url: metricsUrl, ours } };
    }
    if (status === 404) return { verdict: 'skipped', finding: 'The server has no /metrics (404): it is optional', facts: { url: metricsUrl, ours } };
    if (status < 200 || status >= 300) return { verdict: 'warn', finding: `GET /metrics answered HTTP ${status}`, fix: 'the metrics endpoint may need credentials of its own, or be served elsewhere', facts: { url: metricsUrl, status, ours } };
    let summary: ReturnType<typeof summarizeMcpMetrics>;
    try {
      summary = summarizeMcpMetrics(text);
    } catch (error) {
      return { verdict: 'warn', finding: `/metrics answered, but not in the Prometheus text format (${(error as Error).message})`, fix: 'check what the server exposes at /metrics', facts: { url: metricsUrl, status, ours } };
    }
    const facts = { url: metricsUrl, status, families: summary.families, mcp: summary.mcp, ours };
    const oursText = ours.length ? `; ours: ${ours.map((o) => `${o.method} ${o.latencyMs.toFixed(1)} ms`).join(', ')}` : '';
    if (summary.mcp.length === 0) return { verdict: 'pass', finding: `${summary.families} metric families, none named mcp_*${oursText}`, facts };
    return { verdict: 'pass', finding: `${summary.mcp.map(describe).join('; ')}${oursText}`, facts };
  },
};

function describe(s: McpSeriesSummary): string {
  if (s.total !== undefined) return `${s.name} ${trim(s.total)}`;
  const parts = [`${s.count ?? 0} observations`];
  if (s.p50Ms !== undefined) parts.push(`p50 ${s.p50Ms.toFixed(1)} ms`);
  if (s.p99Ms !== undefined) parts.push(`p99 ${s.p99Ms.toFixed(1)} ms`);
  return `${s.name}: ${parts.join(', ')}`;
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
