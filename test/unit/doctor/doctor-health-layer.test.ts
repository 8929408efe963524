import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { healthCheck } from '../../../main/core/doctor/check-health';
import type { DoctorContext } from '../../../main/core/doctor/doctor-context';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** The doctor's health layer against a server answering `statuses[path]` (JSON body `{"status":…}` on a 2xx or 503). */
async function healthLayer(statuses: Record<'/health' | '/ready', number>) {
  server = createServer((req, res) => {
    const status = statuses[req.url as '/health' | '/ready'] ?? 404;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status: status === 200 ? 'ok' : 'down' }));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`);
  return healthCheck.run({ url, tls: { fetch: globalThis.fetch }, stepTimeoutMs: 3000 } as unknown as DoctorContext);
}

describe('doctor: the health layer', () => {
  const notServed = [
    { health: 404, ready: 404, finding: 'both 404' },
    { health: 405, ready: 405, finding: 'both 405' },
    { health: 501, ready: 404, finding: '501 and 404' },
  ];
  for (const { health, ready, finding } of notServed) {
    it(`/health ${health} and /ready ${ready}: neither is served, the layer is skipped (they are optional)`, async () => {
      const outcome = await healthLayer({ '/health': health, '/ready': ready });
      expect(outcome).toMatchObject({ verdict: 'skipped', finding: `The server has no /health or /ready (${finding}): they are optional` });
    });
  }

  it('one served and healthy, the other not served (405): passes, naming the one not served', async () => {
    const outcome = await healthLayer({ '/health': 200, '/ready': 405 });
    expect(outcome.verdict).toBe('pass');
    expect(outcome.finding).toMatch(/^\/health 200 "ok" in [\d.]+ ms; \/ready 405 \(not served\) "down" in [\d.]+ ms$/);
  });

  for (const status of [500, 503]) {
    it(`a ${status} next to a 405: warns that the instance is unhealthy`, async () => {
      const outcome = await healthLayer({ '/health': status, '/ready': 405 });
      expect(outcome).toMatchObject({ verdict: 'warn', fix: 'The instance says it is unhealthy; check its logs.' });
    });
  }
});
