import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, removeTestDataDir } from './cli-harness';

// A server that accepts requests and never answers: only Ctrl-C (or a timeout) ends a client.
let stuck: Server;
let url: string;

beforeAll(async () => {
  stuck = createServer(() => undefined);
  await new Promise<void>((resolve) => stuck.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(stuck.address() as AddressInfo).port}/mcp`;
});
afterAll(async () => {
  stuck.closeAllConnections();
  await new Promise<void>((resolve) => stuck.close(() => resolve()));
  removeTestDataDir();
});

// The first request of each era: the server/discover probe (auto), the initialize handshake (legacy).
describe.each([
  { era: 'auto', first: 'server/discover' },
  { era: 'legacy', first: 'initialize' },
])('Ctrl-C on a connecting command (era $era)', ({ era, first }) => {
  it('closes the connection and exits with the cancelled code, long before any timeout', async () => {
    let fire: () => void = () => undefined;
    const started = Date.now();
    const run = await cli(['tools', url, '--transport', 'streamable', '--protocol-era', era, '--trace', '--timeout', '20000'], {
      interrupt: (f) => (fire = f),
      onStderr: (chunk) => {
        if (chunk.includes('POST')) return; // wait for the request to be on its way
        if (chunk.includes(first)) setTimeout(fire, 50);
      },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(41);
    expect(run.stderr).toContain('interrupted: closing the connection...');
    expect(run.stderr).toMatch(/^error: Interrupted \(Ctrl-C\); the connection to .* was closed\.$/m);
    expect(run.stderr).toMatch(/^hint: /m);
  });
});
