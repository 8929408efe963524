import { createServer } from 'node:net';

/**
 * Ports below the kernel's ephemeral range (32768-60999 on Linux): a server that listens on port 0
 * (every test server) or a client socket is never given one, so a port found free here stays free
 * while the test uses it. A port taken from the ephemeral range and closed could be handed to
 * another test's server a moment later, turning "connection refused" into an answer.
 */
const FIRST_PORT = 20_000;
const PORTS = 12_000;

/**
 * A port on 127.0.0.1 that nothing listens on, so connecting to it is refused (ECONNREFUSED).
 * Tries ports below the ephemeral range until one can be bound, then releases it.
 */
export async function refusedPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = FIRST_PORT + Math.floor(Math.random() * PORTS);
    if (await isFree(port)) return port;
  }
  throw new Error('No free port below the ephemeral range on 127.0.0.1');
}

/** `http://127.0.0.1:<refused port>/mcp`. */
export async function refusedUrl(): Promise<string> {
  return `http://127.0.0.1:${await refusedPort()}/mcp`;
}

function isFree(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
