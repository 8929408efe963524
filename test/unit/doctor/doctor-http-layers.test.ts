import { afterEach, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../../shared/model';
import { runDoctor } from '../../../main/core/doctor/run-doctor';
import { seedMetrics, startOpsServer, type OpsServer } from '../../fixtures/doctor/ops-server';
import { startPlayground } from '../../../main/core/playground/start-playground';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function ops(routes: Parameters<typeof startOpsServer>[0]): Promise<OpsServer> {
  const server = await startOpsServer(routes);
  closers.push(server.close);
  return server;
}

const at = (report: DoctorReport, id: string) => report.layers.find((l) => l.layer === id)!;
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => (_req: unknown, res: import('node:http').ServerResponse) =>
  void res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

describe('doctor: HTTP, health, metrics and auth layers', () => {
  it('follows a redirect hop by hop, warns to use the final URL, and reads /health, /ready and /metrics', async () => {
    const metrics = await seedMetrics();
    const server = await ops({
      '/old': (_req, res) => void res.writeHead(308, { location: '/mcp' }).end(),
      '/mcp': json(400, { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'no session' } }),
      '/health': json(200, { status: 'healthy' }),
      '/ready': json(503, { status: 'not-ready' }),
      '/metrics': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metrics),
    });
    const report = await runDoctor({ target: { url: `${server.origin}/old`, transport: 'streamable', timeouts: { connectMs: 3000 } }, label: 'ops', stepTimeoutMs: 3000, env: {} });
    const http = at(report, 'http');
    expect(http.verdict).toBe('warn');
    expect(http.fix).toBe(`use the final URL ${server.origin}/mcp directly: MCP clients may not follow a redirect on POST`);
    expect(http.facts.redirects).toEqual([{ status: 308, location: `${server.origin}/mcp` }]);
    expect(http.finding).toContain(`HTTP 400 Bad Request (application/json) after 1 redirect (308 → ${server.origin}/mcp)`);

    const health = at(report, 'health');
    expect(health.verdict).toBe('warn');
    expect(health.finding).toMatch(/^\/health 200 "healthy" in [\d.]+ ms; \/ready 503 "not-ready" in [\d.]+ ms$/);
    expect(health.fix).toMatch(/not ready/);

    const m = at(report, 'metrics');
    expect(m.verdict).toBe('pass');
    expect(m.finding).toContain('mcp_requests_total 15');
    // 10 observations: rank 5 falls in (0.001, 0.005] holding 8 → 0.001 + 0.004 * 5/8 s; rank 9.9 in (0.1, 0.5] holding 2.
    expect(m.finding).toContain('mcp_request_duration_seconds: 10 observations, p50 3.5 ms, p99 480.0 ms');
    expect(m.facts.families).toBe(3);
    expect((m.facts.mcp as Array<{ name: string; top?: unknown }>)[0]).toMatchObject({ name: 'mcp_requests_total', top: [{ labels: 'method=tools/call,status=success', value: 9 }, { labels: 'method=tools/list,status=success', value: 5 }, { labels: 'method=tools/call,status=error', value: 1 }] });
    // The server is not MCP: the transport layer fails and says so.
    expect(at(report, 'transport')).toMatchObject({ verdict: 'fail', errorKind: 'protocol' });
    expect(at(report, 'transport').finding).toContain('no session');
    expect(at(report, 'initialize').finding).toBe('Not run: the Transport and protocol era layer failed');
    expect(report.firstFailure).toBe('transport');
  });

  it('warns about a proxy variable that applies (its password masked), and says NO_PROXY exempts a host', async () => {
    const server = await ops({ '/mcp': json(400, {}) });
    const applies = await runDoctor({ target: { url: `${server.origin}/mcp`, transport: 'streamable', timeouts: { connectMs: 2000 } }, label: 'p', env: { HTTP_PROXY: 'http://user:pw@proxy.test:3128' } });
    expect(at(applies, 'http')).toMatchObject({ verdict: 'warn' });
    expect(at(applies, 'http').finding).toContain('HTTP_PROXY (http://user:[redacted]@proxy.test:3128) applies to this URL, but Periscope connects directly');
    expect(JSON.stringify(applies)).not.toContain('user:pw');
    const exempt = await runDoctor({ target: { url: `${server.origin}/mcp`, transport: 'streamable', timeouts: { connectMs: 2000 } }, label: 'p', env: { HTTP_PROXY: 'http://proxy.test:3128', NO_PROXY: '127.0.0.1' } });
    expect(at(exempt, 'http').verdict).toBe('pass');
    expect(at(exempt, 'http').finding).toContain('NO_PROXY (127.0.0.1) exempts this host');
  });

  it('fails a 5xx answer at the HTTP layer', async () => {
    const server = await ops({ '/mcp': (_req, res) => void res.writeHead(502).end('bad gateway') });
    const report = await runDoctor({ target: { url: `${server.origin}/mcp`, transport: 'streamable' }, label: 'x', env: {} });
    expect(at(report, 'http')).toMatchObject({ verdict: 'fail', errorKind: 'http-status' });
    expect(at(report, 'transport').finding).toBe('Not run: the HTTP layer failed');
  });

  it('explains a 401 with its WWW-Authenticate challenge in the auth layer; no secret in the report', async () => {
    const challenge = 'Bearer realm="mcp", error="invalid_token", error_description="token expired", resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource"';
    const server = await ops({ '/mcp': json(401, { error: 'unauthorized' }, { 'www-authenticate': challenge }) });
    const secret = 'opaque-token-1234567890';
    const report = await runDoctor({ target: { url: `${server.origin}/mcp`, transport: 'streamable', headers: [{ name: 'Authorization', value: `Bearer ${secret}`, secret: true }], timeouts: { connectMs: 3000 } }, label: 'auth', env: {} });
    expect(at(report, 'http')).toMatchObject({ verdict: 'warn' });
    expect(at(report, 'transport').verdict).toBe('skipped');
    const auth = at(report, 'auth');
    expect(auth).toMatchObject({ verdict: 'fail', errorKind: 'auth' });
    expect(auth.finding).toMatch(/401 Unauthorized; it asks for Bearer/);
    expect(auth.fix).toMatch(/the token was rejected \(expired, revoked or wrong\)/);
    expect(auth.facts.credentialHeaders).toEqual(['Authorization']);
    expect(report.firstFailure).toBe('auth');
    expect(JSON.stringify(report)).not.toContain(secret);
  });

  it('passes auth when the playground accepts the bearer token, and masks it everywhere', async () => {
    const playground = await startPlayground({ requireBearer: 'pg-secret-token-42' });
    closers.push(() => playground.close());
    const url = `http://127.0.0.1:${playground.port}/mcp`;
    const ok = await runDoctor({ target: { url, transport: 'auto', headers: [{ name: 'Authorization', value: 'Bearer pg-secret-token-42', secret: true }] }, label: 'pg', env: {} });
    expect(at(ok, 'auth')).toMatchObject({ verdict: 'pass', finding: 'The server accepted the request with Authorization (values masked)' });
    expect(ok.ok).toBe(true);
    expect(JSON.stringify(ok)).not.toContain('pg-secret-token-42');
    const refused = await runDoctor({ target: { url, transport: 'auto', headers: [{ name: 'Authorization', value: 'Bearer wrong-token-99', secret: true }] }, label: 'pg', env: {} });
    expect(at(refused, 'auth')).toMatchObject({ verdict: 'fail', errorKind: 'auth' });
    expect(JSON.stringify(refused)).not.toContain('wrong-token-99');
  });
});
