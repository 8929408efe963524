import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInstanceHealth, healthUrlsOf, parseHealthBody, probeHealth } from '../../../main/core/health/health-probe';

describe('health endpoints next to an MCP endpoint', () => {
  it('are /health and /ready on the same origin, http for ws', () => {
    expect(healthUrlsOf('http://mcp-server-1:3000/mcp')).toEqual({ '/health': 'http://mcp-server-1:3000/health', '/ready': 'http://mcp-server-1:3000/ready' });
    expect(healthUrlsOf('wss://api.example.com/v1/mcp?x=1')['/ready']).toBe('https://api.example.com/ready');
    expect(healthUrlsOf('ws://127.0.0.1:8080/ws')['/health']).toBe('http://127.0.0.1:8080/health');
  });

  it('read the JSON body\'s status field, as text', () => {
    expect(parseHealthBody('{"status":"healthy","uptime":3}')).toBe('healthy');
    expect(parseHealthBody('\uFEFF{"status":false}')).toBe('false');
    expect(parseHealthBody('{"ok":true}')).toBeUndefined();
    expect(parseHealthBody('OK')).toBeUndefined();
    expect(parseHealthBody('["status"]')).toBeUndefined();
  });
});

describe('probing health', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/health') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"healthy"}');
      if (req.url === '/ready') return void res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"draining"}');
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('gives status, latency and body status; a non-2xx answer is an http-status failure', async () => {
    const result = await checkInstanceHealth(`${origin}/mcp`);
    expect(result.health).toMatchObject({ path: '/health', status: 200, bodyStatus: 'healthy', ok: true });
    expect(result.health.latencyMs).toBeGreaterThan(0);
    expect(result.ready).toMatchObject({ path: '/ready', status: 503, bodyStatus: 'draining', ok: false, error: { kind: 'http-status' } });
    expect(result.ready.error!.message).toBe('/ready answered HTTP 503 (status: draining).');
    expect(result.ok).toBe(false);
  });

  it('says refused when nothing listens, without throwing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const probe = await probeHealth(`http://127.0.0.1:${port}/health`, '/health');
    expect(probe).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(probe.status).toBeUndefined();
  });
});
