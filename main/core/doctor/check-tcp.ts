import { connect, type Socket } from 'node:net';
import { toErrorInfo } from '../diagnostics/classify-error';
import { defaultPort } from './check-url';
import { failWith, type LayerCheck } from './doctor-context';

/**
 * A TCP connect to each resolved address in `lookup`'s order until one accepts; the time is that
 * of the successful connect. Refused on the first address but accepted on a later one is a
 * warning (a client that tries only the first address fails, e.g. localhost → ::1).
 */
export const tcpCheck: LayerCheck = {
  layer: 'tcp',
  title: 'TCP',
  needs: ['dns'],
  async run(ctx) {
    const url = ctx.url!;
    const port = Number(url.port || defaultPort(url.protocol));
    const tried: Array<{ address: string; outcome: string; ms?: number }> = [];
    let firstError: unknown;
    for (const { address } of ctx.addresses ?? []) {
      const started = performance.now();
      try {
        await connectOnce(address, port, ctx.stepTimeoutMs);
        const ms = performance.now() - started;
        tried.push({ address, outcome: 'connected', ms });
        const where = address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
        if (tried.length > 1) {
          return {
            verdict: 'warn',
            finding: `Connected to ${where} in ${ms.toFixed(1)} ms, but ${tried.slice(0, -1).map((t) => `${t.address} (${t.outcome})`).join(', ')} came first`,
            fix: 'make the server listen on every address its name resolves to (e.g. both 127.0.0.1 and ::1), or use the address that answers in the URL',
            facts: { port, tried },
          };
        }
        return { verdict: 'pass', finding: `Connected to ${where} in ${ms.toFixed(1)} ms`, facts: { port, tried } };
      } catch (error) {
        firstError ??= error;
        tried.push({ address, outcome: (error as { code?: string }).code ?? 'failed' });
      }
    }
    return failWith(toErrorInfo(firstError ?? new Error('no address to connect to'), { url: url.href, phase: 'connect' }), { port, tried });
  },
};

function connectOnce(host: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host, port, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(Object.assign(new Error(`connect ETIMEDOUT ${host}:${port}`), { code: 'ETIMEDOUT', address: host, port, syscall: 'connect' }));
    });
    socket.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
  });
}
