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

/**
 * An answer that says the path is not there (404, 405, 501) is not an unhealthy instance: the
 * endpoints are optional. A 5xx other than 501 is the instance speaking about itself.
 */
describe('a health endpoint that is not served is not an unhealthy instance', () => {
  let server: Server;
  let origin: string;
  let status = 200;
  beforeAll(async () => {
    server = createServer((_req, res) => void res.writeHead(status, { 'content-type': 'text/plain' }).end('no'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  for (const notServed of [404, 405, 501]) {
    it(`${notServed}: not served, in those words`, async () => {
      status = notServed;
      const result = await checkInstanceHealth(`${origin}/mcp`);
      for (const probe of [result.health, result.ready]) {
        expect(probe).toMatchObject({ status: notServed, ok: false, notServed: true, error: { kind: 'http-status', message: `${probe.path} is not served here (HTTP ${notServed}).` } });
        expect(probe.error!.hint).toContain(`The instance has no ${probe.path} endpoint (health endpoints are optional)`);
        expect(probe.error!.hint).not.toMatch(/unhealthy|not ready/);
      }
    });
  }

  for (const guarded of [401, 403, 302]) {
    it(`${guarded}: says what the answer means, never that the instance is unhealthy`, async () => {
      status = guarded;
      const result = await checkInstanceHealth(`${origin}/mcp`);
      for (const probe of [result.health, result.ready]) {
        expect(probe).toMatchObject({ ok: false, error: { message: `${probe.path} answered HTTP ${guarded}.` } });
        expect(probe.error!.hint).toContain(guarded === 302 ? `${probe.path} redirects elsewhere (HTTP 302, not followed)` : `${probe.path} is protected (HTTP ${guarded}): its answer says nothing about the instance's health`);
        expect(probe.error!.hint).not.toMatch(/unhealthy|not ready/);
      }
    });
  }

  for (const failing of [500, 503]) {
    it(`${failing}: the instance is unhealthy or not ready`, async () => {
      status = failing;
      const result = await checkInstanceHealth(`${origin}/mcp`);
      expect(result.health).toMatchObject({ ok: false, error: { message: `/health answered HTTP ${failing}.`, hint: 'The instance says it is unhealthy; check its logs.' } });
      expect(result.ready.error!.hint).toMatch(/^The instance says it is not ready to take traffic/);
      for (const probe of [result.health, result.ready]) expect(probe.notServed).toBeUndefined();
    });
  }
});
